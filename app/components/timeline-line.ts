import type { TFunction } from "i18next";
import { formatLongDate } from "~/domain/dates";

/**
 * One line saying what a case-history entry recorded, from its details, in the staff page's
 * (English, casework) words. Dates are written in words ("Monday 30 November 2026"), never as
 * stored.
 */
export function timelineLine(t: TFunction, kind: string, details: Record<string, unknown> | null): string | null {
  if (!details) return null;
  const s = (key: string) => (typeof details[key] === "string" ? (details[key] as string) : "");
  const on = (key: string) => (/^\d{4}-\d{2}-\d{2}$/.test(s(key)) ? formatLongDate(s(key), "en") : s(key));
  switch (kind) {
    case "decision":
      return s("decision") === "refuse" ? t("timeline.refused", { reason: s("reason") }) : t(`decisions.${s("decision")}`);
    case "assignment":
      return t("timeline.assigned", {
        team: s("team"),
        manager: s("manager"),
      });
    case "safeguarding-referred":
      return t("timeline.referred", {
        to: t(`safeguarding.bodies.${s("referredTo")}`),
        name: s("referredToName"),
        date: on("referredOn"),
      });
    case "triage":
      return t("timeline.triaged", {
        type: s("representationType"),
        process: t(`processes.${s("process")}`),
      });
    case "email-sent":
    case "email-pending":
    case "email-failed":
      return t("timeline.emailTo", { to: s("to") });
    case "compliment-passed-on":
      return t("timeline.complimentTo", { team: s("team") });
    case "restriction-added":
      return t("timeline.reviewOn", { date: on("reviewOn") });
    case "stage-responded":
      return t("timeline.responded", { finding: s("finding") });
    case "stage-escalated":
      return t(details.late === true ? "timeline.escalatedLate" : "timeline.escalated", {
        from: t(`stages.${s("from")}`),
        to: t(`stages.${s("to")}`),
        date: on("requestedOn"),
      });
    case "next-stage-asked":
      return t(details.late === true ? "timeline.askedOnlineLate" : "timeline.askedOnline", { to: t(`stages.${s("to")}`), date: on("askedOn") });
    case "stage-closed":
      return t("timeline.closedOn", { stage: t(`stages.${s("stage")}`), date: on("closedOn") });
    case "statement-agreed":
      return t("timeline.onDate", { date: on("agreedOn") });
    case "panel-booked":
      return t("timeline.panelOn", { date: on("panelOn") });
    case "panel-report":
      return t("timeline.onDate", { date: on("reportOn") });
    case "ombudsman-enquiry":
      return t("timeline.enquiryDue", { date: on("enquiryOn"), due: on("enquiryDueOn") });
    case "ombudsman-enquiry-answered":
      return t("timeline.onDate", { date: on("answeredOn") });
    case "ombudsman-decision":
      return t("timeline.decision", { decision: s("decision") });
    case "remedy-met":
      return t("timeline.onDate", { date: on("metOn") });
    case "letter-posted":
      return t("timeline.postedOn", {
        letter: t(`letters.kinds.${s("letter")}`, { defaultValue: s("letter") }),
        date: on("postedOn"),
      });
    case "stage-extended":
      return t("timeline.extended", { date: on("extendedTo"), reason: t(`extend.reasons.${s("reason")}`) });
    case "stage-dates-corrected":
      return t("timeline.datesCorrected", { date: on("startedOn") });
    default:
      return null;
  }
}
