import { describe, expect, it } from "vitest";
import { readConfig } from "./config.server";

const KEY = Buffer.alloc(32, 7).toString("base64");

describe("readConfig", () => {
  it("limits sends to 10 an hour from one address unless told otherwise", () => {
    expect(readConfig({}).sendsPerHourPerAddress).toBe(10);
    expect(readConfig({ SENDS_PER_HOUR_PER_ADDRESS: "250" }).sendsPerHourPerAddress).toBe(250);
  });

  it("sends 20 come-back-later links a day to one client address unless told otherwise", () => {
    expect(readConfig({}).returnLinksPerDayPerClient).toBe(20);
    expect(readConfig({ RETURN_LINKS_PER_DAY_PER_CLIENT: "5000" }).returnLinksPerDayPerClient).toBe(5000);
    expect(() => readConfig({ RETURN_LINKS_PER_DAY_PER_CLIENT: "0" })).toThrow(/RETURN_LINKS_PER_DAY_PER_CLIENT must be a whole number/);
  });

  it("stops at start on a limit that is not a whole number above 0, rather than guessing", () => {
    for (const bad of ["0", "-3", "2.5", "ten"]) {
      expect(() => readConfig({ SENDS_PER_HOUR_PER_ADDRESS: bad }), bad).toThrow(/SENDS_PER_HOUR_PER_ADDRESS must be a whole number/);
    }
  });

  it("writes backups to data/backups and keeps 7 unless told otherwise", () => {
    expect(readConfig({}).backupDir).toMatch(/data\/backups$/);
    expect(readConfig({}).backupKeep).toBe(7);
    expect(readConfig({ BACKUP_DIR: "/srv/backups", BACKUP_KEEP: "30" })).toMatchObject({ backupDir: "/srv/backups", backupKeep: 30 });
    expect(() => readConfig({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP must be a whole number/);
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

  it("trusts a reverse proxy's X-Forwarded-* headers only when told to", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
  });

  it("sends the reminder digests from 07:00 England time unless REMINDER_HOUR says otherwise, and refuses a time that is not an hour", () => {
    expect(readConfig({}).reminderHour).toBe(7);
    expect(readConfig({ REMINDER_HOUR: "0" }).reminderHour).toBe(0);
    expect(readConfig({ REMINDER_HOUR: "23" }).reminderHour).toBe(23);
    for (const bad of ["24", "-1", "7.5", "seven", "7am"]) expect(() => readConfig({ REMINDER_HOUR: bad }), bad).toThrow(/REMINDER_HOUR must be an hour from 0 to 23/);
  });
});
