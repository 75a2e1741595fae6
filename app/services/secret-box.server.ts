import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

// AES-256-GCM for secrets the app must read back (TOTP secrets). The stored form is
// "v1:<iv>.<tag>.<ciphertext>" (base64url): the version names the algorithm and key, so a later
// change can re-encrypt old rows. The caller's context (e.g. the row it belongs to) is
// authenticated too, so a ciphertext copied to another row does not decrypt.

const VERSION = "v1:";
const KEY_BYTES = 32;

/** 32 bytes as base64 (`openssl rand -base64 32`) or as 64 hex digits. Throws naming `name`. */
export function parseKey(value: string, name: string): Buffer {
  const text = value.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, "hex") : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, "base64") : null;
  if (!key || key.length !== KEY_BYTES) throw new Error(`${name} must be 32 random bytes written as base64 or hex. Make one with: openssl rand -base64 32`);
  return key;
}

/**
 * A fixed, public key for demo mode only: demo data is fictional, and a demo must start without
 * setup. It is derived from a known phrase, so it protects nothing.
 */
export const DEMO_KEY = createHash("sha256").update("speak-up demo mode: not a secret").digest();

export function isEncrypted(stored: string): boolean {
  return stored.startsWith(VERSION);
}

export function encryptSecret(plain: string, key: Buffer, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}${[iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".")}`;
}

/** Throws when the text was changed, was encrypted for another context, or under another key. */
export function decryptSecret(stored: string, key: Buffer, context: string): string {
  if (!isEncrypted(stored)) throw new Error("not an encrypted secret");
  const [iv, tag, body] = stored.slice(VERSION.length).split(".").map((part) => Buffer.from(part, "base64url"));
  if (!iv || !tag || !body || iv.length !== 12 || tag.length !== 16) throw new Error("malformed encrypted secret");
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}
