import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { rateLimits } from "../../db/schema";
import { purgeRateLimits, withinLimit } from "./rate-limit.server";

const HOUR = 60 * 60 * 1000;
// 10:00 exactly, the start of an hour window.
const T0 = new Date("2026-11-23T10:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);

describe("withinLimit", () => {
  it("allows the limit in a window and refuses the next", async () => {
    const db = await createTestDb();
    const results = Array.from({ length: 5 }, (_, i) => withinLimit(db, "send:203.0.113.7", { limit: 3, windowMs: HOUR, now: at(i * 1000) }));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it("counts each key separately", async () => {
    const db = await createTestDb();
    const options = { limit: 2, windowMs: HOUR, now: at(0) };
    expect(withinLimit(db, "send:203.0.113.7", options)).toBe(true);
    expect(withinLimit(db, "send:203.0.113.7", options)).toBe(true);
    expect(withinLimit(db, "send:203.0.113.7", options)).toBe(false);
    expect(withinLimit(db, "send:203.0.113.8", options)).toBe(true);
    expect(withinLimit(db, "sign-in:203.0.113.7", options)).toBe(true);
    expect(withinLimit(db, "send:203.0.113.8", options)).toBe(true);
    expect(withinLimit(db, "send:203.0.113.8", options)).toBe(false);
  });

  it("starts again in a new window, which is fixed to the clock", async () => {
    const db = await createTestDb();
    const options = (now: Date) => ({ limit: 1, windowMs: HOUR, now });
    expect(withinLimit(db, "k", options(at(0)))).toBe(true);
    expect(withinLimit(db, "k", options(at(HOUR - 1)))).toBe(false);
    expect(withinLimit(db, "k", options(at(HOUR)))).toBe(true);
    expect(withinLimit(db, "k", options(at(HOUR + 30 * 60 * 1000)))).toBe(false);
    // The window is the clock hour, not an hour from the first attempt.
    expect(withinLimit(db, "late", options(at(HOUR - 1)))).toBe(true);
    expect(withinLimit(db, "late", options(at(HOUR)))).toBe(true);
  });

  it("keeps counting past the limit, so a busy sender stays refused", async () => {
    const db = await createTestDb();
    for (let i = 0; i < 10; i += 1) withinLimit(db, "k", { limit: 2, windowMs: HOUR, now: at(i) });
    expect(db.select().from(rateLimits).all()).toEqual([expect.objectContaining({ count: 10, windowStart: T0.getTime() })]);
  });

  it("stores a hash, never the key itself", async () => {
    const db = await createTestDb();
    withinLimit(db, "send:203.0.113.7", { limit: 2, windowMs: HOUR, now: at(0) });
    const [row] = db.select().from(rateLimits).all();
    expect(row?.bucket).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(db.$client.prepare("select * from rate_limits").all())).not.toContain("203.0.113.7");
  });
});

describe("purgeRateLimits", () => {
  it("forgets windows that ended more than a day ago", async () => {
    const db = await createTestDb();
    const options = (now: Date) => ({ limit: 5, windowMs: HOUR, now });
    withinLimit(db, "k", options(at(-25 * HOUR)));
    withinLimit(db, "k", options(at(-23 * HOUR)));
    withinLimit(db, "k", options(at(0)));
    purgeRateLimits(db, T0);
    const left = db.select().from(rateLimits).all().map((r) => r.windowStart);
    expect(left.sort((a, b) => a - b)).toEqual([at(-23 * HOUR).getTime(), T0.getTime()]);
  });
});
