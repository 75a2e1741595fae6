import { describe, expect, it } from "vitest";
import { readConfig } from "./config.server";

const KEY = Buffer.alloc(32, 7).toString("base64");

describe("readConfig", () => {
  it("limits sends to 10 an hour from one address unless told otherwise", () => {
    expect(readConfig({}).sendsPerHourPerAddress).toBe(10);
    expect(readConfig({ SENDS_PER_HOUR_PER_ADDRESS: "250" }).sendsPerHourPerAddress).toBe(250);
  });

  it("stops at start on a limit that is not a whole number above 0, rather than guessing", () => {
    for (const bad of ["0", "-3", "2.5", "ten"]) {
      expect(() => readConfig({ SENDS_PER_HOUR_PER_ADDRESS: bad }), bad).toThrow(/SENDS_PER_HOUR_PER_ADDRESS must be a whole number/);
    }
  });

  it("turns demo mode on outside production and off in it", () => {
    expect(readConfig({}).demoMode).toBe(true);
    expect(readConfig({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: KEY }).demoMode).toBe(false);
    expect(readConfig({ NODE_ENV: "production", DEMO_MODE: "true" }).demoMode).toBe(true);
  });

  it("will not start outside demo mode without TOTP_ENCRYPTION_KEY, and says how to make one", () => {
    expect(() => readConfig({ NODE_ENV: "production" })).toThrow(/TOTP_ENCRYPTION_KEY is required outside demo mode.*openssl rand -base64 32/);
    expect(() => readConfig({ DEMO_MODE: "false" })).toThrow(/TOTP_ENCRYPTION_KEY/);
    expect(() => readConfig({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: "not-a-key" })).toThrow(/TOTP_ENCRYPTION_KEY must be 32 random bytes/);
    expect(readConfig({ NODE_ENV: "production", TOTP_ENCRYPTION_KEY: KEY }).totpEncryptionKey.equals(Buffer.alloc(32, 7))).toBe(true);
    // Demo mode starts without setup, on a fixed key that protects nothing (demo data is fictional).
    expect(readConfig({}).totpEncryptionKey).toHaveLength(32);
  });
});
