import { describe, expect, it } from "vitest";
import { paragraphsOf } from "./paragraphs";
import { checkPostedOn, contactMethodOf, letterChannel, letterEmailOf, notSafeToWrite, postalAddressOf } from "./letters";

const contact = (contactMethod: string, extra: Record<string, string> = {}) => ({ contact: { contactMethod, ...extra } });

describe("how a letter reaches the person", () => {
  it("emails someone who asked for email and gave an address", () => {
    expect(letterEmailOf({ personEmail: "pat@example.com", answers: contact("email") })).toBe("pat@example.com");
    expect(letterEmailOf({ personEmail: "pat@example.com", answers: contact("post") })).toBeNull();
    expect(letterChannel({ personEmail: "pat@example.com", answers: contact("email", { email: "pat@example.com" }) })).toBe("email");
  });

  it("keeps the letter to post when the person asked for post, even with an email address on the record", () => {
    expect(letterChannel({ personEmail: null, answers: contact("post", { address: "1 High Street" }) })).toBe("letter");
    expect(letterChannel({ personEmail: "pat@example.com", answers: contact("post", { address: "1 High Street" }) })).toBe("letter");
  });

  it("keeps the letter to post when there is no email address, whatever else they chose", () => {
    expect(letterChannel({ personEmail: null, answers: contact("phone", { phone: "07700 900982" }) })).toBe("letter");
    expect(letterChannel({ personEmail: null, answers: contact("advocate", { advocateReach: "Sam" }) })).toBe("letter");
    expect(letterChannel({ personEmail: "  ", answers: {} })).toBe("letter");
    expect(letterChannel({ personEmail: null, answers: null })).toBe("letter");
  });

  it("emails a case logged without the contact questions when it has an address (older or staff-logged records)", () => {
    expect(letterChannel({ personEmail: "pat@example.com", answers: {} })).toBe("email");
    expect(letterChannel({ personEmail: "pat@example.com", answers: { contact: "not an object" } })).toBe("email");
  });

  it("reads the method, the postal address and whether writing is safe from the answers, defensively", () => {
    expect(contactMethodOf(contact("post"))).toBe("post");
    expect(contactMethodOf(undefined)).toBeNull();
    expect(postalAddressOf(contact("post", { address: " 1 High Street\nNorthtown " }))).toBe("1 High Street\nNorthtown");
    expect(postalAddressOf(contact("post", { address: "   " }))).toBeNull();
    expect(postalAddressOf({})).toBeNull();
    expect(notSafeToWrite({ "contact-safety": { safeToWrite: "no" } })).toBe(true);
    expect(notSafeToWrite({ "contact-safety": { safeToWrite: "yes" } })).toBe(false);
    expect(notSafeToWrite({})).toBe(false);
  });
});

describe("marking a letter posted", () => {
  const letter = { writtenOn: "2026-11-23", postedOn: null };
  it("accepts the day it was written, up to today", () => {
    expect(checkPostedOn(letter, "2026-11-23", "2026-11-25")).toBeNull();
    expect(checkPostedOn(letter, "2026-11-25", "2026-11-25")).toBeNull();
  });
  it("refuses a date before the letter, in the future, or a second time", () => {
    expect(checkPostedOn(letter, "2026-11-22", "2026-11-25")).toBe("before-letter");
    expect(checkPostedOn(letter, "2026-11-26", "2026-11-25")).toBe("in-future");
    expect(checkPostedOn({ ...letter, postedOn: "2026-11-24" }, "2026-11-25", "2026-11-25")).toBe("already-posted");
  });
});

describe("paragraphsOf", () => {
  it("splits at blank lines (spaces in them too), trims each paragraph and keeps single line breaks", () => {
    expect(paragraphsOf("Dear Sam,\n\n  We looked into it.\nLine two.\n \n\nYours,\n")).toEqual(["Dear Sam,", "We looked into it.\nLine two.", "Yours,"]);
    expect(paragraphsOf("  \n\n ")).toEqual([]);
  });
});
