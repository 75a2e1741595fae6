/**
 * What a stage's response found, and what the complaint cost (decision record 028). Findings are
 * the "finding" reference list's stable codes (its labels are the council's to rename), so the
 * rule below and the annual report count codes, never words.
 */

/**
 * The findings the rules know. A value a council adds to the list gets a generated code (decision
 * record 048): it can be recorded, and the rule below counts it as not judged on the merits.
 */
export const findingCodes = ["upheld", "partially-upheld", "not-upheld", "resolved-early", "withdrawn", "not-investigated"] as const;
export type FindingCode = (typeof findingCodes)[number];

export function isFindingCode(value: string | null | undefined): value is FindingCode {
  return (findingCodes as readonly string[]).includes(value ?? "");
}

/** The findings that judge a point on its merits; the others say it was not looked at in full. */
const JUDGED = ["upheld", "partially-upheld", "not-upheld"] as const satisfies readonly FindingCode[];
type Judged = (typeof JUDGED)[number];
export const isJudged = (code: string): code is Judged => (JUDGED as readonly string[]).includes(code);

/** Findings that mean the council was at fault; the annual report's "fault found" counts these. */
export const faultFindingCodes: readonly FindingCode[] = ["upheld", "partially-upheld"];

/**
 * THE rule for a complaint with several points: the complaint is upheld when every point judged
 * on its merits is upheld; partially upheld when at least one is upheld or partially upheld but
 * not all are upheld; not upheld when none is. Points that were not judged (resolved early,
 * withdrawn, not investigated) do not count; when no point was judged the rule says nothing (null).
 */
export function findingFromPoints(points: ReadonlyArray<{ finding: string }>): Judged | null {
  const judged = points.map((p) => p.finding).filter(isJudged);
  if (judged.length === 0) return null;
  if (judged.every((f) => f === "upheld")) return "upheld";
  if (judged.some((f) => f === "upheld" || f === "partially-upheld")) return "partially-upheld";
  return "not-upheld";
}

/** Why the rule was met, for the page: which of the three cases applied. */
export type FindingReason = "all-upheld" | "some-upheld" | "none-upheld";
export function findingReasonOf(code: Judged): FindingReason {
  return code === "upheld" ? "all-upheld" : code === "partially-upheld" ? "some-upheld" : "none-upheld";
}

/**
 * The finding staff chose for the complaint must be the one its points make it (when the points
 * make one): null when it is, else the finding the points make.
 */
export function checkFinding(finding: string, points: ReadonlyArray<{ finding: string }>): Judged | null {
  const required = findingFromPoints(points);
  return required !== null && required !== finding ? required : null;
}

/**
 * The case's overall finding: the finding of the last stage that responded (a later stage looks
 * at the complaint again and its answer replaces the earlier one). Null until a stage has.
 */
export function caseFinding(stages: ReadonlyArray<{ sequence: number; finding: string | null }>): string | null {
  return [...stages].sort((a, b) => a.sequence - b.sequence).reduce<string | null>((found, st) => st.finding ?? found, null);
}

/** Compensation on one stage: each step with its amount (whole pence) and day. */
export interface Compensation {
  offeredPence: number | null;
  offeredOn: string | null;
  agreedPence: number | null;
  agreedOn: string | null;
  paidPence: number | null;
  paidOn: string | null;
}

export type CompensationProblem =
  | "offered-date-required"
  | "agreed-date-required"
  | "paid-date-required"
  | "date-without-amount"
  | "agreed-before-offered"
  | "paid-before-agreed"
  | "agreed-without-offer"
  | "paid-without-agreement"
  | "paid-more-than-agreed";

/**
 * The order of things: an amount has its day and a day its amount; nothing is agreed that was not
 * offered, nor paid that was not agreed, nor on an earlier day; and no more is paid than agreed.
 * Returns the first problem, named by the step it is on (offered, agreed, paid).
 */
export function checkCompensation(c: Compensation): { step: "offered" | "agreed" | "paid"; problem: CompensationProblem } | null {
  const steps = [
    ["offered", c.offeredPence, c.offeredOn],
    ["agreed", c.agreedPence, c.agreedOn],
    ["paid", c.paidPence, c.paidOn],
  ] as const;
  for (const [step, pence, on] of steps) {
    if (pence !== null && on === null) return { step, problem: `${step}-date-required` };
    if (pence === null && on !== null) return { step, problem: "date-without-amount" };
  }
  if (c.agreedPence !== null && c.offeredPence === null) return { step: "agreed", problem: "agreed-without-offer" };
  if (c.paidPence !== null && c.agreedPence === null) return { step: "paid", problem: "paid-without-agreement" };
  if (c.agreedOn && c.offeredOn && c.agreedOn < c.offeredOn) return { step: "agreed", problem: "agreed-before-offered" };
  if (c.paidOn && c.agreedOn && c.paidOn < c.agreedOn) return { step: "paid", problem: "paid-before-agreed" };
  if (c.paidPence !== null && c.agreedPence !== null && c.paidPence > c.agreedPence) return { step: "paid", problem: "paid-more-than-agreed" };
  return null;
}

export interface MoneyTotals {
  offeredPence: number;
  agreedPence: number;
  paidPence: number;
  /** Agreed and not yet paid: what the council still owes the person. */
  owedPence: number;
  /** What Stage 2's officers and Stage 3's panels cost. */
  costsPence: number;
  /** What the complaint has cost the council so far: compensation paid plus the costs. */
  spentPence: number;
}

/**
 * THE money sum rule, for one stage or a whole case (pass every stage): amounts not recorded count
 * as nothing; the council owes what was agreed and not paid, and has spent what it paid plus what
 * the investigations and panels cost.
 */
export function moneyTotals(stages: ReadonlyArray<Pick<Compensation, "offeredPence" | "agreedPence" | "paidPence"> & { costsPence: ReadonlyArray<number | null> }>): MoneyTotals {
  const sum = (values: ReadonlyArray<number | null>) => values.reduce<number>((total, v) => total + (v ?? 0), 0);
  const offeredPence = sum(stages.map((s) => s.offeredPence));
  const agreedPence = sum(stages.map((s) => s.agreedPence));
  const paidPence = sum(stages.map((s) => s.paidPence));
  const costsPence = sum(stages.flatMap((s) => s.costsPence));
  return { offeredPence, agreedPence, paidPence, owedPence: Math.max(0, agreedPence - paidPence), costsPence, spentPence: paidPence + costsPence };
}
