import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import { outbox, staffRoles, staffSessions, staffTeamMembers, staffTokens, staffUsers, teams } from "../../db/schema";
import { invitationEmail, passwordResetEmail } from "../../emails/staff-account";
import { caseRoleOf, isRole, type Role } from "../domain/permissions";
import { fixedT } from "../i18n/i18n";
import { audit } from "./audit.server";
import { hashPassword, NO_PASSWORD, normaliseEmail, rolesOf, staffTeamIds } from "./auth.server";
import type { Db } from "./db.server";
import { passwordWeakness, personalWords } from "./password-strength.server";
import { getSettings } from "./settings.server";
import { clearFailures, throttleKey } from "./sign-in.server";

export const INVITATION_DAYS = 7;
export const RESET_MINUTES = 60;
const DAY = 24 * 60 * 60 * 1000;

export type TokenPurpose = "invitation" | "password-reset";
type Purpose = TokenPurpose;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}

/** A new one-time token; any earlier unused token of the same purpose stops working. */
function issueToken(db: Db, staffUserId: number, purpose: Purpose, now: Date): string {
  const token = randomBytes(32).toString("base64url");
  const lifetime = purpose === "invitation" ? INVITATION_DAYS * DAY : RESET_MINUTES * 60 * 1000;
  db.update(staffTokens)
    .set({ expiresAt: now })
    .where(and(eq(staffTokens.staffUserId, staffUserId), eq(staffTokens.purpose, purpose), isNull(staffTokens.usedAt), gt(staffTokens.expiresAt, now)))
    .run();
  db.insert(staffTokens)
    .values({ staffUserId, purpose, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + lifetime), createdAt: now })
    .run();
  return token;
}

function queueMail(db: Db, m: { template: string; to: string; subject: string; text: string; html: string; now: Date }) {
  db.insert(outbox)
    .values({ template: m.template, toAddress: m.to, subject: m.subject, textBody: m.text, htmlBody: m.html, nextAttemptAt: m.now, createdAt: m.now })
    .run();
}

function sendInvitation(db: Db, user: { id: number; name: string; email: string }, publicUrl: string, now: Date): string {
  const token = issueToken(db, user.id, "invitation", now);
  const link = `${publicUrl}/staff/invitation/${token}`;
  const mail = invitationEmail(fixedT("en", "staff"), { name: user.name, councilName: getSettings(db).councilName, link, expiresInDays: INVITATION_DAYS });
  queueMail(db, { template: "staff-invitation", to: user.email, ...mail, now });
  return link;
}

export interface AccountSummary {
  id: number;
  name: string;
  email: string;
  roles: Role[];
  teams: Array<{ id: number; name: string }>;
  totpEnabled: boolean;
  totpRequired: boolean | null;
  status: "invited" | "active" | "disabled";
}

function teamsOf(db: Db, staffUserId: number) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(staffTeamMembers)
    .innerJoin(teams, eq(teams.id, staffTeamMembers.teamId))
    .where(eq(staffTeamMembers.staffUserId, staffUserId))
    .orderBy(asc(teams.sortOrder), asc(teams.name))
    .all();
}

function summarise(db: Db, user: typeof staffUsers.$inferSelect): AccountSummary {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    roles: rolesOf(db, user.id),
    teams: teamsOf(db, user.id),
    totpEnabled: user.totpEnabledAt !== null,
    totpRequired: user.totpRequired,
    status: user.disabledAt ? "disabled" : user.passwordSetAt ? "active" : "invited",
  };
}

export function accountSummary(db: Db, staffUserId: number): AccountSummary | null {
  const user = db.select().from(staffUsers).where(eq(staffUsers.id, staffUserId)).get();
  return user ? summarise(db, user) : null;
}

export function listStaff(db: Db): AccountSummary[] {
  return db
    .select()
    .from(staffUsers)
    .orderBy(asc(staffUsers.name))
    .all()
    .map((u) => summarise(db, u));
}

/** What an administrator sets on an account. */
export interface StaffChoices {
  name: string;
  roles: string[];
  teamIds: number[];
  totpRequired: boolean | null;
}

function existingTeamIds(db: Db, ids: number[]): number[] {
  if (ids.length === 0) return [];
  return db.select({ id: teams.id }).from(teams).where(inArray(teams.id, ids)).all().map((t) => t.id).sort((a, b) => a - b);
}

function writeRolesAndTeams(db: Db, staffUserId: number, roles: Role[], teamIds: number[]) {
  db.delete(staffRoles).where(eq(staffRoles.staffUserId, staffUserId)).run();
  for (const role of roles) db.insert(staffRoles).values({ staffUserId, role }).run();
  db.delete(staffTeamMembers).where(eq(staffTeamMembers.staffUserId, staffUserId)).run();
  for (const teamId of teamIds) db.insert(staffTeamMembers).values({ staffUserId, teamId }).run();
}

/**
 * Creates an account and emails a one-time link to set its password, in one transaction with its
 * audit row. An address already in use is refused.
 */
export function inviteStaff(
  db: Db,
  input: StaffChoices & { actorId: number | null; email: string; publicUrl: string; now?: Date },
): { outcome: "invited"; id: number; link: string } | { outcome: "exists" } {
  const now = input.now ?? new Date();
  const email = normaliseEmail(input.email);
  const roles = input.roles.filter(isRole);
  return db.transaction((tx) => {
    if (tx.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, email)).get()) return { outcome: "exists" } as const;
    const teamIds = existingTeamIds(tx, input.teamIds);
    const user = tx
      .insert(staffUsers)
      .values({ email, name: input.name, role: caseRoleOf(roles), passwordHash: NO_PASSWORD, totpRequired: input.totpRequired, createdAt: now })
      .returning()
      .get();
    writeRolesAndTeams(tx, user.id, roles, teamIds);
    const link = sendInvitation(tx, user, input.publicUrl, now);
    audit(tx, {
      staffUserId: input.actorId,
      action: "staff.invited",
      entity: "staff_user",
      entityId: user.id,
      at: now,
      details: { after: { email, name: input.name, roles, teamIds, totpRequired: input.totpRequired } },
    });
    return { outcome: "invited", id: user.id, link } as const;
  });
}

function activeAdministrators(db: Db): number[] {
  return db
    .select({ id: staffUsers.id })
    .from(staffRoles)
    .innerJoin(staffUsers, eq(staffUsers.id, staffRoles.staffUserId))
    .where(and(eq(staffRoles.role, "administrator"), isNull(staffUsers.disabledAt)))
    .all()
    .map((r) => r.id);
}

export type UpdateResult = { outcome: "updated" } | { outcome: "not-found" } | { outcome: "last-administrator" };

/** Changes name, roles, teams and the TOTP rule, writing before and after to the audit trail. */
export function updateStaff(db: Db, input: StaffChoices & { actorId: number; id: number; now?: Date }): UpdateResult {
  const now = input.now ?? new Date();
  const roles = input.roles.filter(isRole);
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, input.id)).get();
    if (!user) return { outcome: "not-found" } as const;
    const beforeRoles = rolesOf(tx, user.id);
    const admins = activeAdministrators(tx);
    if (admins.includes(user.id) && !roles.includes("administrator") && admins.length === 1) return { outcome: "last-administrator" } as const;
    const before = { name: user.name, roles: beforeRoles, teamIds: staffTeamIds(tx, user.id).sort((a, b) => a - b), totpRequired: user.totpRequired };
    const teamIds = existingTeamIds(tx, input.teamIds);
    tx.update(staffUsers).set({ name: input.name, role: caseRoleOf(roles), totpRequired: input.totpRequired }).where(eq(staffUsers.id, user.id)).run();
    writeRolesAndTeams(tx, user.id, roles, teamIds);
    const after = { name: input.name, roles, teamIds, totpRequired: input.totpRequired };
    audit(tx, { staffUserId: input.actorId, action: "staff.updated", entity: "staff_user", entityId: user.id, at: now, details: { before, after } });
    return { outcome: "updated" } as const;
  });
}

/** Disabling ends every session at once; an administrator cannot disable themselves or the last administrator. */
export function setDisabled(
  db: Db,
  input: { actorId: number; id: number; disabled: boolean; now?: Date },
): { outcome: "done" } | { outcome: "not-found" } | { outcome: "self" } | { outcome: "last-administrator" } {
  const now = input.now ?? new Date();
  if (input.disabled && input.actorId === input.id) return { outcome: "self" };
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, input.id)).get();
    if (!user) return { outcome: "not-found" } as const;
    const admins = activeAdministrators(tx);
    if (input.disabled && admins.length === 1 && admins[0] === user.id) return { outcome: "last-administrator" } as const;
    tx.update(staffUsers).set({ disabledAt: input.disabled ? now : null }).where(eq(staffUsers.id, user.id)).run();
    if (input.disabled) tx.delete(staffSessions).where(eq(staffSessions.staffUserId, user.id)).run();
    audit(tx, {
      staffUserId: input.actorId,
      action: input.disabled ? "staff.disabled" : "staff.enabled",
      entity: "staff_user",
      entityId: user.id,
      at: now,
      details: { before: { disabled: user.disabledAt !== null }, after: { disabled: input.disabled } },
    });
    return { outcome: "done" } as const;
  });
}

/** A new invitation link for someone who has not set a password yet; the old link stops working. */
export function resendInvitation(db: Db, input: { actorId: number; id: number; publicUrl: string; now?: Date }): boolean {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, input.id)).get();
    if (!user || user.passwordSetAt !== null || user.disabledAt !== null) return false;
    sendInvitation(tx, user, input.publicUrl, now);
    audit(tx, { staffUserId: input.actorId, action: "staff.invitation-resent", entity: "staff_user", entityId: user.id, at: now });
    return true;
  });
}

/** The account a one-time link belongs to, if the link is unused, unexpired and the account enabled. */
export function findToken(db: Db, token: string, purpose: Purpose, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const row = db
    .select({ tokenId: staffTokens.id, user: staffUsers })
    .from(staffTokens)
    .innerJoin(staffUsers, eq(staffUsers.id, staffTokens.staffUserId))
    .where(and(eq(staffTokens.tokenHash, hashToken(token)), eq(staffTokens.purpose, purpose), isNull(staffTokens.usedAt), gt(staffTokens.expiresAt, now)))
    .get();
  if (!row || row.user.disabledAt !== null) return null;
  return { tokenId: row.tokenId, staffUserId: row.user.id, name: row.user.name, email: row.user.email };
}

export type SetPasswordResult = { outcome: "set" } | { outcome: "unusable" } | { outcome: "weak"; reason: string };

/**
 * Sets the password from an invitation or reset link, once. A password that is easy to guess
 * (common, a keyboard pattern, the person's own name or address…) is refused with the reason
 * (an i18next key) and the link keeps working. Every session of the account ends (a reset is
 * often because someone else may know the old password), lockouts are cleared.
 */
export async function setPasswordWithToken(db: Db, input: { token: string; purpose: Purpose; password: string; now?: Date }): Promise<SetPasswordResult> {
  const now = input.now ?? new Date();
  const account = findToken(db, input.token, input.purpose, now);
  if (!account) return { outcome: "unusable" };
  const reason = passwordWeakness(input.password, personalWords({ name: account.name, email: account.email, councilName: getSettings(db).councilName }));
  if (reason) return { outcome: "weak", reason };
  const passwordHash = await hashPassword(input.password);
  const done = db.transaction((tx) => {
    // Checked again inside the transaction: two tabs cannot both use one link.
    const found = findToken(tx, input.token, input.purpose, now);
    if (!found) return false;
    tx.update(staffTokens).set({ usedAt: now }).where(eq(staffTokens.id, found.tokenId)).run();
    tx.update(staffTokens)
      .set({ expiresAt: now })
      .where(and(eq(staffTokens.staffUserId, found.staffUserId), isNull(staffTokens.usedAt), gt(staffTokens.expiresAt, now)))
      .run();
    tx.update(staffUsers).set({ passwordHash, passwordSetAt: now }).where(eq(staffUsers.id, found.staffUserId)).run();
    tx.delete(staffSessions).where(eq(staffSessions.staffUserId, found.staffUserId)).run();
    clearFailures(tx, throttleKey("account", found.email));
    audit(tx, {
      staffUserId: found.staffUserId,
      action: input.purpose === "invitation" ? "staff.invitation-accepted" : "staff.password-reset",
      entity: "staff_user",
      entityId: found.staffUserId,
      at: now,
    });
    return true;
  });
  return done ? { outcome: "set" } : { outcome: "unusable" };
}

/**
 * Emails a reset link if an enabled account with a password has this address. The caller shows
 * the same answer whatever happens, so nobody learns who has an account.
 */
export function requestPasswordReset(db: Db, input: { email: string; publicUrl: string; now?: Date }): void {
  const now = input.now ?? new Date();
  db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.email, normaliseEmail(input.email))).get();
    if (!user || user.disabledAt !== null || user.passwordSetAt === null) return;
    const token = issueToken(tx, user.id, "password-reset", now);
    const mail = passwordResetEmail(fixedT("en", "staff"), {
      councilName: getSettings(tx).councilName,
      link: `${input.publicUrl}/staff/password-reset/${token}`,
      expiresInMinutes: RESET_MINUTES,
    });
    queueMail(tx, { template: "staff-password-reset", to: user.email, ...mail, now });
    audit(tx, { staffUserId: null, action: "staff.password-reset-requested", entity: "staff_user", entityId: user.id, at: now });
  });
}
