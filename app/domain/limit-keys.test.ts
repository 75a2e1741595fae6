import { describe, expect, it } from "vitest";
import { clientKey, mailboxKey } from "./limit-keys";

describe("mailboxKey", () => {
  it("treats the ways of writing one mailbox as one", () => {
    for (const spelling of ["robin@example.org", " Robin@Example.ORG ", "robin+save@example.org", "ROBIN+1+2@example.org"]) {
      expect(mailboxKey(spelling), spelling).toBe("robin@example.org");
    }
    for (const spelling of ["ro.bin@gmail.com", "r.o.b.i.n+x@googlemail.com", "Robin@GMail.com"]) {
      expect(mailboxKey(spelling), spelling).toBe("robin@gmail.com");
    }
  });

  it("keeps different mailboxes apart", () => {
    expect(mailboxKey("ro.bin@example.org")).not.toBe(mailboxKey("robin@example.org"));
    expect(mailboxKey("robin@example.org")).not.toBe(mailboxKey("robin@example.com"));
    expect(mailboxKey("+robin@example.org")).toBe("+robin@example.org");
  });
});

describe("clientKey", () => {
  it("keeps an IPv4 address as it is, also when written as IPv6", () => {
    expect(clientKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(clientKey("::ffff:cb00:7107")).toBe("203.0.113.7");
  });

  it("counts an IPv6 /64 as one client", () => {
    expect(clientKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(clientKey("::1")).toBe("0:0:0:0::/64");
    expect(clientKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("keeps anything else as it is", () => {
    expect(clientKey("unknown")).toBe("unknown");
  });
});
