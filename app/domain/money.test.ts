import { describe, expect, it } from "vitest";
import { formatPounds, penceFromPounds } from "./money";

describe("money in pounds", () => {
  it("reads pounds as whole pence, with or without the sign, commas and pence", () => {
    expect(penceFromPounds("300")).toBe(30000);
    expect(penceFromPounds("£1,250.50")).toBe(125050);
    expect(penceFromPounds(" £ 12.5 ")).toBe(1250);
    expect(penceFromPounds("0.07")).toBe(7);
  });

  it("treats empty as no amount and refuses what is not an amount", () => {
    expect(penceFromPounds("")).toBeNull();
    expect(penceFromPounds(undefined)).toBeNull();
    for (const bad of ["-5", "12.345", "ten", "1e3", "£", "1,25"]) expect(penceFromPounds(bad)).toBe("invalid");
  });

  it("writes pence as pounds", () => {
    expect(formatPounds(125050)).toBe("£1,250.50");
    expect(formatPounds(7)).toBe("£0.07");
    expect(formatPounds(30000)).toBe("£300.00");
  });
});
