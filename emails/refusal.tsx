import type { TFunction } from "i18next";

export interface RefusalLetterData {
  name: string;
  reference: string;
  process: "statutory" | "corporate";
  reason: string;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
  advocacyProviderName: string;
  advocacyProviderPhone: string;
  easyRead: boolean;
}

/** "Out of time" → "out-of-time": the key of a reason's explanation in emails.json. */
export function reasonKey(reason: string): string {
  return reason
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/**
 * The refusal letter's first draft, in the person's language and mode (easy read for the young
 * person's form): why, and what other routes exist. Staff edit it before it goes; paragraphs are
 * separated by blank lines.
 */
export function refusalLetterDraft(t: TFunction, d: RefusalLetterData): { subject: string; body: string } {
  const k = d.easyRead ? "emails:refusal.easyRead" : "emails:refusal.standard";
  const explanationKey = `emails:refusal.reasons.${reasonKey(d.reason)}`;
  const explanation = t(explanationKey, { defaultValue: "" }) || t("emails:refusal.reasonFallback", { reason: d.reason });
  const paragraphs = [
    t(`${k}.greeting`, { name: d.name }),
    t(`${k}.decision`, { reference: d.reference, process: t(`emails:refusal.processes.${d.process}`) }),
    explanation,
    t(`${k}.otherRoutes`),
    t(`${k}.advocacy`, { provider: d.advocacyProviderName, phone: d.advocacyProviderPhone }),
    t(`${k}.disagree`, { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t(`${k}.subject`, { reference: d.reference }), body: paragraphs.join("\n\n") };
}
