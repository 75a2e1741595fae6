import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import * as z from "zod/mini";
import { normaliseCheckCode } from "~/domain/check/access";
import { experienceAnswers } from "~/domain/check/experience";
import { CHANGES_MAX, LATE_MAX, MESSAGE_MAX, REASON_MAX, UNRESOLVED_MAX } from "~/domain/check/limits";
import { cleanMultiline } from "~/domain/form/fields";
import { normaliseReference } from "~/domain/reference-number";

// "Check your complaint" is checked by the server alone, like the e-form (decision 036): its
// schemas live here, so no page of it sends zod to the browser.

const answer = z.optional(z.enum(experienceAnswers, { error: "check:experience.notValid" }));

export const checkForms = {
  reference: z.object({
    reference: z
      .string({ error: "check:errors.referenceRequired" })
      .check(
        z.overwrite((v) => v.trim()),
        z.minLength(1, "check:errors.referenceRequired"),
        z.refine((v) => normaliseReference(v) !== null, "check:errors.referenceInvalid"),
      ),
  }),
  code: z.object({
    code: z
      .string({ error: "check:errors.codeRequired" })
      .check(z.minLength(1, "check:errors.codeRequired"), z.refine((v) => normaliseCheckCode(v) !== null, "check:errors.codeInvalid")),
  }),
  experience: z.object({ easy: answer, listened: answer, again: answer }),
  nextStage: z.object({
    unresolved: z
      .string({ error: "check:errors.unresolvedRequired" })
      .check(z.overwrite(cleanMultiline), z.minLength(1, "check:errors.unresolvedRequired"), z.maxLength(UNRESOLVED_MAX, "check:errors.unresolvedTooLong")),
    lateReason: z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(LATE_MAX, "check:errors.lateTooLong"))),
  }),
  send: z.object({
    message: z.optional(z.string().check(z.overwrite(cleanMultiline), z.maxLength(MESSAGE_MAX, "check:errors.messageTooLong"))),
  }),
  statementChanges: z.object({
    changes: z
      .string({ error: "check:errors.changesRequired" })
      .check(z.overwrite(cleanMultiline), z.minLength(1, "check:errors.changesRequired"), z.maxLength(CHANGES_MAX, "check:errors.changesTooLong")),
  }),
  withdraw: z.object({
    reason: z
      .string({ error: "check:errors.reasonRequired" })
      .check(z.overwrite(cleanMultiline), z.minLength(1, "check:errors.reasonRequired"), z.maxLength(REASON_MAX, "check:errors.reasonTooLong")),
  }),
};

export type CheckForm = keyof typeof checkForms;
/** What a page's form holds, for its conform options (a type only: nothing reaches the browser). */
export type CheckFormShape<F extends CheckForm> = z.input<(typeof checkForms)[F]>;

/** The one way a "Check your complaint" page reads its form. */
export function parseCheckForm<F extends CheckForm>(formData: FormData, form: F): Submission<CheckFormShape<F>, string[], z.output<(typeof checkForms)[F]>> {
  return parseWithZod(formData, { schema: checkForms[form] }) as Submission<CheckFormShape<F>, string[], z.output<(typeof checkForms)[F]>>;
}
