import { describe, expect, it } from "vitest";
import { readConfig } from "./config.server";

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
    expect(readConfig({ NODE_ENV: "production" }).demoMode).toBe(false);
    expect(readConfig({ NODE_ENV: "production", DEMO_MODE: "true" }).demoMode).toBe(true);
  });

  it("trusts a reverse proxy's X-Forwarded-* headers only when told to", () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: "true" }).trustProxy).toBe(true);
  });
});
