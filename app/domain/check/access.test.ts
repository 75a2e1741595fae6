import { describe, expect, it } from "vitest";
import { CODE_MINUTES, codeExpiresAt, codeState, generateCheckCode, normaliseCheckCode, SESSION_MINUTES, sessionExpiresAt } from "./access";

const T0 = new Date("2026-03-02T10:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60 * 1000);

describe("the one-time code", () => {
  it("is six digits from the random source", () => {
    const digits = [3, 1, 4, 1, 5, 9];
    expect(generateCheckCode(() => digits.shift() ?? 0)).toBe("314159");
  });

  it("accepts spaces and dashes, and nothing that is not six digits", () => {
    expect(normaliseCheckCode(" 314 159 ")).toBe("314159");
    expect(normaliseCheckCode("314-159")).toBe("314159");
    expect(normaliseCheckCode("31415")).toBeNull();
    expect(normaliseCheckCode("3141592")).toBeNull();
    expect(normaliseCheckCode("31415a")).toBeNull();
  });

  it(`works for ${CODE_MINUTES} minutes and not a moment longer`, () => {
    const expiresAt = codeExpiresAt(T0);
    expect(codeState({ expiresAt, usedAt: null }, minutes(CODE_MINUTES - 1))).toBe("valid");
    expect(codeState({ expiresAt, usedAt: null }, minutes(CODE_MINUTES))).toBe("expired");
  });

  it("works once", () => {
    expect(codeState({ expiresAt: codeExpiresAt(T0), usedAt: minutes(1) }, minutes(2))).toBe("used");
  });

  it(`opens a session of ${SESSION_MINUTES} minutes`, () => {
    expect(sessionExpiresAt(T0).getTime() - T0.getTime()).toBe(SESSION_MINUTES * 60 * 1000);
  });
});
