import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { outbox, representations, settings, staffUsers, teams } from "./schema";
import { addWorkingDays, londonDate, workingDaysBefore, type IsoDate } from "../app/domain/calendar";
import type { EligibilityAnswers } from "../app/domain/eligibility";
import type { CompleteAnswers } from "../app/domain/form/journey";
import type { OfferedOutcomeCode } from "../app/domain/outcomes-offered";
import type { FindingCode } from "../app/domain/outcomes";
import type { LearningMove } from "../app/domain/learning";
import { METHOD_EFORM, METHOD_YOUNG_PERSONS_EFORM, type Relationship } from "../app/domain/representation";
import type { PanelMember } from "../app/domain/stages";
import type { Language } from "../app/i18n/i18n";
import { assignCase, closeFeedback } from "../app/services/case-assignment.server";
import { addRestriction } from "../app/services/case-restrictions.server";
import { flagConcern } from "../app/services/case-safeguarding.server";
import { acceptRepresentation, saveCoding, saveTriage } from "../app/services/case-triage.server";
import { addEntry, type Actor } from "../app/services/case.server";
import { createRepresentation } from "../app/services/create-representation.server";
import type { Db } from "../app/services/db.server";
import {
  agreeStatement as agreeStatementOfComplaint,
  answerOmbudsmanEnquiry,
  bookPanel as bookReviewPanel,
  nameStage2People,
  recordOmbudsmanDecision,
  recordPanelReport as recordChairsReport,
  referToOmbudsman,
} from "../app/services/later-stages.server";
import { findRepresentationByReference } from "../app/services/representations.server";
import { actualOutcomeOptions, recordStageMoney, type PointInput } from "../app/services/outcomes.server";
import { moveLearningAction, raiseLearningAction, type MoveInput } from "../app/services/learning.server";
import { draftResponse, extendStage, respondToStage } from "../app/services/stage-actions.server";
import { closeStage as closeStageOf, escalateStage, putStageOnHold } from "../app/services/stage-moves.server";
import { askForNextStage } from "../app/services/check.server";
import { currentStage } from "../app/services/stages.server";
import { summarise } from "../app/services/submission.server";

/**
 * The demo's cases (`npm start` in demo mode): a complaint in every state of its life, so a
 * newcomer sees all of it. Every date is counted back (or on) from "now" in working days with the
 * domain's calendar, so the demo means the same whenever it is started; every stage is built by
 * the services staff use (or, for moves whose service is still to come, by the functions at the
 * end of this file, which follow the same transition table and recompute the clock with
 * storedClock). No stored due date is written by hand. README "The demo cases" says what each
 * shows; db/demo-cases.test.ts checks each promise.
 *
 * Everyone here is fictional: names, stories, phone numbers (Ofcom's drama ranges) and email
 * addresses (example.com) belong to nobody.
 */
export const DEMO_CASES = {
  /** New, from a young person on the easy-read e-form, not yet triaged. */
  newYoungPerson: "SU-DEM2-AB3C",
  /** New, not yet triaged, and its Stage 1 clock (running since receipt) is nearly out. */
  newDueSoon: "SU-DEM4-XY7Z",
  /** Stage 1, in time (in Polish). */
  stage1Due: "SU-DEM5-DUE2",
  /** Stage 1, overdue: received 14 working days ago. */
  stage1Overdue: "SU-DEM5-LATE",
  /** Stage 1, on hold (which never stops its clock). */
  stage1OnHold: "SU-DEM5-HELD",
  /** Stage 1, extended to 18 working days (in Urdu, letters by post). */
  stage1Extended: "SU-DEM5-XTND",
  /** Stage 1 answered; the person may still ask for Stage 2. */
  stage1Responded: "SU-DEM5-RESP",
  /** Stage 1 answered and closed: the person was satisfied. */
  closed: "SU-DEM5-SHUT",
  /** Stage 2, statement agreed, the demo investigator named. */
  stage2Investigator: "SU-DEM6-STG2",
  /** Stage 2 asked for, the statement of complaint still not agreed after 10 working days. */
  stage2StatementWaiting: "SU-DEM6-STMT",
  /** Stage 3, review panel booked. */
  stage3PanelBooked: "SU-DEM7-PANL",
  /** Stage 3, the panel's report recorded and the council's response to it due. */
  stage3ReportIn: "SU-DEM7-RPRT",
  /** Stage 3, the council's response to the panel sent: the person may go to the Ombudsman. */
  stage3Answered: "SU-DEM7-ANSW",
  /** With the Ombudsman, its enquiry to answer. */
  ombudsman: "SU-DEM8-LGSC",
  /** The Ombudsman decided: a remedy for the council to meet by a date still to come. */
  ombudsmanRemedy: "SU-DEM8-RMDY",
  /** Corporate Stage 1; the person has a contact restriction due for review. */
  corporateStage1: "SU-DEM9-CRPA",
  /** Corporate Stage 2, held by someone other than Stage 1's handler. */
  corporateStage2: "SU-DEM9-CRPB",
  /** Early resolution. */
  earlyResolution: "SU-DEM3-EARL",
  /** Stage 1 with a safeguarding concern not yet referred. */
  safeguarding: "SU-DEM3-SAFE",
  /** A compliment, to pass on to the team. */
  compliment: "SU-DEM3-THNX",
  /** A comment, closed. */
  commentClosed: "SU-DEM3-SAYS",
} as const;

interface Demo {
  db: Db;
  now: Date;
  today: IsoDate;
  publicUrl: string;
  officer: Actor;
  manager: Actor;
  teamManager: Actor;
  otherTeamManager: Actor;
  investigatorId: number;
  childrenInCare: number;
  fostering: number;
}

/** Seeds the demo cases; call it inside the seed's transaction, once, on a database with no cases. */
export function seedDemoCases(db: Db, options: { now: Date; publicUrl: string }) {
  const staffId = (email: string) => {
    const row = db.select({ id: staffUsers.id, role: staffUsers.role }).from(staffUsers).where(eq(staffUsers.email, email)).get();
    if (!row) throw new Error(`The demo account ${email} is missing`);
    return row;
  };
  const teamId = (name: string) => {
    const row = db.select({ id: teams.id }).from(teams).where(eq(teams.name, name)).get();
    if (!row) throw new Error(`The team ${name} is missing`);
    return row.id;
  };
  const actor = (email: string): Actor => staffId(email);
  const d: Demo = {
    db,
    now: options.now,
    today: londonDate(options.now),
    publicUrl: options.publicUrl,
    officer: actor("officer@northshire.example"),
    manager: actor("manager@northshire.example"),
    teamManager: actor("team.manager@northshire.example"),
    otherTeamManager: actor("other.team.manager@northshire.example"),
    investigatorId: staffId("investigator@northshire.example").id,
    childrenInCare: teamId("Children in care"),
    fostering: teamId("Fostering"),
  };
  newYoungPerson(d);
  newDueSoon(d);
  stage1Due(d);
  stage1Overdue(d);
  stage1OnHold(d);
  stage1Extended(d);
  stage1Responded(d);
  closedAfterStage1(d);
  stage2WithInvestigator(d);
  stage2StatementWaiting(d);
  stage3PanelBooked(d);
  stage3ReportIn(d);
  stage3Answered(d);
  withTheOmbudsman(d);
  ombudsmanRemedy(d);
  corporateStage1(d);
  corporateStage2(d);
  earlyResolution(d);
  safeguardingNotReferred(d);
  compliment(d);
  commentClosed(d);
  learningActions(d);
  markDemoMailSent(d);
}

// ---------------------------------------------------------------------------------------------
// Dates: counted in working days from now.

/** The day `n` working days before today. */
function day(d: Demo, n: number): IsoDate {
  return workingDaysBefore(d.today, n);
}

/**
 * The instant `n` working days ago at a time of day (UTC; 08:00 to 22:00 UTC is the same day in
 * England all year), never later than now.
 */
function ago(d: Demo, n: number, time = "10:00"): Date {
  const at = new Date(`${day(d, n)}T${time}:00Z`);
  return at < d.now ? at : new Date(d.now.getTime() - 60_000);
}

function must(result: { ok: boolean }, what: string) {
  if (!result.ok) throw new Error(`Demo data: ${what} was refused (${JSON.stringify(result)})`);
}

// ---------------------------------------------------------------------------------------------
// How a case comes in and is accepted, through the services staff use.

interface Person {
  relationship: Relationship;
  fullName: string;
  childName?: string;
  contact: { contactMethod: "email"; email: string } | { contactMethod: "phone"; phone: string } | { contactMethod: "post"; address: string };
  description: string;
  whenAbout: string;
  outcomes: OfferedOutcomeCode[];
  workerName?: string;
}

function complaint(
  d: Demo,
  reference: string,
  p: Person & { receivedDaysAgo: number; method: string; language?: Language; mode?: "standard" | "easy-read"; team?: number; time?: string },
) {
  const answers: CompleteAnswers = {
    kind: { kind: "complaint" },
    "who-are-you": { relationship: p.relationship },
    ...(p.childName ? { "about-the-child": { childName: p.childName } } : {}),
    "your-details": { fullName: p.fullName },
    contact: p.contact,
    "what-happened": { description: p.description },
    "when-it-happened": { whenKind: "about", whenAbout: p.whenAbout },
    team: { team: p.team ? String(p.team) : "dont-know", ...(p.workerName ? { workerName: p.workerName } : {}) },
    "put-right": { outcomes: p.outcomes },
    "complained-before": { complainedBefore: "no" },
    "court-case": { courtCase: "no" },
  };
  const s = summarise(answers);
  const receivedAt = ago(d, p.receivedDaysAgo, p.time ?? "09:20");
  createRepresentation(
    d.db,
    {
      kind: "complaint",
      methodReceived: p.method,
      language: p.language ?? "en",
      mode: p.mode ?? "standard",
      receivedAt,
      receivedOn: londonDate(receivedAt),
      personName: s.personName ?? "",
      personRelationship: s.relationship ?? "",
      personEmail: s.personEmail,
      childName: s.childName,
      answers,
      createdAt: receivedAt,
      updatedAt: receivedAt,
    },
    { reference },
  );
}

interface Acceptance {
  daysAgo: number;
  receivedFrom: string;
  eligibility?: EligibilityAnswers;
  nature: string;
  decision?: "statutory-stage1" | "early-resolution" | "corporate";
  team: number;
  manager: Actor;
}

/** Triage, coding, the decision and the assignment, as a complaints officer does them on one day. */
function accept(d: Demo, reference: string, a: Acceptance) {
  const decision = a.decision ?? "statutory-stage1";
  const corporate = decision === "corporate";
  const eligibility: EligibilityAnswers = {
    receivedFrom: a.receivedFrom,
    childStatus: corporate ? ["none"] : ["looked-after"],
    withinTwelveMonths: "yes",
    exclusions: ["none"],
    ...a.eligibility,
  };
  const row = findRepresentationByReference(d.db, reference);
  if (!row) throw new Error(`Demo data: no case ${reference}`);
  must(saveTriage(d.db, d.officer, reference, { representationType: "Complaint", process: corporate ? "corporate" : "statutory", eligibility }, ago(d, a.daysAgo, "11:00")), `triage of ${reference}`);
  must(
    saveCoding(d.db, d.officer, reference, { primaryNature: a.nature, otherNatures: [], outcomesSought: [], method: row.methodReceived }, ago(d, a.daysAgo, "11:05")),
    `coding of ${reference}`,
  );
  must(acceptRepresentation(d.db, d.officer, reference, { decision, personAgreed: decision === "early-resolution" }, ago(d, a.daysAgo, "11:10")), `accepting ${reference}`);
  must(
    assignCase(d.db, d.officer, reference, { teamId: a.team, respondingManagerId: a.manager.id }, { publicUrl: d.publicUrl, now: ago(d, a.daysAgo, "11:15") }),
    `assigning ${reference}`,
  );
}

/** The response, from the letter the service drafts in the person's language and mode. */
function respond(d: Demo, reference: string, by: Actor, finding: FindingCode, daysAgo: number, outcome: { points?: PointInput[]; actualOutcomes?: string[] } = {}) {
  const at = ago(d, daysAgo, "15:00");
  const row = findRepresentationByReference(d.db, reference);
  const letter = row && draftResponse(d.db, by, row, finding, at);
  if (!letter) throw new Error(`Demo data: no response may be drafted on ${reference}`);
  // Stage 2's response is the Adjudicating Officer's, named with it, and answers the complaint point by point.
  const stage2 = currentStage(d.db, row.id)?.kind === "statutory-stage2";
  const adjudicatingOfficer = stage2 ? "Adaeze Okafor, Assistant Director" : null;
  const points = outcome.points ?? (stage2 ? demoPoints(finding) : []);
  const options = actualOutcomeOptions(d.db);
  const actualOutcomeIds = (outcome.actualOutcomes ?? []).map((label) => {
    const id = options.find((o) => o.label === label)?.id;
    if (id === undefined) throw new Error(`Demo data: no actual outcome "${label}"`);
    return id;
  });
  must(respondToStage(d.db, by, reference, { finding, ...letter, adjudicatingOfficer, points, actualOutcomeIds }, at), `the response to ${reference}`);
}

/**
 * Learning actions (decision record 029): one overdue on the answered Stage 1, and two done with a
 * public summary ("you said, we did"), one of them from the comment.
 */
function learningActions(d: Demo) {
  // The demo shows the public page; a council's own database starts with it off.
  d.db.update(settings).set({ value: "yes" }).where(eq(settings.key, "publishImprovements")).run();
  const raise = (reference: string, change: string, team: number, owner: Actor, raisedDaysAgo: number, dueDaysAgo: number) => {
    const raised = raiseLearningAction(d.db, d.officer, reference, { change, teamId: team, ownerId: owner.id, dueOn: day(d, dueDaysAgo) }, ago(d, raisedDaysAgo));
    if (!raised.ok) throw new Error(`Demo data: the learning action on ${reference} was refused (${raised.error})`);
    return raised.id;
  };
  const moveOn = (id: number, by: Actor, move: LearningMove, input: MoveInput, daysAgo: number) => must(moveLearningAction(d.db, by, id, move, input, ago(d, daysAgo, "16:00")), `the learning action ${id}`);
  // Overdue: due 2 working days ago, started but not done.
  const overdue = raise(DEMO_CASES.stage1Responded, "Give every care leaver a named personal adviser within 5 working days when theirs leaves, and write to them the same week.", d.childrenInCare, d.teamManager, 4, 2);
  moveOn(overdue, d.teamManager, "start", {}, 3);
  const booking = raise(DEMO_CASES.closed, "Confirm family time sessions by text the day before, and pay travel when we cancel at short notice.", d.childrenInCare, d.teamManager, 29, 10);
  moveOn(booking, d.teamManager, "complete", {
    evidence: "Text confirmations in use since the team meeting; travel refunds added to the family time procedure.",
    publicHeard: "Families told us visits with their children were cancelled at short notice after they had already travelled.",
    publicChanged: "We now confirm every visit by text the day before, and we pay travel costs when we cancel late.",
  }, 12);
  const sayings = raise(DEMO_CASES.commentClosed, "Add a young person's page about reviews to the website, written with the children in care council.", d.childrenInCare, d.officer, 8, 3);
  moveOn(sayings, d.officer, "complete", {
    evidence: "Page published; written with four members of the children in care council.",
    publicHeard: "Young people told us they did not know what happens at their review or how to have their say.",
    publicChanged: "We wrote a page about reviews with young people in care, in words they chose.",
  }, 2);
}

/** Compensation on a stage: each step's amount in pence and how many days ago. */
function money(d: Demo, reference: string, sequence: number, steps: Partial<Record<"offered" | "agreed" | "paid", [number, number]>>) {
  const on = (step: keyof typeof steps) => (steps[step] ? day(d, steps[step][1]) : null);
  must(
    recordStageMoney(
      d.db,
      d.officer,
      reference,
      sequence,
      {
        offeredPence: steps.offered?.[0] ?? null,
        offeredOn: on("offered"),
        agreedPence: steps.agreed?.[0] ?? null,
        agreedOn: on("agreed"),
        paidPence: steps.paid?.[0] ?? null,
        paidOn: on("paid"),
        costs: [],
      },
      d.now,
    ),
    `the money on ${reference}`,
  );
}

/** Two points of complaint whose findings make `finding` by the rule in app/domain/outcomes.ts. */
function demoPoints(finding: FindingCode): PointInput[] {
  const [first, second] = finding === "upheld" ? ["upheld", "upheld"] : finding === "partially-upheld" ? ["upheld", "not-upheld"] : [finding, finding];
  return [
    { point: "Nobody told me when my social worker changed.", finding: first, reasons: "The records show no letter or call about the change." },
    { point: "My views were not written down at my review.", finding: second, reasons: "The review notes record the young person's views in their own words." },
  ];
}

// ---------------------------------------------------------------------------------------------
// The cases.

function newYoungPerson(d: Demo) {
  complaint(d, DEMO_CASES.newYoungPerson, {
    receivedDaysAgo: 1,
    time: "19:40",
    method: METHOD_YOUNG_PERSONS_EFORM,
    mode: "easy-read",
    relationship: "young-person",
    fullName: "Kayla Brennan",
    contact: { contactMethod: "phone", phone: "07700 900314" },
    description: "My social worker keeps changing. I have had 4 this year. Nobody tells me why. I have to tell my story again every time.",
    whenAbout: "All this year",
    outcomes: ["change-worker", "kept-informed"],
  });
}

function newDueSoon(d: Demo) {
  complaint(d, DEMO_CASES.newDueSoon, {
    receivedDaysAgo: 8,
    method: METHOD_EFORM,
    relationship: "parent",
    fullName: "Dawn Hollis",
    childName: "Mason Hollis",
    contact: { contactMethod: "email", email: "dawn.hollis@example.com" },
    description: "We were not told about the change to contact arrangements for my son. I found out when the contact centre rang to say Saturday's session was cancelled.",
    whenAbout: "Last month",
    outcomes: ["contact-arrangements", "explanation"],
    team: d.childrenInCare,
  });
}

function stage1Due(d: Demo) {
  complaint(d, DEMO_CASES.stage1Due, {
    receivedDaysAgo: 3,
    method: METHOD_EFORM,
    language: "pl",
    relationship: "parent",
    fullName: "Marta Zielińska",
    childName: "Zofia Zielińska",
    contact: { contactMethod: "email", email: "marta.zielinska@example.com" },
    description:
      "Od dwóch miesięcy nikt z zespołu nie odpowiada na moje telefony w sprawie planu opieki nad moją córką Zofią. Spotkanie przeglądowe zostało odwołane bez wyjaśnienia.",
    whenAbout: "Od września",
    outcomes: ["better-communication", "meeting"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage1Due, { daysAgo: 2, receivedFrom: "Parent", nature: "Poor communication", team: d.childrenInCare, manager: d.teamManager });
}

function stage1Overdue(d: Demo) {
  complaint(d, DEMO_CASES.stage1Overdue, {
    receivedDaysAgo: 14,
    method: "Telephone",
    relationship: "foster-carer",
    fullName: "Gareth Pryce",
    childName: "Leon Carter",
    contact: { contactMethod: "phone", phone: "01632 960271" },
    description:
      "Leon's supervising social worker has not visited for three months and the respite weekend we were promised in the summer never happened. We are exhausted and nobody calls back.",
    whenAbout: "Since the summer",
    outcomes: ["more-support", "meeting"],
    team: d.fostering,
    workerName: "the supervising social worker",
  });
  accept(d, DEMO_CASES.stage1Overdue, { daysAgo: 13, receivedFrom: "Foster carer", nature: "Insufficient support", team: d.fostering, manager: d.otherTeamManager });
}

function stage1OnHold(d: Demo) {
  complaint(d, DEMO_CASES.stage1OnHold, {
    receivedDaysAgo: 5,
    method: "Telephone",
    relationship: "parent",
    fullName: "Carys Morgan",
    childName: "Evan Morgan",
    contact: { contactMethod: "phone", phone: "01632 960715" },
    description: "Evan's short breaks were stopped after his review and nobody told us why. We found out when the respite centre rang to cancel.",
    whenAbout: "Since October",
    outcomes: ["explanation", "decision-review"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage1OnHold, { daysAgo: 4, receivedFrom: "Parent", nature: "Provision or service withdrawn", team: d.childrenInCare, manager: d.teamManager });
  must(
    putStageOnHold(d.db, d.officer, DEMO_CASES.stage1OnHold, { reason: "Ms Morgan is in hospital and asked us to wait until she is home before we call." }, ago(d, 2, "10:30")),
    "putting Stage 1 on hold",
  );
}

function stage1Extended(d: Demo) {
  complaint(d, DEMO_CASES.stage1Extended, {
    receivedDaysAgo: 12,
    method: METHOD_EFORM,
    language: "ur",
    relationship: "special-guardian",
    fullName: "Nasreen Akhtar",
    childName: "Bilal Akhtar",
    contact: { contactMethod: "post", address: "14 Fenwick Row\nNorthshire\nNS4 7QT" },
    description:
      "میرے پوتے بلال کی خصوصی سرپرستی کی معاونت کا منصوبہ ایک سال سے نظرثانی نہیں ہوا۔ اسکول، صحت اور سماجی خدمات ایک دوسرے کو ذمہ دار ٹھہراتے ہیں۔",
    whenAbout: "پچھلے سال سے",
    outcomes: ["decision-review", "more-support"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage1Extended, {
    daysAgo: 11,
    receivedFrom: "Special guardian",
    eligibility: { childStatus: ["adoption-or-special-guardianship"] },
    nature: "Failure to implement agreed actions",
    team: d.childrenInCare,
    manager: d.teamManager,
  });
  const received = findRepresentationByReference(d.db, DEMO_CASES.stage1Extended)!.receivedOn;
  must(
    extendStage(
      d.db,
      d.officer,
      DEMO_CASES.stage1Extended,
      { newDate: addWorkingDays(received, 18), reason: "complex", details: "Education, health and social care each hold part of the support plan; all three must be read." },
      ago(d, 6, "14:00"),
    ),
    "the extension",
  );
}

function stage1Responded(d: Demo) {
  complaint(d, DEMO_CASES.stage1Responded, {
    receivedDaysAgo: 16,
    method: "Email",
    relationship: "young-person",
    fullName: "Tyler Okafor",
    contact: { contactMethod: "email", email: "tyler.okafor@example.com" },
    description:
      "I am 17 and in care. My pathway plan says I would get help to find a flat before I turn 18 but nobody has started it. My personal adviser left and I was not given a new one.",
    whenAbout: "Since June",
    outcomes: ["change-worker", "more-support"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage1Responded, { daysAgo: 15, receivedFrom: "Young person in care or leaving care", nature: "Non-fulfilment of duty", team: d.childrenInCare, manager: d.teamManager });
  respond(d, DEMO_CASES.stage1Responded, d.teamManager, "partially-upheld", 4, {
    points: [
      { point: "Nobody has started helping me find a flat.", finding: "upheld", reasons: "The pathway plan's housing actions were not started after the personal adviser left." },
      { point: "I was not given a new personal adviser.", finding: "not-upheld", reasons: "A new personal adviser was allocated within two weeks; the letter telling Tyler went to an old address." },
    ],
    actualOutcomes: ["Apology and explanation", "Agreed additional support", "Best practice learning - service or area"],
  });
  // Tyler asked online for Stage 2 yesterday ("Check your complaint"): the case page shows the
  // request for the complaints team to confirm.
  const row = findRepresentationByReference(d.db, DEMO_CASES.stage1Responded);
  if (!row) throw new Error("Demo data: the responded case is missing");
  must(
    askForNextStage(
      d.db,
      { representationId: row.id, expiresAt: ago(d, 1, "19:30") },
      { unresolved: "Nobody has started my pathway plan and I still have no personal adviser. I turn 18 soon.", publicUrl: d.publicUrl },
      ago(d, 1, "19:00"),
    ),
    "the online request for Stage 2",
  );
}

function closedAfterStage1(d: Demo) {
  complaint(d, DEMO_CASES.closed, {
    receivedDaysAgo: 38,
    method: "Letter",
    relationship: "parent",
    fullName: "Priya Raman",
    childName: "Anaya Raman",
    contact: { contactMethod: "post", address: "3 Mill Lane\nNorthshire\nNS2 5HB" },
    description: "Three contact sessions with my daughter were cancelled at short notice in one month. Each time I had already travelled to the family centre.",
    whenAbout: "In the spring",
    outcomes: ["apology", "not-again"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.closed, { daysAgo: 37, receivedFrom: "Parent", nature: "Contact arrangements", team: d.childrenInCare, manager: d.teamManager });
  respond(d, DEMO_CASES.closed, d.teamManager, "upheld", 29, { actualOutcomes: ["Apology", "Financial reimbursement - paid", "Assurance of non-recurrence"] });
  // Ms Raman's travel to the three cancelled sessions, offered with the response and paid a week later.
  money(d, DEMO_CASES.closed, 1, { offered: [4_500, 29], agreed: [4_500, 27], paid: [4_500, 22] });
  closeStage(d, DEMO_CASES.closed, 6, "Ms Raman rang to say she is satisfied with the apology and the new booking arrangements.");
}

function stage2WithInvestigator(d: Demo) {
  complaint(d, DEMO_CASES.stage2Investigator, {
    receivedDaysAgo: 40,
    method: "Email",
    relationship: "advocate",
    fullName: "Rhiannon Price",
    childName: "Jayden Walsh",
    contact: { contactMethod: "email", email: "rhiannon.price@example.com" },
    description:
      "I am Jayden's independent advocate. Jayden (14) was moved to a new placement 40 miles away with two days' notice, without being asked for his views, and now cannot attend his school.",
    whenAbout: "In September",
    outcomes: ["decision-review", "record-view"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage2Investigator, {
    daysAgo: 39,
    receivedFrom: "Advocate",
    eligibility: { childConsent: "yes" },
    nature: "Placement decision - change of placement",
    team: d.childrenInCare,
    manager: d.teamManager,
  });
  respond(d, DEMO_CASES.stage2Investigator, d.teamManager, "not-upheld", 31);
  escalate(d, DEMO_CASES.stage2Investigator, 18, "Jayden's advocate asked for Stage 2 by email.");
  agreeStatement(d, DEMO_CASES.stage2Investigator, 12);
  nameStage2(d, DEMO_CASES.stage2Investigator, 11, { name: "Helen Marsh", costPence: 95_000 });
}

function stage2StatementWaiting(d: Demo) {
  complaint(d, DEMO_CASES.stage2StatementWaiting, {
    receivedDaysAgo: 36,
    method: "Via an MP or councillor",
    relationship: "parent",
    fullName: "Lee Whitfield",
    childName: "Ruby Whitfield",
    contact: { contactMethod: "phone", phone: "01632 960588" },
    description: "The child in need plan for Ruby promised a family support worker twice a week. Nobody has come since April and the plan was closed without a meeting.",
    whenAbout: "Since April",
    outcomes: ["more-support", "decision-review"],
    team: d.fostering,
  });
  accept(d, DEMO_CASES.stage2StatementWaiting, {
    daysAgo: 35,
    receivedFrom: "Parent",
    eligibility: { childStatus: ["in-need"] },
    nature: "Provision or service withdrawn",
    team: d.fostering,
    manager: d.otherTeamManager,
  });
  respond(d, DEMO_CASES.stage2StatementWaiting, d.otherTeamManager, "partially-upheld", 25);
  escalate(d, DEMO_CASES.stage2StatementWaiting, 13, "Mr Whitfield asked for Stage 2 on the phone; the statement of complaint was sent to him to agree.");
}

function stage3PanelBooked(d: Demo) {
  complaint(d, DEMO_CASES.stage3PanelBooked, {
    receivedDaysAgo: 76,
    method: "Paper complaint form",
    relationship: "parent",
    fullName: "Samuel Adeyemi-Clarke",
    childName: "Grace Adeyemi-Clarke",
    contact: { contactMethod: "email", email: "samuel.ac@example.com" },
    description: "The assessment that led to Grace's child protection plan recorded things I never said and was not shared with me before the conference.",
    whenAbout: "In January",
    outcomes: ["record-view", "apology", "assessment"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.stage3PanelBooked, {
    daysAgo: 75,
    receivedFrom: "Parent",
    eligibility: { childStatus: ["in-need"] },
    nature: "Assessment process",
    team: d.childrenInCare,
    manager: d.teamManager,
  });
  respond(d, DEMO_CASES.stage3PanelBooked, d.teamManager, "not-upheld", 66);
  escalate(d, DEMO_CASES.stage3PanelBooked, 49, "Mr Adeyemi-Clarke asked for Stage 2 by email.");
  agreeStatement(d, DEMO_CASES.stage3PanelBooked, 46);
  nameStage2(d, DEMO_CASES.stage3PanelBooked, 45, { name: "Ruth Okonjo", costPence: 110_000 });
  respond(d, DEMO_CASES.stage3PanelBooked, d.officer, "partially-upheld", 26);
  escalate(d, DEMO_CASES.stage3PanelBooked, 12, "Mr Adeyemi-Clarke asked for a review panel by letter.");
  bookPanel(d, DEMO_CASES.stage3PanelBooked, 8, 10, [
    { person: "Margaret Ellison", chair: true },
    { person: "Devinder Sandhu", chair: false },
    { person: "Paul Kettering", chair: false },
  ]);
}

function withTheOmbudsman(d: Demo) {
  complaint(d, DEMO_CASES.ombudsman, {
    receivedDaysAgo: 120,
    method: "Email",
    relationship: "relative",
    fullName: "Irene Caldwell",
    childName: "Charlie Caldwell",
    contact: { contactMethod: "email", email: "irene.caldwell@example.com" },
    description:
      "I have parental responsibility for my grandson Charlie under a child arrangements order. The council stopped his kinship allowance without telling me and has not answered my letters about the arrears.",
    whenAbout: "Since last winter",
    outcomes: ["compensation", "explanation", "apology"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.ombudsman, {
    daysAgo: 119,
    receivedFrom: "Grandparent",
    eligibility: { parentalResponsibility: "yes", childStatus: ["in-need"] },
    nature: "Finance",
    team: d.childrenInCare,
    manager: d.teamManager,
  });
  respond(d, DEMO_CASES.ombudsman, d.teamManager, "not-upheld", 110);
  escalate(d, DEMO_CASES.ombudsman, 100, "Mrs Caldwell asked for Stage 2 by email.");
  agreeStatement(d, DEMO_CASES.ombudsman, 96);
  nameStage2(d, DEMO_CASES.ombudsman, 95, { name: "Alistair Finch", costPence: 87_500 });
  respond(d, DEMO_CASES.ombudsman, d.officer, "partially-upheld", 80);
  escalate(d, DEMO_CASES.ombudsman, 70, "Mrs Caldwell asked for a review panel.");
  bookPanel(d, DEMO_CASES.ombudsman, 66, 19, [
    { person: "Beverley Oduya", chair: true },
    { person: "Tom Lindqvist", chair: false },
    { person: "Sunita Parmar", chair: false },
  ]);
  recordPanelReport(d, DEMO_CASES.ombudsman, 46);
  respond(d, DEMO_CASES.ombudsman, d.officer, "partially-upheld", 40);
  openOmbudsmanEnquiry(d, DEMO_CASES.ombudsman, { receivedDaysAgo: 17, ombudsmanReference: "26 004 817", answerWithinWorkingDays: 20 });
}

/**
 * Stages 1 and 2 answered and Stage 3 asked for, each on its clock: `start` working days ago the
 * complaint came in, and every step follows at the same gaps as the other Stage 3 cases.
 */
function toStage3(d: Demo, reference: string, start: number, person: Person) {
  complaint(d, reference, { ...person, receivedDaysAgo: start, method: "Email", team: d.childrenInCare });
  accept(d, reference, { daysAgo: start - 1, receivedFrom: "Parent", eligibility: { childStatus: ["in-need"] }, nature: "Assessment process", team: d.childrenInCare, manager: d.teamManager });
  respond(d, reference, d.teamManager, "not-upheld", start - 9);
  escalate(d, reference, start - 19, `${person.fullName} asked for Stage 2 by email.`);
  agreeStatement(d, reference, start - 22);
  nameStage2(d, reference, start - 23, { name: "Alistair Finch", costPence: 87_500 });
  respond(d, reference, d.officer, "partially-upheld", start - 40);
  escalate(d, reference, start - 50, `${person.fullName} asked for a review panel.`);
  // Booked 2 working days after the request, to meet 10 working days after that.
  bookPanel(d, reference, start - 52, 10, [
    { person: "Beverley Oduya", chair: true },
    { person: "Tom Lindqvist", chair: false },
    { person: "Sunita Parmar", chair: false },
  ]);
}

function stage3ReportIn(d: Demo) {
  // The panel met 8 working days ago; the chair's report came 3 working days later, so the
  // council's response is due in 10 working days.
  toStage3(d, DEMO_CASES.stage3ReportIn, 70, {
    relationship: "parent",
    fullName: "Neil Ashworth",
    childName: "Poppy Ashworth",
    contact: { contactMethod: "email", email: "neil.ashworth@example.com" },
    description: "The child and family assessment for Poppy was finished without anyone speaking to her school or to me, and it says I refused a visit I never knew about.",
    whenAbout: "In the summer",
    outcomes: ["assessment", "record-view"],
  });
  recordPanelReport(d, DEMO_CASES.stage3ReportIn, 5);
}

function stage3Answered(d: Demo) {
  // The council answered the panel 10 working days ago: the person may now go to the Ombudsman.
  toStage3(d, DEMO_CASES.stage3Answered, 90, {
    relationship: "parent",
    fullName: "Farah Haddad",
    childName: "Yusuf Haddad",
    contact: { contactMethod: "email", email: "farah.haddad@example.com" },
    description: "Yusuf's assessment was used to refuse him a place at the family centre, but it describes a different boy's needs and was never shared with us.",
    whenAbout: "In the spring",
    outcomes: ["assessment", "apology"],
  });
  recordPanelReport(d, DEMO_CASES.stage3Answered, 25);
  respond(d, DEMO_CASES.stage3Answered, d.officer, "partially-upheld", 10);
}

function ombudsmanRemedy(d: Demo) {
  toStage3(d, DEMO_CASES.ombudsmanRemedy, 150, {
    relationship: "parent",
    fullName: "Owen Pritchard",
    childName: "Lily Pritchard",
    contact: { contactMethod: "email", email: "owen.pritchard@example.com" },
    description: "The council's assessment of Lily's needs left out her diagnosis, and her support was cut because of it. It took a year to put right.",
    whenAbout: "Last year",
    outcomes: ["assessment", "compensation"],
  });
  recordPanelReport(d, DEMO_CASES.ombudsmanRemedy, 85);
  respond(d, DEMO_CASES.ombudsmanRemedy, d.officer, "partially-upheld", 75);
  openOmbudsmanEnquiry(d, DEMO_CASES.ombudsmanRemedy, { receivedDaysAgo: 50, ombudsmanReference: "26 002 391", answerWithinWorkingDays: 20 });
  const reference = DEMO_CASES.ombudsmanRemedy;
  must(answerOmbudsmanEnquiry(d.db, d.officer, reference, { answeredOn: day(d, 40) }, ago(d, 40, "15:00")), `answering the Ombudsman on ${reference}`);
  // Fault causing injustice: an apology and £500 within 20 working days of the decision.
  const decidedOn = day(d, 6);
  must(
    recordOmbudsmanDecision(
      d.db,
      d.officer,
      reference,
      { decidedOn, decision: "Upheld - fault causing injustice", remedy: "Apologise to Mr Pritchard and pay him £500 for the distress and time lost.", remedyPence: 50_000, remedyDueOn: addWorkingDays(decidedOn, 20) },
      ago(d, 6, "12:00"),
    ),
    `the Ombudsman's decision on ${reference}`,
  );
}

function corporateStage1(d: Demo) {
  complaint(d, DEMO_CASES.corporateStage1, {
    receivedDaysAgo: 6,
    method: "Telephone via contact centre",
    relationship: "someone-else",
    fullName: "Callum Reid",
    contact: { contactMethod: "phone", phone: "01632 960443" },
    description:
      "We applied to foster eight months ago. Our assessing social worker has cancelled four visits and told us at the last one that our application was 'not a priority'. We want the assessment finished or an honest answer.",
    whenAbout: "Since March",
    outcomes: ["explanation", "meeting"],
    team: d.fostering,
  });
  accept(d, DEMO_CASES.corporateStage1, { daysAgo: 5, receivedFrom: "Prospective foster carer", decision: "corporate", nature: "Delay in provision of service", team: d.fostering, manager: d.otherTeamManager });
  must(
    addRestriction(
      d.db,
      d.officer,
      DEMO_CASES.corporateStage1,
      {
        restricted: "Telephone contact with the complaints team only, on Tuesdays from 10:00 to 12:00; no calls to the fostering duty line.",
        reason: "Twenty-three calls to the fostering duty line in one week, several of them abusive to the duty worker.",
        reviewOn: addWorkingDays(d.today, 2),
      },
      ago(d, 4, "16:00"),
    ),
    "the contact restriction",
  );
}

function corporateStage2(d: Demo) {
  complaint(d, DEMO_CASES.corporateStage2, {
    receivedDaysAgo: 34,
    method: "Email",
    relationship: "someone-else",
    fullName: "Jordan Maddox",
    contact: { contactMethod: "email", email: "jordan.maddox@example.com" },
    description:
      "I left care six years ago and asked for my care records in January. I was told to wait, then sent half of them with other children's names left in.",
    whenAbout: "Since January",
    outcomes: ["apology", "explanation"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.corporateStage2, { daysAgo: 33, receivedFrom: "Care leaver, now an adult", decision: "corporate", nature: "Subject access request delay", team: d.childrenInCare, manager: d.teamManager });
  respond(d, DEMO_CASES.corporateStage2, d.teamManager, "partially-upheld", 22);
  // The Complaint Handling Code: Stage 2 is held by someone other than Stage 1's handler.
  escalate(d, DEMO_CASES.corporateStage2, 10, "Jordan asked for Stage 2 by email.", d.manager);
}

function earlyResolution(d: Demo) {
  complaint(d, DEMO_CASES.earlyResolution, {
    receivedDaysAgo: 2,
    method: "Telephone",
    relationship: "foster-carer",
    fullName: "Bronwen Ellis",
    contact: { contactMethod: "phone", phone: "07700 900682" },
    description: "My fostering allowance for last month has not been paid and the finance line keeps me on hold for an hour.",
    whenAbout: "This month",
    outcomes: ["explanation"],
    team: d.fostering,
  });
  accept(d, DEMO_CASES.earlyResolution, {
    daysAgo: 1,
    receivedFrom: "Foster carer",
    decision: "early-resolution",
    nature: "Foster care allowance dispute",
    team: d.fostering,
    manager: d.otherTeamManager,
  });
}

function safeguardingNotReferred(d: Demo) {
  complaint(d, DEMO_CASES.safeguarding, {
    receivedDaysAgo: 4,
    method: "Email",
    relationship: "advocate",
    fullName: "Femi Adebayo",
    childName: "Ollie Grant",
    contact: { contactMethod: "email", email: "femi.adebayo@example.com" },
    description:
      "Ollie (13) says he has told staff at his children's home many times that an older boy takes his things and hits him, and nothing changes. He wants to move.",
    whenAbout: "The last few weeks",
    outcomes: ["decision-review", "not-again"],
    team: d.childrenInCare,
  });
  accept(d, DEMO_CASES.safeguarding, {
    daysAgo: 3,
    receivedFrom: "Advocate",
    eligibility: { childConsent: "yes" },
    nature: "Welfare concerns not acted on",
    team: d.childrenInCare,
    manager: d.teamManager,
  });
  must(
    flagConcern(d.db, d.officer, DEMO_CASES.safeguarding, "Ollie reports being hit by another young person at the home; staff have not acted.", ago(d, 3, "11:30")),
    "the safeguarding concern",
  );
}

function compliment(d: Demo) {
  const receivedAt = ago(d, 5, "13:10");
  createRepresentation(
    d.db,
    {
      kind: "compliment",
      methodReceived: METHOD_EFORM,
      receivedAt,
      receivedOn: londonDate(receivedAt),
      personName: "Angela Moss",
      personRelationship: "",
      personEmail: "angela.moss@example.com",
      childName: null,
      answers: {
        kind: { kind: "compliment" },
        "compliment-team": { team: String(d.fostering), workerName: "Kofi, our supervising social worker" },
        "compliment-what": { whatWentWell: "Kofi answered every call during a very hard month, came out on a Saturday when our placement nearly broke down, and the children trust him." },
        "compliment-share": { mayShare: "yes" },
        "compliment-contact": { fullName: "Angela Moss", email: "angela.moss@example.com" },
      },
      createdAt: receivedAt,
      updatedAt: receivedAt,
    },
    { reference: DEMO_CASES.compliment },
  );
}

function commentClosed(d: Demo) {
  const receivedAt = ago(d, 9, "17:45");
  createRepresentation(
    d.db,
    {
      kind: "comment",
      methodReceived: "Paper complaint form",
      receivedAt,
      receivedOn: londonDate(receivedAt),
      personName: "Harpreet Gill",
      personRelationship: "",
      personEmail: null,
      childName: null,
      answers: {
        kind: { kind: "comment" },
        "comment-about": { commentAbout: "The family centre waiting room" },
        "comment-what": { comment: "There is nothing for toddlers to do while we wait for contact, and the baby change is in the staff toilet." },
        "comment-contact": { fullName: "Harpreet Gill" },
      },
      createdAt: receivedAt,
      updatedAt: receivedAt,
    },
    { reference: DEMO_CASES.commentClosed },
  );
  must(closeFeedback(d.db, d.officer, DEMO_CASES.commentClosed, ago(d, 3, "09:45")), "closing the comment");
}

/**
 * The demo's emails belong to its past: they are marked sent when they were written, so starting
 * the demo sends nothing (not to the managers, nor to the made-up people at example.com).
 */
function markDemoMailSent(d: Demo) {
  d.db
    .update(outbox)
    .set({ status: "sent", sentAt: sql`${outbox.createdAt}`, attempts: 1 })
    .where(and(isNotNull(outbox.representationId), eq(outbox.status, "pending")))
    .run();
}

// ---------------------------------------------------------------------------------------------
// The moves after a response, through the services staff use (app/services/stage-moves.server.ts
// and later-stages.server.ts), each on the working day it happened.

/** A line on the timeline saying how something came about (the services record the move itself). */
function note(d: Demo, reference: string, daysAgo: number, body: string) {
  const row = findRepresentationByReference(d.db, reference);
  if (!row) throw new Error(`Demo data: no case ${reference}`);
  addEntry(d.db, { representationId: row.id, kind: "note", staffUserId: d.officer.id, at: ago(d, daysAgo, "11:30"), body });
}

/** The person asks for the next stage on day `requestedDaysAgo`: this stage is escalated and the next opens from the request. */
function escalate(d: Demo, reference: string, requestedDaysAgo: number, how: string, handler?: Actor) {
  must(escalateStage(d.db, d.officer, reference, { requestedOn: day(d, requestedDaysAgo), handlerId: handler?.id ?? null }, ago(d, requestedDaysAgo, "11:00")), `escalating ${reference}`);
  note(d, reference, requestedDaysAgo, how);
}

function agreeStatement(d: Demo, reference: string, daysAgo: number) {
  must(agreeStatementOfComplaint(d.db, d.officer, reference, { agreedOn: day(d, daysAgo) }, ago(d, daysAgo, "14:00")), `agreeing the statement on ${reference}`);
}

/** The demo investigator is named as the Investigating Officer on the case's Stage 2, with an Independent Person from outside. */
function nameStage2(d: Demo, reference: string, daysAgo: number, independentPerson: { name: string; costPence: number }) {
  must(
    nameStage2People(
      d.db,
      d.officer,
      reference,
      { investigator: { staffUserId: d.investigatorId, costPence: 180_000 }, independentPerson: { name: independentPerson.name, costPence: independentPerson.costPence } },
      ago(d, daysAgo, "14:30"),
    ),
    `naming Stage 2's people on ${reference}`,
  );
}

/** The review panel booked on day `bookedDaysAgo` to meet `panelInWorkingDays` after that day (in the future or the past). */
function bookPanel(d: Demo, reference: string, bookedDaysAgo: number, panelInWorkingDays: number, panel: PanelMember[]) {
  const panelOn = addWorkingDays(day(d, bookedDaysAgo), panelInWorkingDays);
  const members = panel.map((m) => ({ name: m.person, chair: m.chair, costPence: m.chair ? 45_000 : 30_000 }));
  must(bookReviewPanel(d.db, d.officer, reference, { panelOn, members }, ago(d, bookedDaysAgo, "15:00")), `booking the panel on ${reference}`);
}

function recordPanelReport(d: Demo, reference: string, daysAgo: number) {
  must(recordChairsReport(d.db, d.officer, reference, { reportOn: day(d, daysAgo) }, ago(d, daysAgo, "12:00")), `the panel report on ${reference}`);
}

/**
 * The person went to the Ombudsman after the council's final response: the Ombudsman's stage opens
 * on the day its enquiry arrived, with the date it asks for an answer by.
 */
function openOmbudsmanEnquiry(d: Demo, reference: string, e: { receivedDaysAgo: number; ombudsmanReference: string; answerWithinWorkingDays: number }) {
  const enquiryOn = day(d, e.receivedDaysAgo);
  must(
    referToOmbudsman(d.db, d.officer, reference, { ombudsmanReference: e.ombudsmanReference, enquiryOn, enquiryDueOn: addWorkingDays(enquiryOn, e.answerWithinWorkingDays) }, ago(d, e.receivedDaysAgo, "12:00")),
    `the Ombudsman's enquiry on ${reference}`,
  );
}

/** The person is satisfied (or the window to ask for the next stage has passed): the stage and the case close. */
function closeStage(d: Demo, reference: string, daysAgo: number, why: string) {
  must(closeStageOf(d.db, d.officer, reference, ago(d, daysAgo, "16:00")), `closing ${reference}`);
  note(d, reference, daysAgo, why);
}

/** The demo's references, for the seed's and the tests' use. */
export const demoReferences: readonly string[] = Object.values(DEMO_CASES);

/** Every demo case's row, by reference (for the tests). */
export function demoRows(db: Db) {
  return db.select().from(representations).where(inArray(representations.reference, [...demoReferences])).all();
}
