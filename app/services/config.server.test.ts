import { describe, expect, it } from "vitest";
import { readConfig } from "./config.server";

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
    expect(readConfig({ NODE_ENV: "production" }).demoMode).toBe(false);
    expect(readConfig({ NODE_ENV: "production", DEMO_MODE: "true" }).demoMode).toBe(true);
  });
});
