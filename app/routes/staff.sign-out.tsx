import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearedSessionCookie, getPendingSession, getStaff } from "~/services/auth.server";
import { getDb } from "~/services/db.server";
import { signOut } from "~/services/sign-in.server";

export async function action({ request }: ActionFunctionArgs) {
  const db = getDb();
  const staff = await getStaff(db, request);
  if (staff) {
    signOut(db, staff.id, staff.sessionId);
  } else {
    // Half-way through signing in (password done, code not): end that session too.
    const pending = await getPendingSession(db, request);
    if (pending) signOut(db, pending.user.id, pending.sessionId);
  }
  return redirect("/staff/sign-in", { headers: { "Set-Cookie": await clearedSessionCookie() } });
}

export async function loader() {
  return redirect("/staff");
}
