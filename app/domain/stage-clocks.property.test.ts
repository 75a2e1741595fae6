import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysUntil } from "./calendar";
import {
  checkExtension,
  classifyResponse,
  defaultClockSettings,
  escalationRequest,
  ragStatus,
  responseCompliance,
  stageClocks,
  statementOverdue,
  statementOverdueOn,
  workingDaysLeft,
  type ClockSettings,
  type StageClockFacts,
} from "./stage-clocks";
import { stageKinds } from "./stages";

// Any day from 2020 to 2028: every kind of closed day (weekends, Easter, substitute days, one-off
// bank holidays) falls somewhere in it.
const day = fc.integer({ min: 0, max: 9 * 366 }).map((n) => addCalendarDays("2020-01-01", n));
const limit = fc.integer({ min: 0, max: 70 });
/** Two days at most 60 days apart, either way: where the boundaries are. */
const nearbyDays = fc.tuple(day, fc.integer({ min: -60, max: 60 })).map(([d, n]) => [d, addCalendarDays(d, n)] as const);
const councilKinds = stageKinds.filter((k) => k !== "ombudsman");

const settingsArb: fc.Arbitrary<ClockSettings> = fc.record({
  stage2ClockFrom: fc.constantFrom("request", "statement"),
  corporate: fc.record({
    stage1: fc.record({
      acknowledgeWithin: fc.integer({ min: 0, max: 10 }),
      respondWithin: fc.integer({ min: 1, max: 30 }),
      maximumExtension: fc.integer({ min: 0, max: 30 }),
      respondFrom: fc.constantFrom("acknowledgement", "receipt"),
    }),
    stage2: fc.record({
      acknowledgeWithin: fc.integer({ min: 0, max: 10 }),
      respondWithin: fc.integer({ min: 1, max: 30 }),
      maximumExtension: fc.integer({ min: 0, max: 30 }),
      respondFrom: fc.constantFrom("acknowledgement", "receipt"),
    }),
  }),
  earlyResolution: fc.integer({ min: 0, max: 10 }),
});

/** A council stage with later dates recorded some working days after its start, as they would be. */
const factsArb: fc.Arbitrary<StageClockFacts> = fc
  .record({
    kind: fc.constantFrom(...councilKinds),
    startedOn: day,
    ack: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
    statement: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    panel: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
    report: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
    extendedTo: fc.option(fc.integer({ min: 0, max: 90 }), { nil: null }),
  })
  .map(({ kind, startedOn, ack, statement, panel, report, extendedTo }) => {
    const panelOn = panel === null ? null : addWorkingDays(startedOn, panel);
    return {
      kind,
      startedOn,
      acknowledgedOn: ack === null ? null : addWorkingDays(startedOn, ack),
      statementAgreedOn: statement === null ? null : addWorkingDays(startedOn, statement),
      panelOn,
      panelReportOn: panelOn && report !== null ? addWorkingDays(panelOn, report) : null,
      extendedTo: extendedTo === null ? null : addCalendarDays(startedOn, extendedTo),
    };
  });

describe("working-day counting", () => {
  it("puts a due date on a working day, never before its start, and counting back gives the limit", () => {
    fc.assert(
      fc.property(day, limit, (start, n) => {
        const due = addWorkingDays(start, n);
        expect(due >= start).toBe(true);
        if (n > 0) expect(isWorkingDay(due)).toBe(true);
        expect(workingDaysUntil(start, due)).toBe(n);
        expect(workingDaysLeft(start, due)).toBe(n);
      }),
    );
  });
});

describe("every clock of every stage", () => {
  it("has each deadline on a working day and never before the stage began", () => {
    fc.assert(
      fc.property(factsArb, settingsArb, (facts, settings) => {
        const clocks = stageClocks(facts, settings);
        for (const d of clocks.deadlines) {
          expect(d.dueOn >= facts.startedOn, `${d.key} ${d.dueOn}`).toBe(true);
          // A limit of 0 (acknowledge or early resolution the same day) leaves a day received at a weekend on that day.
          if (d.dueOn !== facts.startedOn) expect(isWorkingDay(d.dueOn), `${d.key} ${d.dueOn}`).toBe(true);
        }
        if (clocks.dueOn && clocks.latestOn) expect(clocks.dueOn <= clocks.latestOn).toBe(true);
      }),
    );
  });

  it("gives the limit back when counting working days from the clock's start to its due date", () => {
    fc.assert(
      fc.property(factsArb, (facts) => {
        const clocks = stageClocks(facts, defaultClockSettings);
        const limits: Partial<Record<string, [number, number]>> = {
          "statutory-stage1": [10, 20],
          "statutory-stage2": [25, 65],
          "corporate-stage1": [10, 20],
          "corporate-stage2": [20, 40],
          "early-resolution": [3, 3],
        };
        const expected = limits[facts.kind];
        if (!expected || !clocks.startsOn || !clocks.dueOn || !clocks.latestOn) return;
        expect(workingDaysUntil(clocks.startsOn, clocks.dueOn)).toBe(expected[0]);
        expect(workingDaysUntil(clocks.startsOn, clocks.latestOn)).toBe(expected[1]);
        if (clocks.panelBy) expect(workingDaysUntil(facts.startedOn, clocks.panelBy)).toBe(30);
      }),
    );
  });

  it("never lets an extension shorten a deadline, nor take it past the maximum", () => {
    fc.assert(
      fc.property(factsArb, day, (facts, newDate) => {
        const before = stageClocks(facts);
        if (before.respondBy && before.dueOn && before.latestOn) {
          expect(before.respondBy >= before.dueOn && before.respondBy <= before.latestOn).toBe(true);
        }
        if (checkExtension(before, newDate) !== null) return;
        const after = stageClocks({ ...facts, extendedTo: newDate });
        expect(after.respondBy).toBe(newDate);
        expect(before.respondBy !== null && after.respondBy !== null && after.respondBy > before.respondBy).toBe(true);
        expect(after.dueOn).toBe(before.dueOn);
        expect(after.latestOn).toBe(before.latestOn);
      }),
    );
  });

  it("moves no deadline earlier when the start is corrected to a later day (everything is recomputed)", () => {
    fc.assert(
      fc.property(factsArb, fc.integer({ min: 1, max: 30 }), (facts, shift) => {
        const corrected = { ...facts, startedOn: addCalendarDays(facts.startedOn, shift) };
        const before = stageClocks(facts);
        const after = stageClocks(corrected);
        for (const key of ["acknowledgeBy", "dueOn", "latestOn", "statementDueBy", "panelBy"] as const) {
          const b = before[key];
          const a = after[key];
          if (b && a) expect(a >= b, key).toBe(true);
        }
        // The same facts always give the same clocks: nothing is remembered between calls.
        expect(stageClocks(corrected)).toEqual(after);
      }),
    );
  });

  it("gives a larger corporate extension allowance a latest date no earlier", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }), (startedOn, a, b) => {
        const rules = (maximumExtension: number): ClockSettings => ({
          ...defaultClockSettings,
          corporate: { ...defaultClockSettings.corporate, stage1: { ...defaultClockSettings.corporate.stage1, maximumExtension } },
        });
        const small = stageClocks({ kind: "corporate-stage1", startedOn }, rules(Math.min(a, b)));
        const large = stageClocks({ kind: "corporate-stage1", startedOn }, rules(Math.max(a, b)));
        expect(large.latestOn !== null && small.latestOn !== null && large.latestOn >= small.latestOn).toBe(true);
      }),
    );
  });
});

describe("red, amber, green and compliance", () => {
  it("agree with the working days left", () => {
    fc.assert(
      fc.property(nearbyDays, ([today, dueOn]) => {
        const status = ragStatus(today, dueOn);
        const left = workingDaysLeft(today, dueOn);
        expect(status.workingDaysLeft).toBe(left);
        expect(status.rag === "red").toBe(today > dueOn);
        expect(status.rag === "red").toBe(left < 0);
        expect(status.rag === "amber").toBe(left >= 0 && left <= 3);
        expect(status.rag === "green").toBe(left > 3);
        expect(status.label === "due-today").toBe(left === 0);
        // A response on `today` is within the standard exactly when it is not overdue.
        expect(classifyResponse(today, dueOn) === "within-standard").toBe(left >= 0);
      }),
    );
  });

  it("classifies a Stage 1 response by the working day it came on", () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 40 }), (receivedOn, k) => {
        const clocks = stageClocks({ kind: "statutory-stage1", startedOn: receivedOn });
        const respondedOn = addWorkingDays(receivedOn, k);
        const expected = k <= 10 ? "within-standard" : k <= 20 ? "within-extended" : "beyond";
        expect(responseCompliance(clocks, respondedOn, respondedOn)).toBe(expected);
      }),
    );
  });

  it("calls a request for the next stage late exactly when its window has passed", () => {
    fc.assert(
      fc.property(nearbyDays, ([respondedOn, requestedOn]) => {
        const request = escalationRequest(respondedOn, requestedOn);
        expect(request.late).toBe(workingDaysLeft(requestedOn, request.windowEndsOn) < 0);
      }),
    );
  });
});

describe("the statement of complaint's flag without the calendar walk (decision record 051)", () => {
  it("says what the Stage 2 clocks say, for any start, any day and agreed or not", () => {
    fc.assert(
      fc.property(nearbyDays, fc.boolean(), ([startedOn, today], agreed) => {
        const agreedOn = agreed ? startedOn : null;
        const clocks = stageClocks({ kind: "statutory-stage2", startedOn });
        expect(statementOverdueOn(startedOn, agreedOn, today)).toBe(statementOverdue(clocks, agreedOn, today));
      }),
      { numRuns: 2000 },
    );
  });
});
