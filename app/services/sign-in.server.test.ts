import { eq } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { auditLog, staffRecoveryCodes, staffSessions, staffUsers } from "../../db/schema";
import { createSession, hashPassword } from "./auth.server";
import type { Db } from "./db.server";
import { completeTotpSignIn, lockDurationMs, signIn, signOutEverywhere, THROTTLE } from "./sign-in.server";
import { confirmEnrolment, pendingEnrolmentSecret, recoveryCodesLeft, removeTotp, startEnrolment } from "./totp.server";

const T0 = new Date("2026-11-23T09:00:00Z");
const MINUTE = 60 * 1000;
const PASSWORD = "a long enough test password";

async function addUser(db: Db, email: string, extra: Partial<typeof staffUsers.$inferInsert> = {}) {
  return db
    .insert(staffUsers)
    .values({ email, name: "Test Person", role: "complaints-officer", passwordHash: await hashPassword(PASSWORD), passwordSetAt: T0, ...extra })
    .returning()
    .get();
}

const at = (ms: number) => new Date(T0.getTime() + ms);
const base = { clientAddress: "192.0.2.1", demoMode: true };

function auditActions(db: Db, id: number) {
  return db.select().from(auditLog).where(eq(auditLog.entityId, String(id))).all().map((r) => r.action);
}

describe("sign-in", () => {
  it("makes a new session id at every sign-in and ends the one the browser brought", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "rotate@example.org");
    const planted = createSession(db, user.id, T0);
    const result = await signIn(db, { ...base, email: user.email, password: PASSWORD, previousSessionId: planted, now: T0 });
    expect(result.outcome).toBe("signed-in");
    if (result.outcome !== "signed-in") return;
    expect(result.sessionId).not.toBe(planted);
    expect(db.select().from(staffSessions).where(eq(staffSessions.id, planted)).get()).toBeUndefined();
    expect(auditActions(db, user.id)).toEqual(["staff.signed-in"]);
  });

  it("locks an account after 5 failures in a row, doubling the wait, even for the right password", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "lock@example.org");
    for (let i = 0; i < THROTTLE.accountThreshold - 1; i += 1) {
      expect((await signIn(db, { ...base, email: user.email, password: "wrong", now: at(i) })).outcome).toBe("invalid");
    }
    const fifth = await signIn(db, { ...base, email: user.email, password: "wrong", now: at(10) });
    expect(fifth).toEqual({ outcome: "locked", until: at(10 + MINUTE) });
    // Locked: even the right password does not open it, from any address.
    expect((await signIn(db, { ...base, clientAddress: "198.51.100.7", email: user.email, password: PASSWORD, now: at(30 * 1000) })).outcome).toBe("locked");
    // After the minute, a wrong password locks it for two.
    const sixth = await signIn(db, { ...base, email: user.email, password: "wrong", now: at(MINUTE + 20) });
    expect(sixth).toEqual({ outcome: "locked", until: at(3 * MINUTE + 20) });
    // Then the right password works, and clears the count.
    expect((await signIn(db, { ...base, email: user.email, password: PASSWORD, now: at(4 * MINUTE) })).outcome).toBe("signed-in");
    expect((await signIn(db, { ...base, email: user.email, password: "wrong", now: at(5 * MINUTE) })).outcome).toBe("invalid");
    expect(auditActions(db, user.id)).toContain("staff.sign-in-refused-locked");
  });

  it("locks an email address that has no account the same way, so a lockout reveals nothing", async () => {
    const db = await createTestDb();
    let last;
    for (let i = 0; i < THROTTLE.accountThreshold; i += 1) last = await signIn(db, { ...base, email: "nobody@example.org", password: "x", now: at(i) });
    expect(last?.outcome).toBe("locked");
  });

  it("locks a client address after 50 failures across any accounts, without locking the accounts elsewhere", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "victim@example.org");
    let last;
    for (let i = 0; i < THROTTLE.addressThreshold; i += 1) {
      last = await signIn(db, { ...base, clientAddress: "203.0.113.9", email: `guess${i}@example.org`, password: "x", now: at(i) });
    }
    expect(last?.outcome).toBe("locked");
    expect((await signIn(db, { ...base, clientAddress: "203.0.113.9", email: user.email, password: PASSWORD, now: at(100) })).outcome).toBe("locked");
    expect((await signIn(db, { ...base, clientAddress: "192.0.2.55", email: user.email, password: PASSWORD, now: at(100) })).outcome).toBe("signed-in");
    // Fifty argon2id checks: slow on a busy machine.
  }, 60_000);

  it("does not count a right password against the client address", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "office@example.org");
    const colleague = await addUser(db, "colleague@example.org");
    for (let i = 0; i < THROTTLE.addressThreshold - 1; i += 1) {
      await signIn(db, { ...base, clientAddress: "203.0.113.77", email: `typo${i}@example.org`, password: "x", now: at(i) });
    }
    // The 50th attempt reaches the limit while it is checked, but it was right: the lock lifts.
    expect((await signIn(db, { ...base, clientAddress: "203.0.113.77", email: user.email, password: PASSWORD, now: at(100) })).outcome).toBe("signed-in");
    expect((await signIn(db, { ...base, clientAddress: "203.0.113.77", email: colleague.email, password: PASSWORD, now: at(101) })).outcome).toBe("signed-in");
    expect((await signIn(db, { ...base, clientAddress: "203.0.113.77", email: "typo-again@example.org", password: "x", now: at(102) })).outcome).toBe("locked");
  }, 60_000);

  it("forgets failures an hour after the last one", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "forget@example.org");
    for (let i = 0; i < 4; i += 1) await signIn(db, { ...base, email: user.email, password: "wrong", now: at(i) });
    expect((await signIn(db, { ...base, email: user.email, password: "wrong", now: at(THROTTLE.forgetAfterMs + 10) })).outcome).toBe("invalid");
  });

  it("caps the wait at an hour", () => {
    expect(lockDurationMs(4, 5)).toBe(0);
    expect(lockDurationMs(5, 5)).toBe(MINUTE);
    expect(lockDurationMs(7, 5)).toBe(4 * MINUTE);
    expect(lockDurationMs(30, 5)).toBe(60 * MINUTE);
  });

  it("refuses a disabled account and an invited one with no password yet", async () => {
    const db = await createTestDb();
    const disabled = await addUser(db, "off@example.org", { disabledAt: T0 });
    const invited = await addUser(db, "new@example.org", { passwordSetAt: null });
    expect((await signIn(db, { ...base, email: disabled.email, password: PASSWORD, now: T0 })).outcome).toBe("invalid");
    expect((await signIn(db, { ...base, email: invited.email, password: PASSWORD, now: T0 })).outcome).toBe("invalid");
  });
});

describe("two-step sign-in", () => {
  it("asks someone who must use TOTP to set it up before anything opens", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "must@example.org", { totpRequired: true });
    const result = await signIn(db, { ...base, email: user.email, password: PASSWORD, now: T0 });
    expect(result.outcome).toBe("totp-enrol");
    // Outside demo mode it is required by default.
    const other = await addUser(db, "default@example.org");
    expect((await signIn(db, { ...base, demoMode: false, email: other.email, password: PASSWORD, now: T0 })).outcome).toBe("totp-enrol");
    expect((await signIn(db, { ...base, demoMode: true, email: other.email, password: PASSWORD, now: T0 })).outcome).toBe("signed-in");
  });

  it("enrols with a code, then asks for a code at sign-in; a code works once", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "totp@example.org");
    expect(pendingEnrolmentSecret(db, user.id)).toBeNull();
    startEnrolment(db, user.id);
    const secret = pendingEnrolmentSecret(db, user.id)!;
    startEnrolment(db, user.id);
    expect(pendingEnrolmentSecret(db, user.id)).toBe(secret);
    const totp = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" });
    const right = totp.generate({ timestamp: T0.getTime() });
    const wrong = right === "000000" ? "111111" : "000000";
    expect(confirmEnrolment(db, user.id, wrong, T0)).toBeNull();
    expect(confirmEnrolment(db, user.id, right, T0)).toHaveLength(10);

    const later = at(5 * MINUTE);
    const first = await signIn(db, { ...base, email: user.email, password: PASSWORD, now: later });
    expect(first.outcome).toBe("totp");
    if (first.outcome !== "totp") return;
    const code = totp.generate({ timestamp: later.getTime() });
    const done = completeTotpSignIn(db, { pendingSessionId: first.sessionId, staffUserId: user.id, code, clientAddress: base.clientAddress, now: later });
    expect(done.outcome).toBe("signed-in");
    if (done.outcome !== "signed-in") return;
    expect(done.sessionId).not.toBe(first.sessionId);
    expect(db.select().from(staffSessions).where(eq(staffSessions.id, first.sessionId)).get()).toBeUndefined();

    // The same code again (replayed within its 30 seconds) is refused.
    const again = await signIn(db, { ...base, email: user.email, password: PASSWORD, now: later });
    if (again.outcome !== "totp") throw new Error(again.outcome);
    expect(completeTotpSignIn(db, { pendingSessionId: again.sessionId, staffUserId: user.id, code, clientAddress: base.clientAddress, now: later }).outcome).toBe("invalid");
    expect(auditActions(db, user.id)).toEqual(expect.arrayContaining(["staff.totp-enrolled", "staff.password-accepted", "staff.signed-in", "staff.totp-failed"]));
  });

  it("counts wrong codes towards the lockout", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "guess@example.org");
    startEnrolment(db, user.id);
    const totp = new TOTP({ secret: Secret.fromBase32(pendingEnrolmentSecret(db, user.id)!) });
    confirmEnrolment(db, user.id, totp.generate({ timestamp: T0.getTime() }), T0);
    const pending = await signIn(db, { ...base, email: user.email, password: PASSWORD, now: at(MINUTE) });
    if (pending.outcome !== "totp") throw new Error(pending.outcome);
    const results = [];
    for (let i = 0; i < THROTTLE.accountThreshold; i += 1) {
      results.push(completeTotpSignIn(db, { pendingSessionId: pending.sessionId, staffUserId: user.id, code: "12345" + (i % 10), clientAddress: base.clientAddress, now: at(MINUTE + i) }).outcome);
    }
    expect(results).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    expect(db.select().from(staffSessions).where(eq(staffSessions.id, pending.sessionId)).get()).toBeUndefined();
  });
});

describe("recovery codes", () => {
  async function enrolled(email: string) {
    const db = await createTestDb();
    const user = await addUser(db, email);
    startEnrolment(db, user.id);
    const totp = new TOTP({ secret: Secret.fromBase32(pendingEnrolmentSecret(db, user.id)!) });
    const codes = confirmEnrolment(db, user.id, totp.generate({ timestamp: T0.getTime() }), T0)!;
    return { db, user, codes };
  }

  async function passwordStep(db: Db, email: string, now: Date) {
    const pending = await signIn(db, { ...base, email, password: PASSWORD, now });
    if (pending.outcome !== "totp") throw new Error(pending.outcome);
    return pending.sessionId;
  }

  it("are ten, stored only as hashes, each signs in once instead of a code, and each use is audited", async () => {
    const { db, user, codes } = await enrolled("recover@example.org");
    expect(new Set(codes).size).toBe(10);
    const stored = db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, user.id)).all();
    expect(stored).toHaveLength(10);
    for (const row of stored) for (const code of codes) expect(row.codeHash).not.toContain(code.replace("-", ""));

    const first = await passwordStep(db, user.email, at(MINUTE));
    const done = completeTotpSignIn(db, { pendingSessionId: first, staffUserId: user.id, code: codes[3]!.toLowerCase(), clientAddress: base.clientAddress, now: at(MINUTE) });
    expect(done.outcome).toBe("signed-in");
    expect(recoveryCodesLeft(db, user.id)).toBe(9);
    const used = db.select().from(auditLog).where(eq(auditLog.action, "staff.recovery-code-used")).all();
    expect(used.map((r) => r.details)).toEqual([{ left: 9 }]);

    const second = await passwordStep(db, user.email, at(2 * MINUTE));
    expect(completeTotpSignIn(db, { pendingSessionId: second, staffUserId: user.id, code: codes[3]!, clientAddress: base.clientAddress, now: at(2 * MINUTE) }).outcome).toBe("invalid");
  });

  it("count towards the lockout when wrong, and go when an administrator resets two-step sign-in", async () => {
    const { db, user, codes } = await enrolled("recover-lock@example.org");
    const pending = await passwordStep(db, user.email, at(MINUTE));
    const outcomes = [];
    for (let i = 0; i < THROTTLE.accountThreshold; i += 1) {
      outcomes.push(completeTotpSignIn(db, { pendingSessionId: pending, staffUserId: user.id, code: `ABCDE-FGHJ${"KLMNP"[i]}`, clientAddress: base.clientAddress, now: at(MINUTE + i) }).outcome);
    }
    expect(outcomes).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    // While locked, even a right recovery code is refused unchecked, and stays unused.
    const refused = completeTotpSignIn(db, { pendingSessionId: pending, staffUserId: user.id, code: codes[0]!, clientAddress: base.clientAddress, now: at(MINUTE + 10) });
    expect(refused.outcome).toBe("locked");
    expect(recoveryCodesLeft(db, user.id)).toBe(10);

    removeTotp(db, user.id, user.id, at(2 * MINUTE));
    expect(db.select().from(staffRecoveryCodes).where(eq(staffRecoveryCodes.staffUserId, user.id)).all()).toEqual([]);
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the person and writes one audit row", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "everywhere@example.org");
    createSession(db, user.id, T0);
    createSession(db, user.id, T0);
    expect(signOutEverywhere(db, user.id, user.id, T0)).toBe(2);
    expect(db.select().from(staffSessions).where(eq(staffSessions.staffUserId, user.id)).all()).toEqual([]);
    expect(auditActions(db, user.id)).toEqual(["staff.signed-out-everywhere"]);
  });
});

describe("sign-in under parallel requests", () => {
  // The audit trail records every password that was checked (failed, accepted or signed in) and
  // every attempt refused unchecked, so it shows how many passwords a burst really got tested.
  function checked(db: Db, id: number) {
    return auditActions(db, id).filter((a) => a === "staff.sign-in-failed" || a === "staff.signed-in" || a === "staff.password-accepted").length;
  }

  it("checks no more passwords than the limit, and the right one after five wrong does not sign in", async () => {
    const db = await createTestDb();
    const user = await addUser(db, "burst@example.org");
    const attempts = Array.from({ length: 24 }, (_, i) => (i === 6 ? PASSWORD : `wrong ${i}`));
    const results = await Promise.all(attempts.map((password) => signIn(db, { ...base, email: user.email, password, now: T0 })));
    expect(results.filter((r) => r.outcome === "signed-in")).toEqual([]);
    expect(checked(db, user.id)).toBeLessThanOrEqual(THROTTLE.accountThreshold);
    expect(results.filter((r) => r.outcome === "locked").length).toBeGreaterThanOrEqual(24 - THROTTLE.accountThreshold);
  }, 60_000);

  it("holds per client address too: a burst across many accounts checks at most the address's limit", async () => {
    const db = await createTestDb();
    const passwordHash = await hashPassword(PASSWORD);
    const emails = Array.from({ length: THROTTLE.addressThreshold + 10 }, (_, i) => `spray${i}@example.org`);
    for (const email of emails) db.insert(staffUsers).values({ email, name: "Test Person", role: "complaints-officer", passwordHash, passwordSetAt: T0 }).run();
    const results = await Promise.all(emails.map((email) => signIn(db, { ...base, clientAddress: "203.0.113.50", email, password: "x", now: T0 })));
    const failedChecks = db.select().from(auditLog).where(eq(auditLog.action, "staff.sign-in-failed")).all().length;
    expect(failedChecks).toBeLessThanOrEqual(THROTTLE.addressThreshold);
    expect(results.filter((r) => r.outcome === "locked").length).toBeGreaterThanOrEqual(10);
  }, 120_000);
});
