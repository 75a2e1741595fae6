import { describe, expect, it } from "vitest";
import {
  defaultClockSettings,
  escalationRequest,
  stageClocks,
  type ClockSettings,
  type StageClockFacts,
  type StageClocks,
} from "./stage-clocks";

/**
 * The golden calendar: due dates counted by hand on a printed calendar, each with its counting.
 * Day 0 is the start; (n) is the nth working day after it; [..] are days skipped besides weekends.
 * Closed days used: Easter 2022 Fri 15 + Mon 18 Apr; May Day Mon 2 May 2022; Thu 2 + Fri 3 Jun 2022
 * (spring bank holiday moved, Platinum Jubilee); Mon 19 Sep 2022 (the Queen's funeral); Christmas
 * 2021 Mon 27 + Tue 28 Dec (substitutes for Sat 25 and Sun 26); New Year Mon 3 Jan 2022 (for Sat 1);
 * Christmas 2022 Mon 26 (Boxing Day) + Tue 27 Dec (substitute for Sun 25); New Year Mon 2 Jan 2023
 * (for Sun 1); Easter 2023 Fri 7 + Mon 10 Apr; Mon 1 May 2023; Mon 8 May 2023 (the coronation);
 * Mon 29 May 2023; Christmas 2020 Fri 25 + Mon 28 Dec (for Sat 26), Fri 1 Jan 2021; Christmas 2026
 * Fri 25 + Mon 28 Dec (for Sat 26), Fri 1 Jan 2027.
 */

const BY_STATEMENT: ClockSettings = { ...defaultClockSettings, stage2ClockFrom: "statement" };
const COUNCIL: ClockSettings = {
  ...defaultClockSettings,
  corporate: {
    ...defaultClockSettings.corporate,
    stage1: { acknowledgeWithin: 3, respondWithin: 15, maximumExtension: 5, respondFrom: "receipt" },
  },
};

type Field = keyof Omit<StageClocks, "deadlines" | "extensionOutOfRange">;
type Golden = [facts: StageClockFacts, field: Field, expected: string | null, counting: string, settings?: ClockSettings];

const s1 = (startedOn: string): StageClockFacts => ({ kind: "statutory-stage1", startedOn });

const golden: Golden[] = [
  // Statutory Stage 1: 10 working days from receipt, 20 at most.
  [s1("2022-04-14"), "dueOn", "2022-05-03", "Thu 14 Apr 2022; [Fri 15 Good Friday, Mon 18 Easter Monday] Tue 19 (1) … Fri 22 (4), Mon 25 (5) … Fri 29 (9); [Mon 2 May bank holiday] Tue 3 May (10)"],
  [s1("2022-04-14"), "latestOn", "2022-05-17", "from Tue 3 May (10): Wed 4 (11) … Fri 6 (13), Mon 9 (14) … Fri 13 (18), Mon 16 (19), Tue 17 May (20)"],
  [s1("2022-04-08"), "dueOn", "2022-04-26", "Fri 8 Apr 2022; Mon 11 (1) … Thu 14 (4); [15, 18] Tue 19 (5) … Fri 22 (8), Mon 25 (9), Tue 26 Apr (10)"],
  [s1("2022-04-13"), "dueOn", "2022-04-29", "Wed 13 Apr 2022; Thu 14 (1); [15, 18] Tue 19 (2) … Fri 22 (5), Mon 25 (6) … Fri 29 Apr (10)"],
  [s1("2022-04-15"), "dueOn", "2022-05-03", "received on Good Friday 15 Apr 2022 (e-form); [Mon 18] Tue 19 (1) … Fri 29 (9); [Mon 2 May] Tue 3 May (10): same as the day before"],
  [s1("2021-12-17"), "dueOn", "2022-01-05", "Fri 17 Dec 2021; Mon 20 (1) … Fri 24 (5); [Mon 27, Tue 28 substitutes] Wed 29 (6), Thu 30 (7), Fri 31 (8); [Mon 3 Jan substitute] Tue 4 (9), Wed 5 Jan (10)"],
  [s1("2021-12-17"), "latestOn", "2022-01-19", "from Wed 5 Jan (10): Thu 6 (11), Fri 7 (12), Mon 10 (13) … Fri 14 (17), Mon 17 (18), Tue 18 (19), Wed 19 Jan (20)"],
  [s1("2021-12-24"), "dueOn", "2022-01-12", "Fri 24 Dec 2021; [27, 28] Wed 29 (1), Thu 30 (2), Fri 31 (3); [Mon 3 Jan] Tue 4 (4) … Fri 7 (7), Mon 10 (8), Tue 11 (9), Wed 12 Jan (10)"],
  [s1("2022-12-21"), "dueOn", "2023-01-09", "Wed 21 Dec 2022; Thu 22 (1), Fri 23 (2); [Mon 26 Boxing Day, Tue 27 substitute] Wed 28 (3), Thu 29 (4), Fri 30 (5); [Mon 2 Jan] Tue 3 (6) … Fri 6 (9), Mon 9 Jan (10)"],
  [s1("2022-12-21"), "latestOn", "2023-01-23", "from Mon 9 Jan (10): Tue 10 (11) … Fri 13 (14), Mon 16 (15) … Fri 20 (19), Mon 23 Jan (20)"],
  [s1("2022-12-31"), "dueOn", "2023-01-16", "received Sat 31 Dec 2022; [Sun 1, Mon 2 substitute] Tue 3 (1) … Fri 6 (4), Mon 9 (5) … Fri 13 (9), Mon 16 Jan (10)"],
  [s1("2022-05-31"), "dueOn", "2022-06-16", "Tue 31 May 2022; Wed 1 Jun (1); [Thu 2, Fri 3] Mon 6 (2) … Fri 10 (6), Mon 13 (7) … Thu 16 Jun (10)"],
  [s1("2022-05-31"), "latestOn", "2022-06-30", "from Thu 16 (10): Fri 17 (11), Mon 20 (12) … Fri 24 (16), Mon 27 (17) … Thu 30 Jun (20)"],
  [s1("2022-05-20"), "dueOn", "2022-06-07", "Fri 20 May 2022; Mon 23 (1) … Fri 27 (5), Mon 30 (6), Tue 31 (7), Wed 1 Jun (8); [2, 3] Mon 6 (9), Tue 7 Jun (10)"],
  [s1("2022-05-20"), "latestOn", "2022-06-21", "from Tue 7 Jun (10): Wed 8 (11) … Fri 10 (13), Mon 13 (14) … Fri 17 (18), Mon 20 (19), Tue 21 Jun (20)"],
  [s1("2022-09-09"), "dueOn", "2022-09-26", "Fri 9 Sep 2022; Mon 12 (1) … Fri 16 (5); [Mon 19 funeral] Tue 20 (6) … Fri 23 (9), Mon 26 Sep (10)"],
  [s1("2023-04-28"), "dueOn", "2023-05-16", "Fri 28 Apr 2023; [Mon 1 May] Tue 2 (1) … Fri 5 (4); [Mon 8 coronation] Tue 9 (5) … Fri 12 (8), Mon 15 (9), Tue 16 May (10)"],
  [s1("2023-04-28"), "latestOn", "2023-05-31", "from Tue 16 May (10): Wed 17 (11) … Fri 19 (13), Mon 22 (14) … Fri 26 (18); [Mon 29] Tue 30 (19), Wed 31 May (20)"],
  [s1("2023-04-06"), "dueOn", "2023-04-24", "Thu 6 Apr 2023; [Fri 7 Good Friday, Mon 10 Easter Monday] Tue 11 (1) … Fri 14 (4), Mon 17 (5) … Fri 21 (9), Mon 24 Apr (10)"],
  [s1("2020-12-24"), "dueOn", "2021-01-12", "Thu 24 Dec 2020; [Fri 25, Mon 28 substitute] Tue 29 (1), Wed 30 (2), Thu 31 (3); [Fri 1 Jan] Mon 4 (4) … Fri 8 (8), Mon 11 (9), Tue 12 Jan (10)"],
  [s1("2026-12-21"), "dueOn", "2027-01-07", "Mon 21 Dec 2026; Tue 22 (1), Wed 23 (2), Thu 24 (3); [Fri 25, Mon 28 substitute] Tue 29 (4) … Thu 31 (6); [Fri 1 Jan] Mon 4 (7) … Thu 7 Jan (10)"],
  [{ ...s1("2022-04-14"), extendedTo: "2022-05-10" }, "respondBy", "2022-05-10", "extended with a reason to Tue 10 May 2022 (15th working day): the date in force"],

  // Statutory Stage 2: 25 working days, 65 at most; statement flagged after 10. Default: from the request.
  [{ kind: "statutory-stage2", startedOn: "2022-05-23" }, "dueOn", "2022-06-29", "asked Mon 23 May 2022; Tue 24 (1) … Fri 27 (4), Mon 30 (5), Tue 31 (6), Wed 1 Jun (7); [2, 3] Mon 6 (8) … Fri 10 (12), 13–17 (17), 20–24 (22), Mon 27 (23), Tue 28 (24), Wed 29 Jun (25)"],
  [{ kind: "statutory-stage2", startedOn: "2022-05-23" }, "statementDueBy", "2022-06-08", "asked Mon 23 May 2022; … Wed 1 Jun (7); [2, 3] Mon 6 (8), Tue 7 (9), Wed 8 Jun (10)"],
  [{ kind: "statutory-stage2", startedOn: "2022-05-23" }, "latestOn", "2022-08-24", "from Wed 29 Jun (25): Thu 30 (26), Fri 1 Jul (27), 4–8 Jul (32), 11–15 (37), 18–22 (42), 25–29 (47), 1–5 Aug (52), 8–12 (57), 15–19 (62), Mon 22 (63), Tue 23 (64), Wed 24 Aug (65)"],
  [{ kind: "statutory-stage2", startedOn: "2022-09-01", statementAgreedOn: "2022-09-05" }, "dueOn", "2022-10-07", "asked Thu 1 Sep 2022 (the clock's start by default); Fri 2 (1), 5–9 (6), 12–16 (11); [Mon 19] Tue 20 (12) … Fri 23 (15), 26–30 (20), Mon 3 Oct (21) … Fri 7 Oct (25)"],
  [{ kind: "statutory-stage2", startedOn: "2022-09-01" }, "statementDueBy", "2022-09-15", "asked Thu 1 Sep 2022; Fri 2 (1), Mon 5 (2) … Fri 9 (6), Mon 12 (7) … Thu 15 Sep (10)"],
  [{ kind: "statutory-stage2", startedOn: "2022-09-01", statementAgreedOn: "2022-09-05" }, "dueOn", "2022-10-11", "setting 'statement': agreed Mon 5 Sep 2022; Tue 6 (1) … Fri 9 (4), 12–16 (9); [Mon 19] Tue 20 (10) … Fri 23 (13), 26–30 (18), 3–7 Oct (23), Mon 10 (24), Tue 11 Oct (25)", BY_STATEMENT],
  [{ kind: "statutory-stage2", startedOn: "2022-09-01" }, "dueOn", null, "setting 'statement': not yet agreed, so no response date yet (the statement flag runs)", BY_STATEMENT],
  [{ kind: "statutory-stage2", startedOn: "2022-12-12" }, "statementDueBy", "2022-12-28", "asked Mon 12 Dec 2022; Tue 13 (1) … Fri 16 (4), Mon 19 (5) … Fri 23 (9); [26, 27] Wed 28 Dec (10)"],
  [{ kind: "statutory-stage2", startedOn: "2022-12-12" }, "dueOn", "2023-01-19", "from Wed 28 Dec (10): Thu 29 (11), Fri 30 (12); [Mon 2 Jan] Tue 3 (13) … Fri 6 (16), 9–13 (21), Mon 16 (22) … Thu 19 Jan (25)"],
  [{ kind: "statutory-stage2", startedOn: "2023-03-20" }, "dueOn", "2023-04-26", "asked Mon 20 Mar 2023; Tue 21 (1) … Fri 24 (4), 27–31 (9), Mon 3 Apr (10) … Thu 6 (13); [7, 10] Tue 11 (14) … Fri 14 (17), 17–21 (22), Mon 24 (23), Tue 25 (24), Wed 26 Apr (25)"],
  [{ kind: "statutory-stage2", startedOn: "2023-03-20" }, "statementDueBy", "2023-04-03", "asked Mon 20 Mar 2023; Tue 21 (1) … Fri 31 (9), Mon 3 Apr (10)"],
  [{ kind: "statutory-stage2", startedOn: "2023-03-20", statementAgreedOn: "2023-04-04" }, "dueOn", "2023-05-15", "setting 'statement': agreed Tue 4 Apr 2023; Wed 5 (1), Thu 6 (2); [7, 10] Tue 11 (3) … Fri 14 (6), 17–21 (11), 24–28 (16); [Mon 1 May] Tue 2 (17) … Fri 5 (20); [Mon 8] Tue 9 (21) … Fri 12 (24), Mon 15 May (25)", BY_STATEMENT],
  [{ kind: "statutory-stage2", startedOn: "2022-04-01" }, "dueOn", "2022-05-11", "asked Fri 1 Apr 2022; 4–8 (5), 11–14 (9); [15, 18] Tue 19 (10) … Fri 22 (13), 25–29 (18); [Mon 2 May] Tue 3 (19) … Fri 6 (22), Mon 9 (23), Tue 10 (24), Wed 11 May (25)"],
  [{ kind: "statutory-stage2", startedOn: "2022-04-01" }, "statementDueBy", "2022-04-19", "asked Fri 1 Apr 2022; 4–8 (5), 11–14 (9); [15, 18] Tue 19 Apr (10)"],
  [{ kind: "statutory-stage2", startedOn: "2022-10-03" }, "dueOn", "2022-11-07", "asked Mon 3 Oct 2022; 4–7 (4), 10–14 (9), 17–21 (14), 24–28 (19), Mon 31 (20), Tue 1 Nov (21) … Fri 4 (24), Mon 7 Nov (25)"],
  [{ kind: "statutory-stage2", startedOn: "2022-10-03" }, "latestOn", "2023-01-05", "from Mon 31 Oct (20): 1–4 Nov (24), 7–11 (29), 14–18 (34), 21–25 (39), 28–30 (42), 1–2 Dec (44), 5–9 (49), 12–16 (54), 19–23 (59); [26, 27] Wed 28 (60) … Fri 30 (62); [Mon 2 Jan] Tue 3 (63), Wed 4 (64), Thu 5 Jan (65)"],

  // Statutory Stage 3: panel within 30 of the request; report within 5 of the panel; response within 15 of the report.
  [{ kind: "statutory-stage3", startedOn: "2022-11-25" }, "panelBy", "2023-01-11", "asked Fri 25 Nov 2022; 28–30 (3), 1–2 Dec (5), 5–9 (10), 12–16 (15), 19–23 (20); [26, 27] Wed 28 (21) … Fri 30 (23); [Mon 2 Jan] Tue 3 (24) … Fri 6 (27), Mon 9 (28), Tue 10 (29), Wed 11 Jan (30)"],
  [{ kind: "statutory-stage3", startedOn: "2022-11-25", panelOn: "2023-01-11" }, "panelReportBy", "2023-01-18", "panel Wed 11 Jan 2023; Thu 12 (1), Fri 13 (2), Mon 16 (3), Tue 17 (4), Wed 18 Jan (5)"],
  [{ kind: "statutory-stage3", startedOn: "2022-11-25", panelOn: "2023-01-11", panelReportOn: "2023-01-13" }, "councilResponseBy", "2023-02-03", "report Fri 13 Jan 2023; 16–20 (5), 23–27 (10), Mon 30 (11), Tue 31 (12), Wed 1 Feb (13), Thu 2 (14), Fri 3 Feb (15)"],
  [{ kind: "statutory-stage3", startedOn: "2023-03-22" }, "panelBy", "2023-05-09", "asked Wed 22 Mar 2023; Thu 23 (1), Fri 24 (2), 27–31 (7), 3–6 Apr (11); [7, 10] Tue 11 (12) … Fri 14 (15), 17–21 (20), 24–28 (25); [Mon 1 May] Tue 2 (26) … Fri 5 (29); [Mon 8] Tue 9 May (30)"],
  [{ kind: "statutory-stage3", startedOn: "2023-03-22", panelOn: "2023-05-04" }, "panelReportBy", "2023-05-12", "panel Thu 4 May 2023; Fri 5 (1); [Mon 8 coronation] Tue 9 (2), Wed 10 (3), Thu 11 (4), Fri 12 May (5)"],
  [{ kind: "statutory-stage3", startedOn: "2023-03-22", panelOn: "2023-05-04", panelReportOn: "2023-05-24" }, "councilResponseBy", "2023-06-15", "report Wed 24 May 2023; Thu 25 (1), Fri 26 (2); [Mon 29] Tue 30 (3), Wed 31 (4), Thu 1 Jun (5), Fri 2 (6), 5–9 (11), Mon 12 (12) … Thu 15 Jun (15)"],
  [{ kind: "statutory-stage3", startedOn: "2022-05-10", panelOn: "2022-05-31" }, "panelReportBy", "2022-06-09", "panel Tue 31 May 2022; Wed 1 Jun (1); [2, 3] Mon 6 (2), Tue 7 (3), Wed 8 (4), Thu 9 Jun (5)"],
  [{ kind: "statutory-stage3", startedOn: "2022-08-01", panelOn: "2022-09-06", panelReportOn: "2022-09-13" }, "councilResponseBy", "2022-10-05", "report Tue 13 Sep 2022; Wed 14 (1) … Fri 16 (3); [Mon 19] Tue 20 (4) … Fri 23 (7), 26–30 (12), Mon 3 Oct (13), Tue 4 (14), Wed 5 Oct (15)"],
  [{ kind: "statutory-stage3", startedOn: "2022-11-25", panelOn: "2022-12-23" }, "panelReportBy", "2023-01-04", "panel Fri 23 Dec 2022; [26, 27] Wed 28 (1), Thu 29 (2), Fri 30 (3); [Mon 2 Jan] Tue 3 (4), Wed 4 Jan (5)"],

  // Corporate (the council's settings; defaults from the Complaint Handling Code).
  [{ kind: "corporate-stage1", startedOn: "2022-04-12" }, "acknowledgeBy", "2022-04-21", "received Tue 12 Apr 2022; Wed 13 (1), Thu 14 (2); [15, 18] Tue 19 (3), Wed 20 (4), Thu 21 Apr (5)"],
  [{ kind: "corporate-stage1", startedOn: "2022-04-12", acknowledgedOn: "2022-04-13" }, "dueOn", "2022-04-29", "acknowledged Wed 13 Apr 2022; Thu 14 (1); [15, 18] Tue 19 (2) … Fri 22 (5), Mon 25 (6) … Fri 29 Apr (10)"],
  [{ kind: "corporate-stage1", startedOn: "2022-04-12", acknowledgedOn: "2022-04-13" }, "latestOn", "2022-05-16", "from Fri 29 Apr (10): [Mon 2 May] Tue 3 (11) … Fri 6 (14), Mon 9 (15) … Fri 13 (19), Mon 16 May (20)"],
  [{ kind: "corporate-stage1", startedOn: "2022-12-23" }, "acknowledgeBy", "2023-01-04", "received Fri 23 Dec 2022; [26, 27] Wed 28 (1) … Fri 30 (3); [Mon 2 Jan] Tue 3 (4), Wed 4 Jan (5)"],
  [{ kind: "corporate-stage1", startedOn: "2022-12-23" }, "dueOn", "2023-01-18", "not yet acknowledged: counted from the acknowledgement's due day Wed 4 Jan 2023; Thu 5 (1), Fri 6 (2), 9–13 (7), Mon 16 (8), Tue 17 (9), Wed 18 Jan (10)"],
  [{ kind: "corporate-stage1", startedOn: "2022-12-23", acknowledgedOn: "2023-01-06" }, "dueOn", "2023-01-18", "acknowledged late on Fri 6 Jan 2023: still counted from Wed 4 Jan, so Wed 18 Jan (a late acknowledgement buys no time)"],
  [{ kind: "corporate-stage2", startedOn: "2022-05-30", acknowledgedOn: "2022-06-01" }, "acknowledgeBy", "2022-06-08", "asked Mon 30 May 2022; Tue 31 (1), Wed 1 Jun (2); [2, 3] Mon 6 (3), Tue 7 (4), Wed 8 Jun (5)"],
  [{ kind: "corporate-stage2", startedOn: "2022-05-30", acknowledgedOn: "2022-06-01" }, "dueOn", "2022-07-01", "acknowledged Wed 1 Jun 2022; [2, 3] Mon 6 (1) … Fri 10 (5), 13–17 (10), 20–24 (15), 27–30 (19), Fri 1 Jul (20)"],
  [{ kind: "corporate-stage2", startedOn: "2022-05-30", acknowledgedOn: "2022-06-01" }, "latestOn", "2022-07-29", "from Fri 1 Jul (20): 4–8 (25), 11–15 (30), 18–22 (35), 25–29 Jul (40)"],
  [{ kind: "corporate-stage1", startedOn: "2022-09-15" }, "acknowledgeBy", "2022-09-21", "council's 3 days: received Thu 15 Sep 2022; Fri 16 (1); [Mon 19] Tue 20 (2), Wed 21 Sep (3)", COUNCIL],
  [{ kind: "corporate-stage1", startedOn: "2022-09-15" }, "dueOn", "2022-10-07", "council's 15 from receipt: Fri 16 (1); [Mon 19] Tue 20 (2) … Fri 23 (5), 26–30 (10), 3–7 Oct (15)", COUNCIL],
  [{ kind: "corporate-stage1", startedOn: "2022-09-15" }, "latestOn", "2022-10-14", "council's +5: from Fri 7 Oct (15): 10–14 Oct (20)", COUNCIL],

  // Early resolution (3 working days from being passed on) and case concerns (the same working day).
  [{ kind: "early-resolution", startedOn: "2022-06-01" }, "dueOn", "2022-06-08", "passed on Wed 1 Jun 2022; [2, 3] Mon 6 (1), Tue 7 (2), Wed 8 Jun (3)"],
  [{ kind: "early-resolution", startedOn: "2022-09-15" }, "dueOn", "2022-09-21", "passed on Thu 15 Sep 2022; Fri 16 (1); [Mon 19] Tue 20 (2), Wed 21 Sep (3)"],
  [{ kind: "early-resolution", startedOn: "2023-05-05" }, "dueOn", "2023-05-11", "passed on Fri 5 May 2023; [Mon 8] Tue 9 (1), Wed 10 (2), Thu 11 May (3)"],
  [{ kind: "early-resolution", startedOn: "2022-12-23" }, "dueOn", "2022-12-30", "passed on Fri 23 Dec 2022; [26, 27] Wed 28 (1), Thu 29 (2), Fri 30 Dec (3)"],
  [{ kind: "case-concern", startedOn: "2022-09-19" }, "dueOn", "2022-09-20", "passed on Mon 19 Sep 2022 (the funeral, a closed day): the next working day, Tue 20 Sep"],
  [{ kind: "case-concern", startedOn: "2022-12-24" }, "dueOn", "2022-12-28", "passed on Sat 24 Dec 2022; [Sun 25, Mon 26, Tue 27] Wed 28 Dec"],
  [{ kind: "case-concern", startedOn: "2022-05-03" }, "dueOn", "2022-05-03", "passed on Tue 3 May 2022, a working day: the same day"],

  // The window to ask for the next stage: 20 working days after the response.
  [{ ...s1("2022-03-22"), respondedOn: "2022-04-05" }, "escalationWindowEndsOn", "2022-05-06", "answered Tue 5 Apr 2022; Wed 6 (1) … Fri 8 (3), 11–14 (7); [15, 18] Tue 19 (8) … Fri 22 (11), 25–29 (16); [Mon 2 May] Tue 3 (17) … Fri 6 May (20)"],
  [{ kind: "statutory-stage2", startedOn: "2022-11-01", respondedOn: "2022-12-16" }, "escalationWindowEndsOn", "2023-01-18", "answered Fri 16 Dec 2022; 19–23 (5); [26, 27] Wed 28 (6) … Fri 30 (8); [Mon 2 Jan] Tue 3 (9) … Fri 6 (12), 9–13 (17), Mon 16 (18), Tue 17 (19), Wed 18 Jan (20)"],
  [{ kind: "early-resolution", startedOn: "2023-04-27", respondedOn: "2023-05-02" }, "escalationWindowEndsOn", "2023-06-01", "answered Tue 2 May 2023; Wed 3 (1) … Fri 5 (3); [Mon 8] Tue 9 (4) … Fri 12 (7), 15–19 (12), 22–26 (17); [Mon 29] Tue 30 (18), Wed 31 (19), Thu 1 Jun (20)"],
  [{ kind: "corporate-stage1", startedOn: "2022-05-09", respondedOn: "2022-05-26" }, "escalationWindowEndsOn", "2022-06-27", "answered Thu 26 May 2022; Fri 27 (1), Mon 30 (2), Tue 31 (3), Wed 1 Jun (4); [2, 3] Mon 6 (5) … Fri 10 (9), 13–17 (14), 20–24 (19), Mon 27 Jun (20)"],
  [{ kind: "statutory-stage3", startedOn: "2022-11-25", respondedOn: "2023-02-01" }, "escalationWindowEndsOn", null, "after Stage 3 the person goes to the Ombudsman (12 months), not a council stage: no window"],
  [{ kind: "corporate-stage2", startedOn: "2022-05-30", respondedOn: "2022-06-30" }, "escalationWindowEndsOn", null, "after corporate Stage 2 the person goes to the Ombudsman: no window"],

  // The Ombudsman sets its own dates; they are recorded, not counted.
  [{ kind: "ombudsman", startedOn: "2023-01-09", ombudsmanEnquiryDueOn: "2023-02-06" }, "respondBy", "2023-02-06", "the enquiry letter of Mon 9 Jan 2023 asks for an answer by Mon 6 Feb 2023"],
];

describe("the golden calendar", () => {
  it("holds at least 50 dates counted by hand", () => {
    expect(golden.length).toBeGreaterThanOrEqual(50);
  });

  it.each(golden.map((g, i) => [i + 1, g[3], g] as const))("%i: %s", (_n, _counting, [facts, field, expected, , settings]) => {
    expect(stageClocks(facts, settings)[field]).toBe(expected);
  });

  it("says a request for the next stage after the window is late", () => {
    // Window after a response on Tue 5 Apr 2022 ends Fri 6 May 2022 (counted above).
    expect(escalationRequest("2022-04-05", "2022-05-06")).toEqual({ windowEndsOn: "2022-05-06", late: false });
    // Mon 9 May 2022 is the next working day after the window.
    expect(escalationRequest("2022-04-05", "2022-05-09")).toEqual({ windowEndsOn: "2022-05-06", late: true });
  });
});
