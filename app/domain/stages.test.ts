import { describe, expect, it } from "vitest";
import { caseRoles } from "./permissions";
import {
  allowedActions,
  allowedFeedbackActions,
  checkFeedbackTransition,
  checkPanel,
  checkStageHandler,
  checkTransition,
  feedbackActions,
  feedbackStates,
  firstStageKind,
  isRunning,
  legacyStageKind,
  nextStageKind,
  roleMayEver,
  runningStates,
  stageActions,
  stageKinds,
  stageStates,
  type StageFacts,
  type StageKind,
  type StageState,
} from "./stages";

// Three sets of facts: A nothing done yet; B everything true at once (on hold, statement agreed,
// investigator named, panel booked and reported, remedy outstanding, the Ombudsman's enquiry
// answered, response overdue, extended to the maximum); C part way (statement agreed, panel booked, nothing else);
// D a statement of complaint shared with the person and waiting for their answer (decision record 041).
const FACTS: Record<"A" | "B" | "C" | "D", StageFacts> = {
  A: {},
  B: {
    onHold: true,
    statementAgreed: true,
    investigatorNamed: true,
    panelBooked: true,
    panelReportRecorded: true,
    remedyOutstanding: true,
    enquiryAnswered: true,
    responseOverdue: true,
    atMaximum: true,
  },
  C: { statementAgreed: true, panelBooked: true },
  D: { statementWaiting: true },
};

const ROLE_LETTERS: Record<string, string> = {
  O: "complaints-officer",
  M: "complaints-manager",
  T: "team-manager",
  I: "investigator",
  P: "person",
};

// The expected matrix, written by hand from the issue and the Regulations rather than from the
// table: kinds | state | action | roles allowed (letters above) | fact sets in which it is allowed.
// Anything not listed is refused, for every role (and always for an administrator).
const SIMPLE = "early-resolution case-concern";
const CORPORATE = "corporate-stage1 corporate-stage2";
const ALL_COUNCIL = `${SIMPLE} statutory-stage1 statutory-stage2 statutory-stage3 ${CORPORATE}`;
const EXPECTED = `
${SIMPLE} statutory-stage1 ${CORPORATE} | open | respond | OMT | ABCD
statutory-stage2 | open | respond | OMT | B
statutory-stage1 statutory-stage2 ${CORPORATE} | open | extend | OM | ACD
${ALL_COUNCIL} | open | withdraw | OMP | ABCD
${ALL_COUNCIL} | open | put-on-hold | OMT | ACD
${ALL_COUNCIL} | open | take-off-hold | OMT | B
statutory-stage1 | open | escalate | OMP | B
${ALL_COUNCIL} | responded | close | OM | ABCD
${SIMPLE} statutory-stage1 statutory-stage2 corporate-stage1 | responded | escalate | OMP | ABCD
statutory-stage3 corporate-stage2 | responded | refer-to-ombudsman | OM | ABCD
ombudsman | open | answer-ombudsman-enquiry | OM | ACD
${ALL_COUNCIL} ombudsman | closed | reopen | OM | ABCD
${ALL_COUNCIL} ombudsman | withdrawn | reopen | OM | ABCD
statutory-stage2 | open | share-statement | OMI | A
statutory-stage2 | open | agree-statement | OMI | AD
statutory-stage2 | open | agree-statement | P | D
statutory-stage2 | open | ask-statement-changes | P | D
statutory-stage2 | open | name-investigator | OM | ABCD
statutory-stage3 | open | book-panel | OM | ACD
statutory-stage3 | open | record-panel-report | OM | C
statutory-stage3 | open | record-council-response | OM | B
ombudsman | open | record-ombudsman-decision | OM | ABCD
ombudsman | responded | close | OM | ACD
ombudsman | responded | record-remedy-met | OM | B
${ALL_COUNCIL} ombudsman | open | correct-dates | OM | ABCD
${ALL_COUNCIL} ombudsman | responded | correct-dates | OM | ABCD
`;

const expectedAllowed = new Set<string>();
for (const line of EXPECTED.trim().split("\n")) {
  const [kinds = "", state = "", action = "", roles = "", sets = ""] = line.split("|").map((s) => s.trim());
  for (const kind of kinds.split(/\s+/))
    for (const letter of roles)
      for (const set of sets) expectedAllowed.add(`${kind} ${state} ${action} ${ROLE_LETTERS[letter]} ${set}`);
}

const everyRole = [...caseRoles, "person", "administrator"];

describe("the transition table", () => {
  const cases: Array<[StageKind, StageState, (typeof stageActions)[number], string, "A" | "B" | "C" | "D"]> = [];
  for (const kind of stageKinds)
    for (const state of stageStates)
      for (const action of stageActions)
        for (const role of everyRole) for (const set of ["A", "B", "C", "D"] as const) cases.push([kind, state, action, role, set]);

  it("allows exactly the expected moves and refuses every other, with a reason", () => {
    const mismatches: string[] = [];
    let allowed = 0;
    for (const [kind, state, action, role, set] of cases) {
      const key = `${kind} ${state} ${action} ${role} ${set}`;
      const offered = allowedActions({ kind, state }, role, FACTS[set]).includes(action);
      // checkTransition is given everything a form would ask for, so only the rules decide.
      const check = checkTransition({ kind, state }, action, role, FACTS[set], {
        reason: "a reason",
        date: "2026-11-02",
        newDate: "2026-11-20",
        finding: "Upheld",
        person: "An Investigating Officer",
        decision: "Upheld - fault causing injustice",
        statement: "What the complaint is about.",
        panel: [
          { person: "A", chair: true },
          { person: "B", chair: false },
          { person: "C", chair: false },
        ],
      });
      const expected = expectedAllowed.has(key);
      if (expected) allowed += 1;
      if (offered !== expected || check.ok !== expected) mismatches.push(`${key}: offered ${offered}, check ${JSON.stringify(check)}`);
      if (!check.ok && typeof check.refusal !== "string") mismatches.push(`${key}: refused without a reason`);
    }
    expect(mismatches).toEqual([]);
    expect(allowed).toBe(expectedAllowed.size);
    expect(cases.length).toBe(stageKinds.length * stageStates.length * stageActions.length * everyRole.length * 4);
  });

  it("moves each allowed action to the expected state", () => {
    const to = (kind: StageKind, state: StageState, action: (typeof stageActions)[number], facts: StageFacts = {}) => {
      const check = checkTransition({ kind, state }, action, "complaints-manager", facts, {
        reason: "r",
        date: "2026-11-02",
        newDate: "2026-11-20",
        finding: "Upheld",
        person: "p",
        decision: "d",
        panel: [
          { person: "A", chair: true },
          { person: "B", chair: false },
          { person: "C", chair: false },
        ],
      });
      return check.ok ? check.to : check.refusal;
    };
    expect(to("statutory-stage1", "open", "respond")).toBe("responded");
    expect(to("statutory-stage1", "responded", "close")).toBe("closed");
    expect(to("statutory-stage1", "responded", "escalate")).toBe("escalated");
    expect(to("statutory-stage1", "open", "escalate", { responseOverdue: true })).toBe("escalated");
    expect(to("statutory-stage1", "open", "extend")).toBe("open");
    expect(to("statutory-stage1", "open", "withdraw")).toBe("withdrawn");
    expect(to("statutory-stage1", "closed", "reopen")).toBe("open");
    expect(to("statutory-stage1", "withdrawn", "reopen")).toBe("open");
    expect(to("statutory-stage1", "open", "put-on-hold")).toBe("open");
    expect(to("statutory-stage1", "open", "take-off-hold", { onHold: true })).toBe("open");
    expect(to("statutory-stage2", "open", "agree-statement")).toBe("open");
    expect(to("statutory-stage2", "open", "name-investigator")).toBe("open");
    expect(to("statutory-stage3", "open", "book-panel")).toBe("open");
    expect(to("statutory-stage3", "open", "record-panel-report", { panelBooked: true })).toBe("open");
    expect(to("statutory-stage3", "open", "record-council-response", { panelReportRecorded: true })).toBe("responded");
    expect(to("ombudsman", "open", "record-ombudsman-decision")).toBe("responded");
    expect(to("ombudsman", "responded", "record-remedy-met", { remedyOutstanding: true })).toBe("closed");
    expect(to("ombudsman", "responded", "close")).toBe("closed");
  });

  it("gives the most general reason first: kind, state, role, then the condition", () => {
    const refusal = (kind: StageKind, state: StageState, action: (typeof stageActions)[number], role: string, facts: StageFacts = {}) => {
      const check = checkTransition({ kind, state }, action, role, facts, { reason: "r", date: "2026-11-02", newDate: "2026-11-20", finding: "Upheld" });
      return check.ok ? "allowed" : check.refusal;
    };
    expect(refusal("early-resolution", "open", "extend", "complaints-manager")).toBe("wrong-kind");
    expect(refusal("statutory-stage1", "closed", "respond", "complaints-manager")).toBe("wrong-state");
    expect(refusal("statutory-stage1", "open", "extend", "team-manager")).toBe("role");
    expect(refusal("statutory-stage1", "open", "respond", "investigator")).toBe("role");
    expect(refusal("statutory-stage1", "open", "respond", "administrator")).toBe("role");
    expect(refusal("statutory-stage1", "open", "extend", "complaints-manager", { atMaximum: true })).toBe("at-maximum");
    expect(refusal("statutory-stage1", "open", "put-on-hold", "team-manager", { onHold: true })).toBe("on-hold");
    expect(refusal("statutory-stage1", "open", "take-off-hold", "team-manager")).toBe("not-on-hold");
    expect(refusal("statutory-stage1", "open", "escalate", "complaints-officer")).toBe("response-not-overdue");
    expect(refusal("statutory-stage2", "open", "respond", "team-manager")).toBe("statement-not-agreed");
    expect(refusal("statutory-stage2", "open", "respond", "team-manager", { statementAgreed: true })).toBe("no-investigator");
    expect(refusal("statutory-stage2", "open", "agree-statement", "investigator", { statementAgreed: true })).toBe("statement-already-agreed");
    expect(refusal("statutory-stage3", "open", "record-panel-report", "complaints-officer")).toBe("panel-not-booked");
    expect(refusal("statutory-stage3", "open", "record-council-response", "complaints-officer")).toBe("no-panel-report");
    expect(refusal("ombudsman", "responded", "close", "complaints-officer", { remedyOutstanding: true })).toBe("remedy-outstanding");
    expect(refusal("ombudsman", "responded", "record-remedy-met", "complaints-officer")).toBe("no-remedy-outstanding");
    expect(refusal("ombudsman", "open", "withdraw", "complaints-officer")).toBe("wrong-kind");
  });

  it("refuses a move whose form is missing what it needs", () => {
    const stage1 = { kind: "statutory-stage1", state: "open" } as const;
    const officer = "complaints-officer";
    expect(checkTransition(stage1, "respond", officer, {}, { date: "2026-11-02" })).toEqual({ ok: false, refusal: "finding-required" });
    expect(checkTransition(stage1, "respond", officer, {}, { finding: "Upheld" })).toEqual({ ok: false, refusal: "date-required" });
    expect(checkTransition(stage1, "extend", officer, {}, { reason: "complex" })).toEqual({ ok: false, refusal: "new-date-required" });
    expect(checkTransition(stage1, "extend", officer, {}, { newDate: "2026-11-20", reason: "  " })).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkTransition(stage1, "withdraw", officer)).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkTransition({ kind: "statutory-stage1", state: "closed" }, "reopen", officer)).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkTransition({ kind: "statutory-stage2", state: "open" }, "name-investigator", officer)).toEqual({ ok: false, refusal: "person-required" });
    expect(checkTransition({ kind: "ombudsman", state: "open" }, "record-ombudsman-decision", officer, {}, { date: "2026-11-02" })).toEqual({
      ok: false,
      refusal: "decision-required",
    });
    expect(checkTransition({ kind: "statutory-stage3", state: "open" }, "book-panel", officer, {}, { date: "2026-11-02" })).toEqual({
      ok: false,
      refusal: "panel-not-three",
    });
  });

  it("accepts a late request for the next stage only with a reason, and says it was late", () => {
    const responded = { kind: "statutory-stage1", state: "responded" } as const;
    const facts = { escalationWindowEndsOn: "2026-11-30" };
    expect(checkTransition(responded, "escalate", "complaints-officer", facts, { date: "2026-11-30" })).toEqual({ ok: true, to: "escalated", late: false });
    expect(checkTransition(responded, "escalate", "complaints-officer", facts, { date: "2026-12-01" })).toEqual({ ok: false, refusal: "late-reason-required" });
    expect(checkTransition(responded, "escalate", "complaints-officer", facts, { date: "2026-12-01", reason: "in hospital" })).toEqual({
      ok: true,
      to: "escalated",
      late: true,
    });
  });
});

describe("roleMayEver", () => {
  it("is true exactly for the roles some row of the table gives the move", () => {
    expect(caseRoles.filter((r) => roleMayEver("extend", r))).toEqual(["complaints-manager", "complaints-officer"]);
    expect(caseRoles.filter((r) => roleMayEver("respond", r))).toEqual(["complaints-manager", "complaints-officer", "team-manager"]);
    expect(roleMayEver("extend", "administrator")).toBe(false);
  });
});

describe("checkPanel (regulation 19)", () => {
  const member = (person: string, chair = false) => ({ person, chair });
  it("wants three people, one chairing, none repeated, and not the Stage 2 Independent Person", () => {
    expect(checkPanel([member("A", true), member("B"), member("C")], "D")).toBeNull();
    expect(checkPanel([member("A", true), member("B")])).toBe("panel-not-three");
    expect(checkPanel([member("A"), member("B"), member("C")])).toBe("panel-not-one-chair");
    expect(checkPanel([member("A", true), member("B", true), member("C")])).toBe("panel-not-one-chair");
    expect(checkPanel([member("A", true), member("B"), member(" b ")])).toBe("panel-repeats-a-member");
    expect(checkPanel([member("A", true), member("B"), member("Pat Jones")], "pat jones")).toBe("panel-includes-stage2-independent-person");
  });
});

describe("nextStageKind", () => {
  it("follows statutory 1→2→3→Ombudsman and corporate 1→2→Ombudsman", () => {
    expect(nextStageKind("statutory-stage1")).toBe("statutory-stage2");
    expect(nextStageKind("statutory-stage2")).toBe("statutory-stage3");
    expect(nextStageKind("statutory-stage3")).toBe("ombudsman");
    expect(nextStageKind("corporate-stage1")).toBe("corporate-stage2");
    expect(nextStageKind("corporate-stage2")).toBe("ombudsman");
    expect(nextStageKind("ombudsman")).toBeNull();
  });
  it("takes early resolution and a case concern to Stage 1 of the complaint's procedure", () => {
    expect(nextStageKind("early-resolution")).toBe("statutory-stage1");
    expect(nextStageKind("case-concern", "statutory")).toBe("statutory-stage1");
    expect(nextStageKind("early-resolution", "corporate")).toBe("corporate-stage1");
  });
});

describe("running states and handlers", () => {
  it("counts open and responded as running, and nothing else", () => {
    expect(runningStates).toEqual(["open", "responded"]);
    expect(stageStates.filter(isRunning)).toEqual(["open", "responded"]);
  });
  it("refuses the Stage 1 handler for corporate Stage 2 only", () => {
    expect(checkStageHandler("corporate-stage2", 7, 7)).toBe("same-handler-as-stage1");
    expect(checkStageHandler("corporate-stage2", 8, 7)).toBeNull();
    expect(checkStageHandler("statutory-stage2", 7, 7)).toBeNull();
    expect(checkStageHandler("corporate-stage2", null, 7)).toBeNull();
  });
});

describe("compliments and comments", () => {
  // state | action | roles | to
  const EXPECTED_FEEDBACK = `
new | acknowledge | OM | acknowledged
new | pass-on | OM | passed-on
acknowledged | pass-on | OM | passed-on
new | close | OM | closed
acknowledged | close | OM | closed
passed-on | close | OMT | closed
closed | reopen | OM | acknowledged
`;
  const expected = new Map<string, string>();
  for (const line of EXPECTED_FEEDBACK.trim().split("\n")) {
    const [state = "", action = "", roles = "", to = ""] = line.split("|").map((s) => s.trim());
    for (const letter of roles) expected.set(`${state} ${action} ${ROLE_LETTERS[letter]}`, to);
  }

  it("allows exactly the expected moves for every role and refuses the rest", () => {
    const mismatches: string[] = [];
    for (const state of feedbackStates)
      for (const action of feedbackActions)
        for (const role of everyRole) {
          const key = `${state} ${action} ${role}`;
          const check = checkFeedbackTransition(state, action, role, { reason: "r", person: "Team A" });
          const want = expected.get(key);
          const got = check.ok ? check.to : null;
          if ((want ?? null) !== got) mismatches.push(`${key}: want ${want}, got ${JSON.stringify(check)}`);
          if (allowedFeedbackActions(state, role).includes(action) !== Boolean(want)) mismatches.push(`${key}: offered wrongly`);
        }
    expect(mismatches).toEqual([]);
  });

  it("ends: from new, every state can reach closed", () => {
    expect(checkFeedbackTransition("new", "close", "complaints-officer")).toEqual({ ok: true, to: "closed" });
    expect(checkFeedbackTransition("closed", "reopen", "complaints-officer")).toEqual({ ok: false, refusal: "reason-required" });
    expect(checkFeedbackTransition("new", "pass-on", "complaints-officer")).toEqual({ ok: false, refusal: "person-required" });
  });
});

describe("where a case's stages begin", () => {
  it("maps each triage decision to its first stage", () => {
    expect(firstStageKind("statutory-stage1")).toBe("statutory-stage1");
    expect(firstStageKind("early-resolution")).toBe("early-resolution");
    expect(firstStageKind("case-concern")).toBe("case-concern");
    expect(firstStageKind("corporate")).toBe("corporate-stage1");
    expect(firstStageKind("refuse")).toBeNull();
  });
  it("maps the old process and stage columns, for migrating existing cases", () => {
    expect(legacyStageKind("statutory", "stage1")).toBe("statutory-stage1");
    expect(legacyStageKind("corporate", "stage1")).toBe("corporate-stage1");
    expect(legacyStageKind("statutory", "early-resolution")).toBe("early-resolution");
    expect(legacyStageKind("statutory", "case-concern")).toBe("case-concern");
    expect(legacyStageKind("statutory", "stage2")).toBe("statutory-stage2");
    expect(legacyStageKind("corporate", "stage2")).toBe("corporate-stage2");
    expect(legacyStageKind(null, "stage3")).toBe("statutory-stage3");
    expect(legacyStageKind(null, null)).toBeNull();
  });
});
