import { describe, expect, it } from "vitest";
import { passwordWeakness, personalWords } from "./password-strength.server";

const me = personalWords({ name: "Jordan Blake", email: "jordan.blake@northshire.gov.uk", councilName: "Northshire Council" });

describe("password strength", () => {
  it("refuses common and guessable passwords of 12 characters or more, saying why", () => {
    expect(passwordWeakness("password1234", me)).toBe("staff:errors.newPassword.weak.common");
    expect(passwordWeakness("Password123!", me)).toBe("staff:errors.newPassword.weak.common");
    expect(passwordWeakness("qwertyuiop123", me)).toBe("staff:errors.newPassword.weak.common");
    expect(passwordWeakness("zxcvbnm,./asdf", me)).toBe("staff:errors.newPassword.weak.keyboard");
    expect(passwordWeakness("aaaaaaaaaaaaaaaa", me)).toBe("staff:errors.newPassword.weak.repeats");
    expect(passwordWeakness("abcdefghijklmnop", me)).toBe("staff:errors.newPassword.weak.sequences");
    // The person's own name, email address and council.
    expect(passwordWeakness("jordanblake2026", me)).toBe("staff:errors.newPassword.weak.personal");
    expect(passwordWeakness("Northshire2026!", me)).toBe("staff:errors.newPassword.weak.personal");
  });

  it("accepts passphrases of unrelated words and long random passwords", () => {
    expect(passwordWeakness("correct horse battery staple", me)).toBeNull();
    expect(passwordWeakness("marmalade tuesday lighthouse", me)).toBeNull();
    expect(passwordWeakness("xR7#qLm2vT9@", me)).toBeNull();
    // The demo accounts' documented password, which is seeded directly rather than typed.
    expect(passwordWeakness("demo-password-please-change", [])).toBeNull();
  });
});
