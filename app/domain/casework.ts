import type { IsoDate } from "./calendar";
import type { Decision } from "./eligibility";
import type { Process } from "./representation";
import { corporateStage1DueDates, earlyResolutionDueOn, stage1DueDates } from "./timescales";

/** Where a representation is in its process. Stage 2 and 3 come with later work. */
export const stages = ["stage1", "early-resolution", "case-concern", "stage2", "stage3"] as const;
export type Stage = (typeof stages)[number];

export const statuses = ["new", "triaged", "open", "closed", "refused"] as const;
export type Status = (typeof statuses)[number];

export interface DecisionEffect {
  status: Status;
  process: Process | null;
  stage: Stage | null;
  dueOn: IsoDate | null;
  latestOn: IsoDate | null;
}

/**
 * What a decision at triage does to the case. Statutory Stage 1 keeps its clock from the day of
 * receipt (10 working days, 20 at most); the corporate clock runs from the acknowledgement
 * (`decidedOn`); early resolution has about 3 working days; a case concern needs action the same day.
 */
export function decisionEffect(decision: Decision, receivedOn: IsoDate, decidedOn: IsoDate): DecisionEffect {
  switch (decision) {
    case "statutory-stage1": {
      const due = stage1DueDates(receivedOn);
      return { status: "open", process: "statutory", stage: "stage1", dueOn: due.dueOn, latestOn: due.latestOn };
    }
    case "early-resolution": {
      const dueOn = earlyResolutionDueOn(decidedOn);
      return { status: "open", process: "statutory", stage: "early-resolution", dueOn, latestOn: dueOn };
    }
    case "case-concern":
      return { status: "open", process: "statutory", stage: "case-concern", dueOn: decidedOn, latestOn: decidedOn };
    case "corporate": {
      const due = corporateStage1DueDates(receivedOn, decidedOn);
      return { status: "open", process: "corporate", stage: "stage1", dueOn: due.dueOn, latestOn: due.latestOn };
    }
    case "refuse":
      return { status: "refused", process: null, stage: null, dueOn: null, latestOn: null };
  }
}

/**
 * Which cases a member of staff may see. `all`: the complaints team. `team`: team managers see
 * the cases assigned to their teams. `investigator`: Stage 2 cases they are named on.
 */
export type CaseScope = "all" | "team" | "investigator" | "none";

// Keyed by the case role (caseRoleOf in app/domain/permissions.ts); anyone else sees no case.
const SCOPES: Record<string, CaseScope> = {
  "complaints-manager": "all",
  "complaints-officer": "all",
  "team-manager": "team",
  investigator: "investigator",
};

export function caseScopeFor(role: string): CaseScope {
  return SCOPES[role] ?? "none";
}

export interface Viewer {
  id: number;
  role: string;
  teamIds: readonly number[];
}

export interface CaseAccessFacts {
  teamId: number | null;
  investigatorId: number | null;
  stage: string | null;
}

export function maySeeCase(viewer: Viewer, c: CaseAccessFacts): boolean {
  switch (caseScopeFor(viewer.role)) {
    case "all":
      return true;
    case "team":
      return c.teamId !== null && viewer.teamIds.includes(c.teamId);
    case "investigator":
      return c.stage === "stage2" && c.investigatorId === viewer.id;
    case "none":
      return false;
  }
}

/** How the inbox can be sorted. */
export const inboxSorts = ["due", "received-newest", "received-oldest", "reference"] as const;
export type InboxSort = (typeof inboxSorts)[number];

/** How correspondence with the person went in or out. */
export const correspondenceChannels = ["email", "letter", "phone", "in-person", "text-message", "other"] as const;
export type CorrespondenceChannel = (typeof correspondenceChannels)[number];

/** Where a safeguarding concern is referred. */
export const referralBodies = ["mash", "lado"] as const;
export type ReferralBody = (typeof referralBodies)[number];
