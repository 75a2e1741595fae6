import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { optionId } from "./html-id";

describe("optionId", () => {
  it("keeps a value that is already a code", () => {
    expect(optionId("relationship", "foster-carer")).toBe("relationship-foster-carer");
  });

  it("gives a label with spaces and punctuation an id without them", () => {
    expect(optionId("otherNatures", "Quality of service")).toMatch(/^otherNatures-Quality-of-service-[a-z0-9]+$/);
    expect(optionId("outcomesSought", "An apology & a change")).toMatch(/^outcomesSought-An-apology-a-change-[a-z0-9]+$/);
  });

  it("never gives two different values the same id, and every id is a valid, selector-safe HTML id", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        fc.pre(a !== b && a !== "" && b !== "");
        const [idA, idB] = [optionId("f", a), optionId("f", b)];
        expect(idA).toMatch(/^[A-Za-z0-9_-]+$/);
        expect(idA).not.toBe(idB);
      }),
    );
    expect(optionId("f", "Child's plan")).not.toBe(optionId("f", "Childs plan"));
  });
});
