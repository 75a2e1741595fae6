import type { IsoDate } from "../calendar";
import type { StageKind, StageState } from "../stages";

/**
 * What the annual report counts: one plain row per representation with its stages, read by a few
 * aggregate queries (app/services/report.server.ts) and counted here without I/O. Coded values
 * are what the records hold: labels of the reference lists, the received-from code, team names.
 */
export interface ReportStage {
  kind: StageKind;
  state: StageState;
  startedOn: IsoDate;
  requestedOn: IsoDate | null;
  respondedOn: IsoDate | null;
  /** A label of the "finding" list. */
  finding: string | null;
  panelOn: IsoDate | null;
  panelReportOn: IsoDate | null;
  /** A label of the "ombudsman-decision" list. */
  ombudsmanDecision: string | null;
  remedyPence: number | null;
  /** The sum of the stage's people's costs (Investigating Officer, Independent Person, panel). */
  costPence: number;
  // Read apart by `outcomeFacts` (app/services/report.server.ts; decision 043), keyed by the stage's id.
  id?: number;
  /** The finding list's code (decision 028); null for a council's own value or none. */
  findingCode?: string | null;
  /** Labels of the "actual-outcome" list recorded at the response. */
  actualOutcomes?: string[];
  /** Each point of complaint's finding code. */
  points?: string[];
  compensation?: { offeredPence: number | null; agreedPence: number | null; paidPence: number | null };
  /** The stage's people's recorded costs by their role ("investigating-officer", "panel-chair", …). */
  costsByRole?: Record<string, number>;
}

export interface EqualityFact {
  ageBand: string | null;
  gender: string | null;
  disability: string | null;
  ethnicGroup: string | null;
}

export interface ReportFact {
  kind: "complaint" | "compliment" | "comment";
  process: "statutory" | "corporate" | "other" | null;
  status: string;
  receivedOn: IsoDate;
  method: string;
  /** The received-from code (or the label of a value that has no code). */
  receivedFrom: string | null;
  nature: string | null;
  team: string | null;
  /** Made by the child or young person themselves (received-from child, young person in care or care leaver). */
  youngPerson: boolean;
  refusalReason: string | null;
  outcomesSought: string[];
  /** Null when the person gave no equality answers. */
  equality: EqualityFact | null;
  /** The equality questions were offered (they follow the public e-form). */
  equalityOffered: boolean;
  imported: boolean;
  stages: ReportStage[];
  // Read apart by `outcomeFacts` (decision 043), keyed by the representation's id.
  id?: number;
  /** The public form sent an "I want an advocate" referral to the advocacy provider. */
  advocacyReferred?: boolean;
}

/** One set of experience answers (decision 031): kept apart from the case, so not on a ReportFact. */
export interface ExperienceFact {
  stageKind: StageKind;
  /** "YYYY-MM", England. */
  month: string;
  easy: string | null;
  listened: string | null;
  again: string | null;
  /** Given by a child or young person; null for answers given before this was kept. */
  youngPerson: boolean | null;
}

/** A learning action (decision 029), counted by the day it was raised. */
export interface LearningFact {
  raisedOn: IsoDate;
  state: string;
  team: string;
  dueOn: IsoDate;
  doneOn: IsoDate | null;
}

/** What the report counts that is not one representation's: read by date, not through the cases in scope. */
export interface ReportExtras {
  experience: ExperienceFact[];
  learning: LearningFact[];
}

/** The reference lists, in the council's order, so every value shows (with 0) as in the seeds. */
export interface ReportLists {
  methods: string[];
  receivedFrom: Array<{ code: string | null; label: string; group: string | null }>;
  natureStatutory: string[];
  natureCorporate: string[];
  refusalStatutory: string[];
  refusalCorporate: string[];
  outcomeSought: string[];
  findings: string[];
  /** The finding list's values that have a code (decision 028), in the council's order. */
  findingCodes?: Array<{ code: string; label: string }>;
  actualOutcome?: string[];
  ombudsmanDecisions: string[];
  teams: string[];
  equality: { ageBand: string[]; gender: string[]; disability: string[]; ethnicGroup: string[] };
}

export interface ReportLimits {
  "statutory-stage1": { standard: number; maximum: number };
  "statutory-stage2": { standard: number; maximum: number };
  "corporate-stage1": { standard: number; maximum: number };
  "corporate-stage2": { standard: number; maximum: number };
  stage3: { panelWithin: number; panelReportWithin: number; councilResponseWithin: number };
}
