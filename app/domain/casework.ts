import { can, type Permission } from "./permissions";
import { isUndecidedStatus } from "./stages";

export const statuses = ["new", "triaged", "open", "closed", "refused"] as const;
export type Status = (typeof statuses)[number];

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
  /** The kind of the case's current stage (app/domain/stages.ts), if it has entered one. */
  stageKind: string | null;
  /** Staff named as Investigating Officer on that current stage. */
  investigatorIds: readonly number[];
}

export function maySeeCase(viewer: Viewer, c: CaseAccessFacts): boolean {
  switch (caseScopeFor(viewer.role)) {
    case "all":
      return true;
    case "team":
      return c.teamId !== null && viewer.teamIds.includes(c.teamId);
    case "investigator":
      return c.stageKind === "statutory-stage2" && c.investigatorIds.includes(viewer.id);
    case "none":
      return false;
  }
}

/** A page about a case, and the permission it needs (app/domain/permissions.ts). */
export interface CaseLink {
  to: "triage" | "coding" | "decision" | "assign" | "correspondence" | "safeguarding" | "restrictions" | "compliment" | "close";
  permission: Permission;
}

/**
 * The case pages to offer this person: only those their permissions open (each page's loader
 * checks the same permission, so nothing offered answers "Page not found") and that fit the case
 * now. Stage moves (respond, extend, escalate) come from the transition table (app/domain/stages.ts).
 */
export function caseLinks(held: readonly string[], c: { kind: string; status: string; complimentMayBeShared: boolean }): CaseLink[] {
  const undecided = isUndecidedStatus(c.status);
  const links: CaseLink[] = [
    { to: "triage", permission: "cases.triage" },
    { to: "coding", permission: "cases.triage" },
    ...(undecided && c.kind === "complaint" ? [{ to: "decision", permission: "cases.triage" } as const] : []),
    { to: "assign", permission: "cases.assign" },
    { to: "correspondence", permission: "cases.view" },
    { to: "safeguarding", permission: "cases.view" },
    { to: "restrictions", permission: "cases.triage" },
    ...(c.kind === "compliment" && c.complimentMayBeShared && c.status !== "closed" ? [{ to: "compliment", permission: "cases.triage" } as const] : []),
    // A compliment or comment ends when closed (a shareable compliment also by being passed on).
    ...(c.kind !== "complaint" && c.status !== "closed" ? [{ to: "close", permission: "cases.triage" } as const] : []),
  ];
  return links.filter((l) => can(held, l.permission));
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
