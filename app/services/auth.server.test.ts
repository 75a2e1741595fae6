import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { staffSessions, staffUsers } from "../../db/schema";
import { DEMO_STAFF } from "../../db/seed";
import {
  LAST_SEEN_STEP_MS,
  SESSION_IDLE_MS,
  SESSION_MAX_MS,
  authenticate,
  createSession,
  endAllSessions,
  endSession,
  getStaff,
  PENDING_SESSION_MS,
  hashPassword,
  safeRedirect,
  staffSessionCookie,
} from "./auth.server";
import type { Db } from "./db.server";

const T0 = new Date("2026-11-23T09:00:00Z");
const MINUTE = 60 * 1000;

let db: Db;
let demoId: number;

beforeAll(async () => {
  db = await createTestDb({ demo: true });
  const user = db.select().from(staffUsers).where(eq(staffUsers.email, DEMO_STAFF.email)).get();
  if (!user) throw new Error("demo staff user not seeded");
  demoId = user.id;
});

/** A request as the browser sends it: only "name=value" of the cookie comes back. */
async function requestWith(sessionId: string | null): Promise<Request> {
  const headers = new Headers();
  if (sessionId !== null) {
    const setCookie = await staffSessionCookie.serialize(sessionId);
    headers.set("Cookie", setCookie.split(";")[0]!);
  }
  return new Request("http://localhost:3000/staff", { headers });
}

function sessionRow(id: string) {
  return db.select().from(staffSessions).where(eq(staffSessions.id, id)).get();
}

describe("passwords", () => {
  it("are hashed with argon2id, salted", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a.startsWith("$argon2id$")).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toContain("correct horse");
  });

  it("are stored only as an argon2id hash for the seeded demo user", () => {
    const user = db.select().from(staffUsers).where(eq(staffUsers.id, demoId)).get();
    expect(user?.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(user?.passwordHash).not.toContain(DEMO_STAFF.password);
  });
});

describe("authenticate", () => {
  it("signs in the demo staff member with the right password", async () => {
    const user = await authenticate(db, DEMO_STAFF.email, DEMO_STAFF.password);
    expect(user).toMatchObject({ id: demoId, email: DEMO_STAFF.email, name: DEMO_STAFF.name, role: DEMO_STAFF.role });
  });

  it("ignores case and spaces around the email address", async () => {
    const user = await authenticate(db, `  ${DEMO_STAFF.email.toUpperCase()} `, DEMO_STAFF.password);
    expect(user?.id).toBe(demoId);
  });

  it("refuses a wrong password", async () => {
    expect(await authenticate(db, DEMO_STAFF.email, "demo-password-please-chang")).toBeNull();
    expect(await authenticate(db, DEMO_STAFF.email, DEMO_STAFF.password.toUpperCase())).toBeNull();
    expect(await authenticate(db, DEMO_STAFF.email, "")).toBeNull();
  });

  it("refuses an unknown email address", async () => {
    expect(await authenticate(db, "nobody@northshire.example", DEMO_STAFF.password)).toBeNull();
  });

  it("refuses a disabled account", async () => {
    const local = await createTestDb({ demo: true });
    local.update(staffUsers).set({ disabledAt: T0 }).run();
    expect(await authenticate(local, DEMO_STAFF.email, DEMO_STAFF.password)).toBeNull();
  });
});

describe("sessions", () => {
  it("recognises the staff member from the session cookie", async () => {
    const id = createSession(db, demoId, T0);
    const staff = await getStaff(db, await requestWith(id), new Date(T0.getTime() + MINUTE));
    expect(staff).toEqual({ id: demoId, name: DEMO_STAFF.name, email: DEMO_STAFF.email, role: DEMO_STAFF.role, roles: [DEMO_STAFF.role], sessionId: id });
    expect(sessionRow(id)?.lastSeenAt.getTime()).toBe(T0.getTime() + MINUTE);
    expect(sessionRow(id)?.expiresAt.getTime()).toBe(T0.getTime() + SESSION_MAX_MS);
  });

  it("writes 'last seen' again only once it is LAST_SEEN_STEP_MS old, so a page's two asks write once", async () => {
    const id = createSession(db, demoId, T0);
    const request = await requestWith(id);
    await getStaff(db, request, new Date(T0.getTime() + LAST_SEEN_STEP_MS - 1));
    expect(sessionRow(id)?.lastSeenAt.getTime()).toBe(T0.getTime());
    await getStaff(db, request, new Date(T0.getTime() + LAST_SEEN_STEP_MS));
    expect(sessionRow(id)?.lastSeenAt.getTime()).toBe(T0.getTime() + LAST_SEEN_STEP_MS);
    // Idle is still measured from the last write: 30 minutes after it, the session has ended.
    expect(await getStaff(db, request, new Date(T0.getTime() + LAST_SEEN_STEP_MS + SESSION_IDLE_MS + 1))).toBeNull();
  });

  it("makes long, unguessable session ids", () => {
    const ids = new Set(Array.from({ length: 50 }, () => createSession(db, demoId, T0)));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("knows nobody without a cookie, or with an unknown session id", async () => {
    expect(await getStaff(db, await requestWith(null), T0)).toBeNull();
    expect(await getStaff(db, await requestWith("made-up-session-id"), T0)).toBeNull();
    const garbled = new Request("http://localhost:3000/staff", { headers: { Cookie: "speakup_staff=%%%not-base64" } });
    expect(await getStaff(db, garbled, T0)).toBeNull();
  });

  it("ends a session idle for more than 30 minutes, deleting it", async () => {
    const id = createSession(db, demoId, T0);
    // Exactly 30 minutes idle is still allowed …
    expect(await getStaff(db, await requestWith(id), new Date(T0.getTime() + SESSION_IDLE_MS))).not.toBeNull();
    // … and that use resets the clock; one millisecond over 30 minutes from it is not.
    const lastSeen = T0.getTime() + SESSION_IDLE_MS;
    expect(await getStaff(db, await requestWith(id), new Date(lastSeen + SESSION_IDLE_MS + 1))).toBeNull();
    expect(sessionRow(id)).toBeUndefined();
    // Deleted means deleted: going back in time does not bring it back.
    expect(await getStaff(db, await requestWith(id), T0)).toBeNull();
  });

  it("ends a session 12 hours after sign-in even when in constant use", async () => {
    expect(SESSION_IDLE_MS).toBe(30 * MINUTE);
    expect(SESSION_MAX_MS).toBe(12 * 60 * MINUTE);
    const id = createSession(db, demoId, T0);
    const end = T0.getTime() + SESSION_MAX_MS;
    // Use it every 20 minutes up to the last minute before the 12 hours are up.
    for (let t = T0.getTime() + 20 * MINUTE; t < end; t += 20 * MINUTE) {
      expect(await getStaff(db, await requestWith(id), new Date(t)), new Date(t).toISOString()).not.toBeNull();
    }
    expect(await getStaff(db, await requestWith(id), new Date(end - 1))).not.toBeNull();
    expect(await getStaff(db, await requestWith(id), new Date(end))).toBeNull();
    expect(sessionRow(id)).toBeUndefined();
  });

  it("ends the sessions of a disabled account", async () => {
    const local = await createTestDb({ demo: true });
    const user = local.select().from(staffUsers).get();
    const id = createSession(local, user!.id, T0);
    local.update(staffUsers).set({ disabledAt: T0 }).run();
    expect(await getStaff(local, await requestWith(id), new Date(T0.getTime() + MINUTE))).toBeNull();
    expect(local.select().from(staffSessions).where(eq(staffSessions.id, id)).get()).toBeUndefined();
  });

  it("does not count a session waiting for its second step as signed in", async () => {
    const id = createSession(db, demoId, T0, "totp");
    expect(await getStaff(db, await requestWith(id), T0)).toBeNull();
    expect(sessionRow(id)?.expiresAt.getTime()).toBe(T0.getTime() + PENDING_SESSION_MS);
  });

  it("ends every session of one person, and only theirs", async () => {
    const local = await createTestDb({ demo: true });
    const [a, b] = local.select().from(staffUsers).limit(2).all();
    const mine = [createSession(local, a!.id, T0), createSession(local, a!.id, T0)];
    const theirs = createSession(local, b!.id, T0);
    expect(endAllSessions(local, a!.id)).toBe(2);
    for (const id of mine) expect(local.select().from(staffSessions).where(eq(staffSessions.id, id)).get()).toBeUndefined();
    expect(local.select().from(staffSessions).where(eq(staffSessions.id, theirs)).get()).toBeDefined();
  });

  it("signs out by deleting the session", async () => {
    const id = createSession(db, demoId, T0);
    endSession(db, id);
    expect(sessionRow(id)).toBeUndefined();
    expect(await getStaff(db, await requestWith(id), T0)).toBeNull();
  });
});

describe("safeRedirect", () => {
  it("allows paths inside the back office", () => {
    expect(safeRedirect("/staff")).toBe("/staff");
    expect(safeRedirect("/staff/cases/SU-ABCD-EFGH?tab=emails")).toBe("/staff/cases/SU-ABCD-EFGH?tab=emails");
  });

  it("sends anything else to the fallback", () => {
    for (const to of ["/staff\\evil.example", "//evil.example", "//evil.example/staff", "https://evil.example/staff", "http://localhost:3000/staff", "/", "/form/contact", "staff", "javascript:alert(1)", ""]) {
      expect(safeRedirect(to), to).toBe("/staff");
    }
    expect(safeRedirect(null)).toBe("/staff");
    expect(safeRedirect(undefined)).toBe("/staff");
    expect(safeRedirect(new File(["/staff"], "x.txt"))).toBe("/staff");
    expect(safeRedirect("https://evil.example", "/staff/sign-in")).toBe("/staff/sign-in");
  });
});
