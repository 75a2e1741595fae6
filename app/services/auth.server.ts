import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { createCookie, redirect } from "@remix-run/node";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { staffRoles, staffSessions, staffTeamMembers, staffUsers } from "../../db/schema";
import { can, caseRoleOf, isRole, type Permission, type Role } from "../domain/permissions";
import { config } from "./config.server";
import type { Db } from "./db.server";

/** A session ends after 30 minutes without use, and 12 hours after sign-in whatever happens. */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** How far "last seen" may lag behind the last request before it is written again. */
export const LAST_SEEN_STEP_MS = 15 * 1000;
export const SESSION_MAX_MS = 12 * 60 * 60 * 1000;
/** The time allowed between a right password and the second step (a TOTP code). */
export const PENDING_SESSION_MS = 10 * 60 * 1000;

/** Stored instead of a hash until an invited person sets a password: it never verifies. */
export const NO_PASSWORD = "!invited";

export const staffSessionCookie = createCookie("speakup_staff", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: config().production,
});

/** argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

// Verifying against this when the account does not exist makes a wrong email take as long as a
// wrong password, so timing does not reveal who has an account.
let decoyHash: Promise<string> | undefined;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function authenticate(db: Db, email: string, password: string) {
  const user = db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.email, normaliseEmail(email)), isNull(staffUsers.disabledAt), isNotNull(staffUsers.passwordSetAt)))
    .get();
  if (!user) {
    decoyHash ??= hash(randomBytes(16).toString("hex"));
    await verify(await decoyHash, password).catch(() => false);
    return null;
  }
  const ok = await verify(user.passwordHash, password).catch(() => false);
  return ok ? user : null;
}

/**
 * A new session with a new random id. Signing in always makes a new one (never reusing an id the
 * browser brought), so a session id planted before sign-in is worthless.
 */
export function createSession(db: Db, staffUserId: number, now = new Date(), pending: "totp" | "totp-enrol" | null = null): string {
  const id = randomBytes(32).toString("base64url");
  const lifetime = pending ? PENDING_SESSION_MS : SESSION_MAX_MS;
  db.insert(staffSessions)
    .values({ id, staffUserId, createdAt: now, lastSeenAt: now, expiresAt: new Date(now.getTime() + lifetime), pending })
    .run();
  return id;
}

export interface StaffMember {
  id: number;
  name: string;
  email: string;
  /** The role that decides which cases they see (see caseRoleOf); `roles` has every role. */
  role: string;
  roles: Role[];
  sessionId: string;
}

export function rolesOf(db: Db, staffUserId: number): Role[] {
  return db
    .select({ role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.staffUserId, staffUserId))
    .all()
    .map((r) => r.role)
    .filter(isRole);
}

/** The teams a member of staff belongs to: a team manager acts only on their teams' cases. */
export function staffTeamIds(db: Db, staffUserId: number): number[] {
  return db
    .select({ teamId: staffTeamMembers.teamId })
    .from(staffTeamMembers)
    .where(eq(staffTeamMembers.staffUserId, staffUserId))
    .all()
    .map((r) => r.teamId);
}

async function sessionIdFrom(request: Request): Promise<string | null> {
  const value: unknown = await staffSessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value !== "" ? value : null;
}

function liveSession(db: Db, sessionId: string, now: Date) {
  const row = db
    .select({ session: staffSessions, user: staffUsers })
    .from(staffSessions)
    .innerJoin(staffUsers, eq(staffUsers.id, staffSessions.staffUserId))
    .where(eq(staffSessions.id, sessionId))
    .get();
  if (!row) return null;
  const expired =
    row.session.expiresAt.getTime() <= now.getTime() ||
    now.getTime() - row.session.lastSeenAt.getTime() > SESSION_IDLE_MS ||
    row.user.disabledAt !== null;
  if (expired) {
    db.delete(staffSessions).where(eq(staffSessions.id, sessionId)).run();
    return null;
  }
  return row;
}

/** The signed-in member of staff, or null. A session still waiting for its second step is not signed in. */
export async function getStaff(db: Db, request: Request, now = new Date()): Promise<StaffMember | null> {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const row = liveSession(db, sessionId, now);
  if (!row || row.session.pending !== null) return null;
  // A page asks twice (the staff layout's loader and the page's): writing "last seen" at most
  // every LAST_SEEN_STEP_MS spares a write per page, and moves the 30-minute idle end by seconds
  // at most, earlier, never later (decision 055).
  if (now.getTime() - row.session.lastSeenAt.getTime() >= LAST_SEEN_STEP_MS) {
    db.update(staffSessions).set({ lastSeenAt: now }).where(eq(staffSessions.id, sessionId)).run();
  }
  const held = rolesOf(db, row.user.id);
  return { id: row.user.id, name: row.user.name, email: row.user.email, role: caseRoleOf(held), roles: held, sessionId };
}

/** A session whose password step is done and whose second step is outstanding. */
export async function getPendingSession(db: Db, request: Request, now = new Date()) {
  const sessionId = await sessionIdFrom(request);
  if (!sessionId) return null;
  const row = liveSession(db, sessionId, now);
  if (!row || row.session.pending === null) return null;
  return { sessionId, pending: row.session.pending, user: row.user };
}

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/**
 * Sends a signed-out visitor to sign in, and back here afterwards. A signed-in person without the
 * permission gets 404, not 403: they should not learn that something they may not see exists.
 */
export async function requireStaff(db: Db, request: Request, permission: Permission): Promise<StaffMember> {
  const staff = await getStaff(db, request);
  if (!staff) {
    const url = new URL(request.url);
    const redirectTo = url.pathname + url.search;
    throw redirect(`/staff/sign-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  }
  if (!can(staff.roles, permission)) throw notFound();
  return staff;
}

export function endSession(db: Db, sessionId: string) {
  db.delete(staffSessions).where(eq(staffSessions.id, sessionId)).run();
}

/** Ends every session of this person, on every device. Returns how many there were. */
export function endAllSessions(db: Db, staffUserId: number): number {
  return db.delete(staffSessions).where(eq(staffSessions.staffUserId, staffUserId)).run().changes;
}

/** Only paths inside the back office, so a crafted link cannot send staff elsewhere. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/staff"): string {
  if (typeof to !== "string" || !to.startsWith("/staff") || to.startsWith("//") || to.includes("\\")) return fallback;
  return to;
}

export async function sessionCookie(sessionId: string): Promise<string> {
  return staffSessionCookie.serialize(sessionId);
}

export async function clearedSessionCookie(): Promise<string> {
  return staffSessionCookie.serialize("", { maxAge: 0 });
}
