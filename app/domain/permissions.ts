/**
 * Permissions are string keys grouped by area; a role is a set of them (as FixMyStreet does).
 * Every loader and action asks for the permission it needs, and the staff menu is built from
 * the same map, so a person sees only what they may use.
 */
export const permissions = {
  /** Which cases a person sees is a separate question: see caseRoleOf and app/domain/casework.ts. */
  cases: ["cases.view", "cases.create", "cases.triage", "cases.assign", "cases.respond"],
  /**
   * The learning register (decision record 029): raising, updating and reading learning actions.
   * A team manager sees their teams' actions only (scoped in app/services/learning.server.ts).
   */
  learning: ["learning.manage"],
  audit: ["audit.view"],
  /**
   * UK GDPR subject access: export everything held about a person, across every case, including
   * their equality answers (which no other staff page shows). See decision 014.
   */
  subjectAccess: ["subject-access.export"],
  /**
   * The statutory annual report (decision 032): counts only, small numbers suppressed, no case
   * content; and the import of historic records from a previous case system (decision 033).
   */
  report: ["report.view", "report.import"],
  admin: ["admin.users", "admin.settings"],
  account: ["account.manage"],
} as const;

export type Permission = (typeof permissions)[keyof typeof permissions][number];
export const allPermissions: readonly Permission[] = Object.values(permissions).flat();

export const roles = {
  /** The complaints team: logs, triages and assigns every case. */
  "complaints-officer": ["cases.view", "cases.create", "cases.triage", "cases.assign", "cases.respond", "learning.manage", "account.manage"],
  /** Runs the complaints team; may also read the audit trail and answer subject access requests. */
  "complaints-manager": ["cases.view", "cases.create", "cases.triage", "cases.assign", "cases.respond", "learning.manage", "audit.view", "subject-access.export", "report.view", "account.manage"],
  /** The responding manager: only cases assigned to their teams (scoped by caseRoleOf). */
  "team-manager": ["cases.view", "cases.respond", "learning.manage", "account.manage"],
  /** Independent investigator or independent person: only Stage 2 cases they are named on. */
  investigator: ["cases.view", "cases.respond", "account.manage"],
  /**
   * Users and settings, and the audit trail; no case content unless also given a case role (so
   * no subject access exports either: they are all case content).
   */
  administrator: ["admin.users", "admin.settings", "audit.view", "report.view", "report.import", "account.manage"],
} as const satisfies Record<string, readonly Permission[]>;

export type Role = keyof typeof roles;
export const allRoles = Object.keys(roles) as Role[];

/**
 * Roles that decide which cases a person sees. A person holds at most one of them: their scopes
 * cannot be sensibly combined, and an independent investigator must not also manage a service.
 * Widest scope first.
 */
export const caseRoles = ["complaints-manager", "complaints-officer", "team-manager", "investigator"] as const satisfies readonly Role[];
export type CaseRole = (typeof caseRoles)[number];

export function isRole(value: string): value is Role {
  return Object.hasOwn(roles, value);
}

function roleList(held: string | readonly string[]): Role[] {
  return (typeof held === "string" ? [held] : held).filter(isRole);
}

/** True when any of the roles held grants the permission. */
export function can(held: string | readonly string[], permission: Permission): boolean {
  return roleList(held).some((role) => (roles[role] as readonly Permission[]).includes(permission));
}

export function permissionsOf(held: readonly string[]): Permission[] {
  return allPermissions.filter((p) => can(held, p));
}

/**
 * The one role that decides which cases a person sees (the first case role they hold), or
 * "administrator" for someone with no case role (who then has no "cases.view" either).
 */
export function caseRoleOf(held: readonly string[]): CaseRole | "administrator" {
  return caseRoles.find((r) => held.includes(r)) ?? "administrator";
}

export type RoleSetProblem = "none" | "unknown" | "several-case-roles";

/** Checks a set of roles an administrator chose: at least one, all known, one case role at most. */
export function checkRoleSet(held: readonly string[]): RoleSetProblem | null {
  if (held.length === 0) return "none";
  if (!held.every(isRole)) return "unknown";
  if (held.filter((r) => (caseRoles as readonly string[]).includes(r)).length > 1) return "several-case-roles";
  return null;
}

/** The back office menu: each entry shows only to those who may use it. Labels are staff:nav.* keys. */
export const staffMenu = [
  { key: "inbox", href: "/staff", permission: "cases.view" },
  // Deadlines: the same cases as the inbox (scoped the same way), by when they are due.
  { key: "deadlines", href: "/staff/deadlines", permission: "cases.view" },
  { key: "learning", href: "/staff/learning", permission: "learning.manage" },
  { key: "users", href: "/staff/admin/users", permission: "admin.users" },
  { key: "teams", href: "/staff/admin/teams", permission: "admin.settings" },
  { key: "settings", href: "/staff/admin/settings", permission: "admin.settings" },
  { key: "lists", href: "/staff/admin/lists", permission: "admin.settings" },
  { key: "timescales", href: "/staff/admin/timescales", permission: "admin.settings" },
  { key: "retention", href: "/staff/admin/retention", permission: "admin.settings" },
  { key: "audit", href: "/staff/admin/audit", permission: "audit.view" },
  { key: "subjectAccess", href: "/staff/subject-access", permission: "subject-access.export" },
  { key: "dashboard", href: "/staff/dashboard", permission: "report.view" },
  { key: "report", href: "/staff/report", permission: "report.view" },
  { key: "import", href: "/staff/admin/import", permission: "report.import" },
  { key: "account", href: "/staff/account", permission: "account.manage" },
] as const satisfies ReadonlyArray<{ key: string; href: string; permission: Permission }>;

export type MenuEntry = (typeof staffMenu)[number];

export function menuFor(held: readonly string[]): MenuEntry[] {
  return staffMenu.filter((entry) => can(held, entry.permission));
}

/** Where to go after signing in: the first menu entry this person may use. */
export function homeFor(held: readonly string[]): string {
  return menuFor(held)[0]?.href ?? "/staff/account";
}
