import ipaddr from "ipaddr.js";

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

/**
 * One client network: an IPv4 address, or an IPv6 /64 (the block one home or phone is given, so
 * stepping through addresses inside it is still one client). IPv4 written as IPv6 counts as IPv4.
 */
export function clientKey(address: string): string {
  const text = address.replace(/%.*$/, "");
  if (!ipaddr.isValid(text)) return address;
  const parsed = ipaddr.process(text);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const parts = (parsed as ipaddr.IPv6).parts;
  return `${parts.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
}
