import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endCheckSession } from "~/services/check.server";
import { checkSessionCookie, checkTokenFrom } from "~/services/check-session.server";
import { getDb } from "~/services/db.server";

/** Ends the person's "Check your complaint" session: the row goes, and so does the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  endCheckSession(getDb(), await checkTokenFrom(request));
  return redirect("/check?signed-out=true", { headers: { "Set-Cookie": await checkSessionCookie.serialize("", { maxAge: 0 }) } });
}

export async function loader() {
  return redirect("/check");
}
