import { describe, expect, it } from "vitest";
import { nextCaseAction } from "./case-identity";

describe("nextCaseAction", () => {
  it("triages a new case first", () => {
    expect(nextCaseAction(["triage", "coding", "decision", "assign"], "new")).toBe("triage");
  });

  it("decides a triaged complaint before anything else", () => {
    expect(nextCaseAction(["triage", "coding", "decision", "assign"], "triaged")).toBe("decision");
  });

  it("offers the stage's forward move, never an answer to an event", () => {
    expect(nextCaseAction(["extend", "respond", "withdraw", "put-on-hold", "triage"], "open")).toBe("respond");
    expect(nextCaseAction(["respond", "agree-statement", "name-investigator"], "open")).toBe("agree-statement");
    // Stage 2: the statement is written and shared before anyone can agree it (decision record 041).
    expect(nextCaseAction(["respond", "share-statement", "agree-statement"], "open")).toBe("share-statement");
    expect(nextCaseAction(["take-off-hold", "withdraw"], "open")).toBe("take-off-hold");
    expect(nextCaseAction(["close", "escalate", "reopen"], "open")).toBe("close");
  });

  it("offers nothing when no forward move is open to this person", () => {
    expect(nextCaseAction(["correspondence", "safeguarding", "reopen"], "closed")).toBeNull();
    expect(nextCaseAction([], "open")).toBeNull();
  });
});
