import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { newPasswordSchema } from "../domain/staff-forms";
import { findToken, setPasswordWithToken, type TokenPurpose } from "./accounts.server";
import { getDb } from "./db.server";
import { readForm } from "./form-data.server";

// The pages reached from an emailed link to set a password (an invitation, a reset): the token is
// the permission. A used, expired or unknown link gets a page that says so, not an error.

// Called from each route's own `loader` and `action` functions (not assigned as
// `export const loader = make(…)`: Remix's browser build drops a route's loader function, but a
// call at the top of the module would stay and run against this module's empty browser stand-in).

export function passwordTokenLoader(purpose: TokenPurpose, { params }: LoaderFunctionArgs) {
  const found = findToken(getDb(), params.token ?? "", purpose);
  // The name greets an invited member of staff; a reset page has no need of it.
  return { valid: Boolean(found), name: purpose === "invitation" ? (found?.name ?? null) : null };
}

export async function passwordTokenAction(purpose: TokenPurpose, { request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readForm(request), { schema: newPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "confirm"] }), { status: 400 });
  const result = await setPasswordWithToken(getDb(), { token: params.token ?? "", purpose, password: submission.value.password });
  if (result.outcome === "weak") return data(submission.reply({ fieldErrors: { password: [result.reason] }, hideFields: ["password", "confirm"] }), { status: 400 });
  if (result.outcome === "unusable") throw redirect(new URL(request.url).pathname);
  return redirect("/staff/sign-in?done=password");
}
