import type { TFunction } from "i18next";
import type { StageKind } from "../app/domain/stages";

export interface StageAcceptedLetterData {
  reference: string;
  /** The stage the complaint now is at (the Ombudsman is not a council stage and has no letter here). */
  stageKind: Exclude<StageKind, "ombudsman">;
  /** The stage's deadline written in the person's language (for Stage 3, the day the panel meets by), if it has one. */
  dueOn: string | null;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/**
 * Tells the person which stage their complaint is now at, what happens there and by when: sent
 * when triage accepts a complaint and when it moves on to a later stage. `t` is already in the
 * person's language and mode. Paragraphs are separated by blank lines.
 */
export function stageAcceptedLetter(t: TFunction, d: StageAcceptedLetterData): { subject: string; body: string } {
  const due = d.stageKind === "statutory-stage3" ? "emails:stageAccepted.panelBy" : "emails:stageAccepted.dueBy";
  const paragraphs = [
    t("emails:stageAccepted.intro", { reference: d.reference, stage: t(`emails:stageAccepted.stages.${d.stageKind}`) }),
    t(`emails:stageAccepted.whatHappens.${d.stageKind}`),
    ...(d.dueOn ? [t(due, { date: d.dueOn })] : []),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:stageAccepted.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
