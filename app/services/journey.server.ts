import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod/mini";
import { londonDate } from "../domain/calendar";
import type { JourneyContext } from "../domain/form/journey";
import { stepSchema, type DraftAnswers, type StepContext, type StepId } from "../domain/form/steps";
import type { Db } from "./db.server";
import { teamOptions } from "./public-teams.server";

/** What the journey's rules need from the world: the council's teams and today's date. */
export function journeyContext(db: Db, answers: DraftAnswers, now = new Date()): JourneyContext & { teamOptions: Array<readonly [string, string]> } {
  const options = teamOptions(db);
  return { answers, teams: options.map(([value]) => value), teamOptions: options, today: londonDate(now) };
}

// The public pages are checked here, on the server, and only here: the schemas and zod stay out of
// the browser's script, which a page does not need to work (docs/decisions/036).

/** A question page as sent, checked with its step's schema. */
export function checkStep(step: StepId, formData: FormData, context: StepContext) {
  return parseWithZod(formData, { schema: stepSchema(step, context) });
}

const sendSchema = z.object({
  declaration: z.literal("yes", { error: "errors.declaration.required" }),
  // A field people never see: software that fills in every box gives itself away.
  website: z.optional(z.string()),
});

/** "Send" on check your answers: the declaration ticked, the hidden field left empty. */
export function checkSend(formData: FormData) {
  return parseWithZod(formData, { schema: sendSchema });
}
