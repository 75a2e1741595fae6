import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, isEncrypted, parseKey } from "./secret-box.server";

const key = randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("reads back what it wrote, under a version prefix, never the plain text", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP", key, "row:1");
    expect(stored.startsWith("v1:")).toBe(true);
    expect(isEncrypted(stored)).toBe(true);
    expect(stored).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret(stored, key, "row:1")).toBe("JBSWY3DPEHPK3PXP");
    // A fresh IV each time: the same secret never encrypts the same way twice.
    expect(encryptSecret("JBSWY3DPEHPK3PXP", key, "row:1")).not.toBe(stored);
  });

  it("refuses a changed ciphertext, another row's ciphertext, another key, and plain text", () => {
    const stored = encryptSecret("JBSWY3DPEHPK3PXP", key, "row:1");
    const [iv, tag, body] = stored.slice(3).split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0]! ^= 1;
    expect(() => decryptSecret(`v1:${iv}.${tag}.${flipped.toString("base64url")}`, key, "row:1")).toThrow();
    expect(() => decryptSecret(stored, key, "row:2")).toThrow();
    expect(() => decryptSecret(stored, randomBytes(32), "row:1")).toThrow();
    expect(() => decryptSecret("JBSWY3DPEHPK3PXP", key, "row:1")).toThrow(/not an encrypted secret/);
  });

  it("takes a key as base64 or hex, and names the variable when it is not 32 bytes", () => {
    const raw = randomBytes(32);
    expect(parseKey(raw.toString("base64"), "K").equals(raw)).toBe(true);
    expect(parseKey(raw.toString("hex"), "K").equals(raw)).toBe(true);
    for (const bad of ["", "short", randomBytes(16).toString("base64"), randomBytes(31).toString("hex")]) {
      expect(() => parseKey(bad, "TOTP_ENCRYPTION_KEY"), bad).toThrow(/TOTP_ENCRYPTION_KEY must be 32 random bytes.*openssl rand -base64 32/);
    }
  });
});
