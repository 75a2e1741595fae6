import { createCookie, redirect } from "@remix-run/node";
import { SESSION_MINUTES } from "../domain/check/access";
import { normaliseReference } from "../domain/reference-number";
import { findCheckSession, type CheckSession } from "./check.server";
import { config } from "./config.server";
import type { Db } from "./db.server";

// "Check your complaint" cookies (decision record 030). The session cookie holds a random token
// whose sha256 is the session row; it lasts as long as the session, 30 minutes, and never longer.
// The reference typed on the first page is carried to the code page in a session cookie of its
// own, so it is not in a URL (and so in no server or proxy log).

export const checkSessionCookie = createCookie("speakup_check", {
  path: "/check",
  httpOnly: true,
  sameSite: "lax",
  secure: config().production,
  maxAge: SESSION_MINUTES * 60,
});

export const checkReferenceCookie = createCookie("speakup_check_reference", {
  path: "/check",
  httpOnly: true,
  sameSite: "lax",
  secure: config().production,
});

export async function checkTokenFrom(request: Request): Promise<string | null> {
  const value: unknown = await checkSessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

export async function checkReferenceFrom(request: Request): Promise<string | null> {
  const value: unknown = await checkReferenceCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? normaliseReference(value) : null;
}

/** The person's session, or back to the first page (saying the session ended when there was a cookie). */
export async function requireCheckSession(db: Db, request: Request): Promise<CheckSession> {
  const token = await checkTokenFrom(request);
  const session = findCheckSession(db, token);
  if (!session) throw redirect(token ? "/check?expired=true" : "/check");
  return session;
}
