import { randomInt } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatRecoveryCode, generateRecoveryCode, normaliseRecoveryCode } from "./recovery-codes";

describe("recovery codes", () => {
  it("are ten symbols without look-alikes, shown in two groups and read back however typed", () => {
    const code = generateRecoveryCode(randomInt);
    expect(code).toMatch(/^[2-9A-HJ-NPR-Z]{10}$/);
    const shown = formatRecoveryCode(code);
    expect(shown).toMatch(/^.{5}-.{5}$/);
    expect(normaliseRecoveryCode(` ${shown.toLowerCase()} `)).toBe(code);
    expect(normaliseRecoveryCode("12345-67890")).toBeNull();
    expect(normaliseRecoveryCode("123456")).toBeNull();
  });
});
