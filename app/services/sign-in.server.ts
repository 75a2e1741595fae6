import { createHash } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { signInThrottle, staffSessions, staffUsers } from "../../db/schema";
import { audit } from "./audit.server";
import { authenticate, createSession, normaliseEmail } from "./auth.server";
import { config } from "./config.server";
import type { Db } from "./db.server";
import { normaliseRecoveryCode } from "../domain/recovery-codes";
import { checkCode, readSecret, recoveryCodesLeft, startEnrolment, totpRequired, useRecoveryCode } from "./totp.server";

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

interface Counted {
  key: string;
  threshold: number;
  /** The lock this attempt itself set (reaching the limit), and the one before it. */
  setLock: Date | null;
  previousLock: Date | null;
}

export type Reservation = { ok: true; counted: Counted[] } | { ok: false; until: Date };

/**
 * Counts an attempt as a failure BEFORE the password or code is checked, in one synchronous
 * transaction: refused if any key is locked, and the attempt that reaches a limit sets the lock
 * itself. Checking a password is asynchronous (argon2), so counting only after it would let a
 * burst of parallel requests all pass the check before the first failure is written. A right
 * answer gives its attempt back (`releaseAttempt`).
 */
export function reserveAttempt(db: Db, keys: Array<{ key: string; threshold: number }>, now: Date): Reservation {
  return db.transaction((tx) => {
    const locked = lockedUntil(tx, keys.map((k) => k.key), now);
    if (locked) return { ok: false, until: locked } as const;
    const counted = keys.map(({ key, threshold }) => {
      const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
      const stillCounting = row && now.getTime() - row.lastFailureAt.getTime() < THROTTLE.forgetAfterMs;
      const failures = stillCounting ? row.failures + 1 : 1;
      const lockMs = lockDurationMs(failures, threshold);
      const setLock = lockMs ? new Date(now.getTime() + lockMs) : null;
      const lock = setLock ?? (stillCounting ? row.lockedUntil : null);
      tx.insert(signInThrottle)
        .values({ key, failures, lockedUntil: lock, lastFailureAt: now })
        .onConflictDoUpdate({ target: signInThrottle.key, set: { failures, lockedUntil: lock, lastFailureAt: now } })
        .run();
      return { key, threshold, setLock, previousLock: row?.lockedUntil ?? null };
    });
    return { ok: true, counted } as const;
  });
}

/** The latest lock a failed attempt left in place, if any. */
export function lockAfterFailure(reservation: { counted: Counted[] }): Date | null {
  const until = reservation.counted.map((c) => c.setLock).filter((d): d is Date => d !== null);
  return until.length ? new Date(Math.max(...until.map((d) => d.getTime()))) : null;
}

/**
 * Gives back an attempt that turned out right: one failure off the count, and the lock it set
 * (if it reached the limit) lifted, unless another attempt has locked the key since.
 */
export function releaseAttempt(db: Db, counted: Counted) {
  const row = db.select().from(signInThrottle).where(eq(signInThrottle.key, counted.key)).get();
  if (!row) return;
  const failures = Math.max(0, row.failures - 1);
  const ours = counted.setLock !== null && row.lockedUntil?.getTime() === counted.setLock.getTime();
  db.update(signInThrottle)
    .set({ failures, lockedUntil: ours ? counted.previousLock : row.lockedUntil })
    .where(eq(signInThrottle.key, counted.key))
    .run();
}

export function clearFailures(db: Db, key: string) {
  db.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
}

/** A right answer: the account's count starts again; the address gets its attempt back. */
function settleSuccess(db: Db, reservation: { counted: Counted[] }, accountKey: string) {
  for (const counted of reservation.counted) {
    if (counted.key === accountKey) clearFailures(db, accountKey);
    else releaseAttempt(db, counted);
  }
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
  const reservation = reserveAttempt(
    db,
    [
      { key: accountKey, threshold: THROTTLE.accountThreshold },
      { key: addressKey, threshold: THROTTLE.addressThreshold },
    ],
    now,
  );
  if (!reservation.ok) {
    const id = userIdByEmail(db, input.email);
    if (id !== null) audit(db, { staffUserId: id, action: "staff.sign-in-refused-locked", entity: "staff_user", entityId: id, at: now });
    return { outcome: "locked", until: reservation.until };
  }

  const user = await authenticate(db, input.email, input.password);
  if (!user) {
    // Already counted: only the audit row is left to write.
    const accountLock = reservation.counted[0]?.setLock ?? null;
    const id = userIdByEmail(db, input.email);
    if (id !== null) {
      audit(db, { staffUserId: id, action: "staff.sign-in-failed", entity: "staff_user", entityId: id, at: now, details: { locked: Boolean(accountLock) } });
    }
    const until = lockAfterFailure(reservation);
    return until ? { outcome: "locked", until } : { outcome: "invalid" };
  }

  return db.transaction((tx) => {
    settleSuccess(tx, reservation, accountKey);
    if (input.previousSessionId) tx.delete(staffSessions).where(eq(staffSessions.id, input.previousSessionId)).run();
    const demoMode = input.demoMode ?? config().demoMode;
    if (user.totpEnabledAt !== null || totpRequired(user, demoMode)) {
      const pending = user.totpEnabledAt !== null ? "totp" : "totp-enrol";
      // The secret to enrol with is made here, in a POST, so the set-up page's GET only reads.
      if (pending === "totp-enrol") startEnrolment(tx, user.id);
      audit(tx, { staffUserId: user.id, action: "staff.password-accepted", entity: "staff_user", entityId: user.id, at: now, details: { next: pending } });
      return { outcome: pending, sessionId: createSession(tx, user.id, now, pending), staffUserId: user.id };
    }
    audit(tx, { staffUserId: user.id, action: "staff.signed-in", entity: "staff_user", entityId: user.id, at: now });
    return { outcome: "signed-in", sessionId: createSession(tx, user.id, now), staffUserId: user.id };
  });
}

/**
 * The second step: a code from the authenticator app, or one of the person's recovery codes
 * (used up as it is accepted). A right code ends the pending session and starts a new one (a new
 * id again). Wrong codes count towards the lockout like wrong passwords, counted before checking.
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
    const reservation = reserveAttempt(
      tx,
      [
        { key: accountKey, threshold: THROTTLE.accountThreshold },
        { key: addressKey, threshold: THROTTLE.addressThreshold },
      ],
      now,
    );
    if (!reservation.ok) {
      // Locked out part-way: start again from the password.
      tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
      audit(tx, { staffUserId: user.id, action: "staff.sign-in-refused-locked", entity: "staff_user", entityId: user.id, at: now });
      return { outcome: "locked", until: reservation.until } as const;
    }
    const recoveryCode = normaliseRecoveryCode(input.code);
    const step = recoveryCode ? null : checkCode(readSecret(user.totpSecret, user.id), input.code, user.totpLastStep, now);
    const recovered = recoveryCode !== null && useRecoveryCode(tx, user.id, recoveryCode, now);
    if (step === null && !recovered) {
      const accountLock = reservation.counted[0]?.setLock ?? null;
      audit(tx, {
        staffUserId: user.id,
        action: "staff.totp-failed",
        entity: "staff_user",
        entityId: user.id,
        at: now,
        details: { locked: Boolean(accountLock), ...(recoveryCode ? { recoveryCode: true } : {}) },
      });
      if (accountLock) {
        tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
        return { outcome: "locked", until: accountLock } as const;
      }
      return { outcome: "invalid" } as const;
    }
    if (step !== null) tx.update(staffUsers).set({ totpLastStep: step }).where(eq(staffUsers.id, user.id)).run();
    if (recovered) {
      audit(tx, { staffUserId: user.id, action: "staff.recovery-code-used", entity: "staff_user", entityId: user.id, at: now, details: { left: recoveryCodesLeft(tx, user.id) } });
    }
    settleSuccess(tx, reservation, accountKey);
    tx.delete(staffSessions).where(eq(staffSessions.id, input.pendingSessionId)).run();
    const secondFactor = recovered ? "recovery-code" : "totp";
    audit(tx, { staffUserId: user.id, action: "staff.signed-in", entity: "staff_user", entityId: user.id, at: now, details: { secondFactor } });
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
