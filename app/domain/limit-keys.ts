import { isIPv4, isIPv6 } from "node:net";

// What a rate limit counts. Both keys merge the spellings that reach the same place, so that a
// script cannot get round a limit by writing one mailbox or one machine in several ways.

/**
 * One mailbox, however it is written: letter case, spaces, "+tag" sub-addresses (Gmail, Outlook
 * and most others deliver name+anything@ to name@) and, at Gmail, dots in the name. Used only
 * as a limit's key (hashed), never to send to.
 */
export function mailboxKey(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 1) return address;
  let name = address.slice(0, at).split("+")[0] || address.slice(0, at);
  let domain = address.slice(at + 1);
  if (domain === "googlemail.com") domain = "gmail.com";
  if (domain === "gmail.com") name = name.replaceAll(".", "");
  return `${name}@${domain}`;
}

/** The eight 16-bit groups of an IPv6 address, or null if it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (!isIPv6(address)) return null;
  let text = address.replace(/%.*$/, "");
  // A dotted IPv4 tail (::ffff:192.0.2.1) is two groups.
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (tail) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.slice(1).map(Number);
    text = `${text.slice(0, tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest = ""] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = text.includes("::") ? 8 - left.length - right.length : 0;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => parseInt(group, 16));
}

/**
 * One client network: an IPv4 address, or an IPv6 /64 (the block one home or phone is given, so
 * stepping through addresses inside it is still one client). IPv4 written as IPv6 counts as IPv4.
 */
export function clientKey(address: string): string {
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const [g0, g1, g2, g3, g4, g5, g6 = 0, g7 = 0] = groups;
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return [g6 >> 8, g6 & 255, g7 >> 8, g7 & 255].join(".");
  }
  return `${[g0, g1, g2, g3].map((g) => (g ?? 0).toString(16)).join(":")}::/64`;
}
