import type { TFunction } from "i18next";
import type { StageKind } from "../app/domain/stages";

export interface StageDecidedLetterData {
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
 * Tells the person which stage triage's decision put their complaint at, what happens there and by
 * when. (A later stage the person asked for has its own letter: emails/stage-moves.tsx.) `t` is already in the
 * person's language and mode. Paragraphs are separated by blank lines.
 */
export function stageDecidedLetter(t: TFunction, d: StageDecidedLetterData): { subject: string; body: string } {
  const due = d.stageKind === "statutory-stage3" ? "emails:stageDecided.panelBy" : "emails:stageDecided.dueBy";
  const paragraphs = [
    t("emails:stageDecided.intro", { reference: d.reference, stage: t(`emails:stageDecided.stages.${d.stageKind}`) }),
    t(`emails:stageDecided.whatHappens.${d.stageKind}`),
    ...(d.dueOn ? [t(due, { date: d.dueOn })] : []),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:stageDecided.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
