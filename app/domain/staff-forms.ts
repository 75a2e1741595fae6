import * as z from "zod/mini";
import { cleanLine, cleanMultiline, LIMITS } from "./form/fields";
import { allRoles, checkRoleSet } from "./permissions";
import { normaliseRecoveryCode } from "./recovery-codes";
import { MAX_SUPPRESSION_THRESHOLD } from "./report/numbers";
import { corporateRespondFroms, stage2ClockStarts } from "./stage-clocks";

// The back office's account and administration forms. Shared by the server and the browser;
// error messages are i18next keys in the "staff" namespace.

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

export function line(key: string, max: number = LIMITS.shortText) {
  return z.string({ error: `staff:errors.${key}.required` }).check(
    z.overwrite(cleanLine),
    z.minLength(1, `staff:errors.${key}.required`),
    z.maxLength(max, `staff:errors.${key}.tooLong`),
  );
}

export function optionalLine(key: string, max: number = LIMITS.shortText) {
  return z.optional(z.string().check(z.overwrite(cleanLine), z.maxLength(max, `staff:errors.${key}.tooLong`)));
}

export function email(key: string) {
  return z.string({ error: `staff:errors.${key}.required` }).check(
    z.overwrite((v: string) => cleanLine(v).toLowerCase()),
    z.minLength(1, `staff:errors.${key}.required`),
    z.maxLength(LIMITS.email, `staff:errors.${key}.tooLong`),
    z.regex(EMAIL, `staff:errors.${key}.invalid`),
  );
}

export function optionalEmail(key: string) {
  return z.optional(
    z.string().check(
      z.overwrite((v: string) => cleanLine(v).toLowerCase()),
      z.maxLength(LIMITS.email, `staff:errors.${key}.tooLong`),
      z.regex(EMAIL, `staff:errors.${key}.invalid`),
    ),
  );
}

/** NCSC: length over complexity. 12 characters at least; a passphrase is fine. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

export const newPasswordSchema = z
  .object({
    password: z.string({ error: "staff:errors.newPassword.required" }).check(
      z.minLength(PASSWORD_MIN, "staff:errors.newPassword.tooShort"),
      z.maxLength(PASSWORD_MAX, "staff:errors.newPassword.tooLong"),
    ),
    confirm: z.string({ error: "staff:errors.confirmPassword.required" }),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.password !== value.confirm) {
        ctx.addIssue({ code: "custom", message: "staff:errors.confirmPassword.different", path: ["confirm"], input: value });
      }
    }),
  );

export const codeSchema = z.object({
  code: z.string({ error: "staff:errors.code.required" }).check(
    z.overwrite((v: string) => v.replace(/[\s-]/g, "")),
    z.regex(/^\d{6}$/, "staff:errors.code.invalid"),
  ),
});

/** The sign-in's second step: a code from the app, or a recovery code instead. */
export const secondStepSchema = z.object({
  code: z.string({ error: "staff:errors.code.required" }).check(
    z.overwrite((v: string) => v.replace(/[\s-]/g, "").toUpperCase()),
    z.refine((v: string) => /^\d{6}$/.test(v) || normaliseRecoveryCode(v) !== null, "staff:errors.code.invalidOrRecovery"),
  ),
});

export const resetRequestSchema = z.object({ email: email("resetEmail") });

export const totpChoices = ["default", "required", "not-required"] as const;

const roleSetCheck = z.superRefine((value: string[], ctx) => {
  const problem = checkRoleSet(value);
  if (problem) ctx.addIssue({ code: "custom", message: `staff:errors.roles.${problem}`, input: value });
});

const staffFields = {
  name: line("staffName", LIMITS.name),
  // Checkboxes: nothing ticked means the field is absent.
  roles: z
    .pipe(
      z.optional(z.array(z.enum(allRoles as [string, ...string[]], { error: "staff:errors.roles.unknown" }))),
      z.transform((v) => v ?? []),
    )
    .check(roleSetCheck),
  teams: z.optional(z.array(z.string().check(z.regex(/^\d+$/, "staff:errors.teams.invalid")))),
  totp: z.enum(totpChoices, { error: "staff:errors.totp.required" }),
};

export const inviteSchema = z.object({ email: email("staffEmail"), ...staffFields });
export const editStaffSchema = z.object({ ...staffFields });

export const teamSchema = z.object({
  name: line("teamName", 200),
  email: optionalEmail("teamEmail"),
  // Whether a young person can read it is judged on the server (the scoring stays out of the browser).
  easyReadName: optionalLine("teamEasyReadName", 200),
});

export const referenceValueSchema = z.object({ label: line("label", 300), note: optionalLine("note", 1000) });

/** Maps the stored setting's tri-state to the form's radio value and back. */
export function totpChoiceOf(required: boolean | null): (typeof totpChoices)[number] {
  return required === null ? "default" : required ? "required" : "not-required";
}

export function totpRequiredOf(choice: (typeof totpChoices)[number]): boolean | null {
  return choice === "default" ? null : choice === "required";
}

const PHONE = /^[+()\d\s-]{7,40}$/;
function phone(key: string) {
  return line(key, 40).check(z.regex(PHONE, `staff:errors.${key}.invalid`));
}

export const settingsSchema = z.object({
  councilName: line("councilName", 200),
  complaintsTeamEmail: email("complaintsTeamEmail"),
  complaintsTeamPhone: phone("complaintsTeamPhone"),
  // Printed on letters kept to post: several lines, as on an envelope.
  complaintsTeamAddress: z.string({ error: "staff:errors.complaintsTeamAddress.required" }).check(
    z.overwrite(cleanMultiline),
    z.minLength(1, "staff:errors.complaintsTeamAddress.required"),
    z.maxLength(500, "staff:errors.complaintsTeamAddress.tooLong"),
  ),
  childrensServicesPhone: phone("childrensServicesPhone"),
  advocacyProviderName: line("advocacyProviderName", 200),
  advocacyProviderEmail: email("advocacyProviderEmail"),
  advocacyProviderPhone: phone("advocacyProviderPhone"),
  // The "Exit this page" destination: a harmless https page.
  exitPageUrl: line("exitPageUrl", 500).check(z.regex(/^https:\/\/[^\s/]+\.[^\s]+$/, "staff:errors.exitPageUrl.invalid")),
  ombudsmanName: line("ombudsmanName", 200),
  ombudsmanWebsite: line("ombudsmanWebsite", 500).check(z.regex(/^https:\/\/[^\s/]+\.[^\s]+$/, "staff:errors.ombudsmanWebsite.invalid")),
  ombudsmanPhone: phone("ombudsmanPhone"),
  // What the council's SMTP relay accepts: 1 to 6,000 emails a minute.
  outboxPerMinute: z.string({ error: "staff:errors.outboxPerMinute.required" }).check(
    z.overwrite((v: string) => v.trim()),
    z.regex(/^\d{1,4}$/, "staff:errors.outboxPerMinute.invalid"),
    z.refine((v: string) => Number(v) >= 1 && Number(v) <= 6000, "staff:errors.outboxPerMinute.invalid"),
  ),
  publishImprovements: z.enum(["yes", "no"], { error: "staff:errors.publishImprovements.required" }),
  // 0 turns suppression off; above 20 a small council's tables would be mostly hidden.
  reportSuppressionThreshold: z.string({ error: "staff:errors.reportSuppressionThreshold.required" }).check(
    z.overwrite((v: string) => v.trim()),
    z.regex(/^\d{1,2}$/, "staff:errors.reportSuppressionThreshold.invalid"),
    z.refine((v: string) => Number(v) <= MAX_SUPPRESSION_THRESHOLD, "staff:errors.reportSuppressionThreshold.invalid"),
  ),
});

/** A whole number of working days, 0 to 100. */
export function workingDays() {
  return z
    .pipe(
      z.string({ error: "staff:errors.days.required" }).check(z.overwrite((v: string) => v.trim()), z.regex(/^\d{1,3}$/, "staff:errors.days.invalid")),
      z.transform(Number),
    )
    .check(z.refine((n: number) => n <= 100, "staff:errors.days.tooMany"));
}

export const timescalesSchema = z.object({
  corporateStage1AcknowledgeWithin: workingDays(),
  corporateStage1RespondWithin: workingDays(),
  corporateStage1MaximumExtension: workingDays(),
  corporateStage2AcknowledgeWithin: workingDays(),
  corporateStage2RespondWithin: workingDays(),
  corporateStage2MaximumExtension: workingDays(),
  earlyResolution: workingDays(),
});

/** The timescale fields in page order (the form cannot import the server's list). */
export const timescaleFields = Object.keys(timescalesSchema.shape) as Array<keyof typeof timescalesSchema.shape>;

/** Which recorded dates start the clocks (decision record 017): saved with the timescales. */
export const clockChoicesSchema = z.object({
  stage2ClockFrom: z.enum(stage2ClockStarts, { error: "staff:errors.clockChoice" }),
  corporateRespondFrom: z.enum(corporateRespondFroms, { error: "staff:errors.clockChoice" }),
});
export const timescalesFormSchema = z.object({ ...timescalesSchema.shape, ...clockChoicesSchema.shape });
