import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { signInThrottle, staffSessions, staffUsers } from "../../db/schema";
import { audit } from "./audit.server";
import { authenticate, createSession, normaliseEmail } from "./auth.server";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { checkCode, totpRequired } from "./totp.server";

/**
 * Lockout with a growing delay. An account (any email address typed, whether or not it has an
 * account, so a lockout reveals nothing) locks after 5 failures in a row; a client address after
 * 50. The first lock lasts a minute and each further failure doubles it, up to an hour. Failures
 * are forgotten an hour after the last one; a successful sign-in clears the account's count.
 */
export const THROTTLE = {
  accountThreshold: 5,
  addressThreshold: 50,
  firstLockMs: 60 * 1000,
  maxLockMs: 60 * 60 * 1000,
  forgetAfterMs: 60 * 60 * 1000,
};

export function throttleKey(kind: "account" | "address", value: string): string {
  const v = kind === "account" ? normaliseEmail(value) : value;
  return createHash("sha256").update(`${kind}:${v}`).digest("base64url");
}

/** Until when these keys are locked (the latest of them), or null. */
export function lockedUntil(db: Db, keys: string[], now: Date): Date | null {
  const rows = db.select().from(signInThrottle).where(inArray(signInThrottle.key, keys)).all();
  const until = rows.map((r) => r.lockedUntil?.getTime() ?? 0).filter((t) => t > now.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

export function lockDurationMs(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(THROTTLE.maxLockMs, THROTTLE.firstLockMs * 2 ** (failures - threshold));
}

/** Counts a failure; returns until when the key is now locked, if it is. */
export function recordFailure(db: Db, key: string, threshold: number, now: Date): Date | null {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  const stillCounting = row && ((row.lockedUntil?.getTime() ?? 0) > now.getTime() || now.getTime() - row.lastFailureAt.getTime() < THROTTLE.forgetAfterMs);
  const failures = stillCounting ? row.failures + 1 : 1;
  const lockMs = lockDurationMs(failures, threshold);
  const locked = lockMs ? new Date(now.getTime() + lockMs) : null;
  db.insert(signInThrottle)
    .values({ key, failures, lockedUntil: locked, lastFailureAt: now })
    .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, lockedUntil: locked, lastFailureAt: now } })
    .run();
  return locked;
}

export function clearFailures(db: Db, key: string) {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

export type SignInResult =
  | { outcome: "locked"; until: Date }
  | { outcome: "invalid" }
  | { outcome: "signed-in"; sessionId: string; staffUserId: number }
  | { outcome: "totp" | "totp-enrol"; sessionId: string; staffUserId: number };

interface SignInInput {
  email: string;
  password: string;
  clientAddress: string;
  /** The session id the browser brought, if any: it is ended, never reused. */
  previousSessionId?: string | null;
  now?: Date;
  demoMode?: boolean;
}

function userIdByEmail(db: Db, email: string): number | null {
  return db.select({ id: staffUsers.id }).from(staffUsers).where(eq(staffUsers.email, normaliseEmail(email))).get()?.id ?? null;
}

/** The password step. Every outcome for a real account is written to the audit trail. */
export async function signIn(db: Db, input: SignInInput): Promise<SignInResult> {
  const now = input.now ?? new Date();
  const accountKey = throttleKey("account", input.email);
  const addressKey = throttleKey("address", input.clientAddress);
  const locked = lockedUntil(db, [accountKey, addressKey], now);
  if (locked) {
    const id = userIdByEmail(db, input.email);
    if (id !== null) audit(db, { staffUserId: id, action: "staff.sign-in-refused-locked", entity: "staff_user", entityId: id, at: now });
    return { outcome: "locked", until: locked };
  }

  const user = await authenticate(db, input.email, input.password);
  if (!user) {
    return db.transaction((tx) => {
      const accountLock = recordFailure(tx, accountKey, THROTTLE.accountThreshold, now);
      const addressLock = recordFailure(tx, addressKey, THROTTLE.addressThreshold, now);
      const id = userIdByEmail(tx, input.email);
      if (id !== null) {
        audit(tx, { staffUserId: id, action: "staff.sign-in-failed", entity: "staff_user", entityId: id, at: now, details: { locked: Boolean(accountLock) } });
      }
      const until = [accountLock, addressLock].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
      return until ? { outcome: "locked", until } : { outcome: "invalid" };
    });
  }

  return db.transaction((tx) => {
    clearFailures(tx, accountKey);
    if (input.previousSessionId) tx.delete(staffSessions).where(eq(staffSessions.id, input.previousSessionId)).run();
    const demoMode = input.demoMode ?? config().demoMode;
    if (user.totpEnabledAt !== null || totpRequired(user, demoMode)) {
      const pending = user.totpEnabledAt !== null ? "totp" : "totp-enrol";
      audit(tx, { staffUserId: user.id, action: "staff.password-accepted", entity: "staff_user", entityId: user.id, at: now, details: { next: pending } });
      return { outcome: pending, sessionId: createSession(tx, user.id, now, pending), staffUserId: user.id };
    }
    audit(tx, { staffUserId: user.id, action: "staff.signed-in", entity: "staff_user", entityId: user.id, at: now });
    return { outcome: "signed-in", sessionId: createSession(tx, user.id, now), staffUserId: user.id };
  });
}

/**
 * The second step: a code from the authenticator app. A right code ends the pending session and
 * starts a new one (a new id again). Wrong codes count towards the account's lockout.
 */
export function completeTotpSignIn(
  db: Db,
  input: { pendingSessionId: string; staffUserId: number; code: string; clientAddress: string; now?: Date },
): SignInResult {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    const user = tx.select().from(staffUsers).where(eq(staffUsers.id, input.staffUserId)).get();
    if (!user?.totpSecret || user.totpEnabledAt === null) return { outcome: "invalid" } as const;
    const accountKey = throttleKey("account", user.email);
    const addressKey = throttleKey("address", input.clientAddress);
    const locked = lockedUntil(tx, [accountKey, addressKey], now);
    if (locked) {
      // Locked out part-way: start again from the password.
      tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
      audit(tx, { staffUserId: user.id, action: "staff.sign-in-refused-locked", entity: "staff_user", entityId: user.id, at: now });
      return { outcome: "locked", until: locked } as const;
    }
    const step = checkCode(user.totpSecret, input.code, user.totpLastStep, now);
    if (step === null) {
      const accountLock = recordFailure(tx, accountKey, THROTTLE.accountThreshold, now);
      recordFailure(tx, addressKey, THROTTLE.addressThreshold, now);
      audit(tx, { staffUserId: user.id, action: "staff.totp-failed", entity: "staff_user", entityId: user.id, at: now, details: { locked: Boolean(accountLock) } });
      if (accountLock) {
        tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
        return { outcome: "locked", until: accountLock } as const;
      }
      return { outcome: "invalid" } as const;
    }
    tx.update(staffUsers).set({ totpLastStep: step }).where(eq(staffUsers.id, user.id)).run();
    clearFailures(tx, accountKey);
    tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
    audit(tx, { staffUserId: user.id, action: "staff.signed-in", entity: "staff_user", entityId: user.id, at: now, details: { secondFactor: "totp" } });
    return { outcome: "signed-in", sessionId: createSession(tx, user.id, now), staffUserId: user.id } as const;
  });
}

/** After enrolling during sign-in: the pending session becomes a full one, with a new id. */
export function finishEnrolmentSignIn(db: Db, input: { pendingSessionId: string; staffUserId: number; now?: Date }): string {
  const now = input.now ?? new Date();
  return db.transaction((tx) => {
    tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
    audit(tx, { staffUserId: input.staffUserId, action: "staff.signed-in", entity: "staff_user", entityId: input.staffUserId, at: now, details: { secondFactor: "totp-enrolled" } });
    return createSession(tx, input.staffUserId, now);
  });
}

/** Signs out this session, writing the audit row with it. */
export function signOut(db: Db, staffUserId: number, sessionId: string, now = new Date()) {
  db.transaction((tx) => {
    tx.delete(staffSessions).where(eq(staffSessions.id, sessionId)).run();
    audit(tx, { staffUserId, action: "staff.signed-out", entity: "staff_user", entityId: staffUserId, at: now });
  });
}

/** "Sign out everywhere": ends every session of this person, this one included. */
export function signOutEverywhere(db: Db, staffUserId: number, byStaffUserId: number, now = new Date()): number {
  return db.transaction((tx) => {
    const ended = tx.delete(staffSessions).where(eq(staffSessions.staffUserId, staffUserId)).run().changes;
    audit(tx, { staffUserId: byStaffUserId, action: "staff.signed-out-everywhere", entity: "staff_user", entityId: staffUserId, at: now, details: { sessions: ended } });
    return ended;
  });
}
