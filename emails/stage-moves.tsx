import type { TFunction } from "i18next";

export interface StageAcceptedLetterData {
  reference: string;
  /** The stage the complaint now enters (app/domain/stages.ts stageKinds). */
  stageKind: string;
  /** The stage's first deadline, written in the person's language: the reply, or Stage 3's panel. Null while Stage 2 waits for its statement. */
  dueDate: string | null;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/**
 * Tells the person their complaint has moved to the stage they asked for, and by when they will
 * hear (the issue: "acceptance into a stage, with the due date"). `t` is already in the person's
 * language and mode.
 */
export function stageAcceptedLetter(t: TFunction, d: StageAcceptedLetterData): { subject: string; body: string } {
  const stage = t(`check:stages.${d.stageKind}`);
  const due =
    d.stageKind === "statutory-stage3"
      ? d.dueDate
        ? t("emails:stageAccepted.panelBy", { date: d.dueDate })
        : null
      : d.dueDate
        ? t("emails:stageAccepted.replyBy", { date: d.dueDate })
        : t("emails:stageAccepted.statementFirst");
  const paragraphs = [
    t("emails:stageAccepted.intro", { reference: d.reference, stage }),
    t(`emails:stageAccepted.what.${d.stageKind}`, { defaultValue: "" }),
    due,
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ].filter((p): p is string => Boolean(p));
  return { subject: t("emails:stageAccepted.subject", { reference: d.reference, stage }), body: paragraphs.join("\n\n") };
}

export interface ClosureLetterData {
  reference: string;
  /** True after the council's last stage: the person is told they may go to the Ombudsman. */
  finalStage: boolean;
  councilName: string;
  complaintsTeamPhone: string;
  complaintsTeamEmail: string;
}

/** Tells the person their complaint is closed, and (after the last council stage) where they may go next. */
export function closureLetter(t: TFunction, d: ClosureLetterData): { subject: string; body: string } {
  const paragraphs = [
    t("emails:closure.intro", { reference: d.reference }),
    t("emails:closure.thanks"),
    ...(d.finalStage ? [t("emails:closure.ombudsman")] : []),
    t("emails:acknowledgement.help", { phone: d.complaintsTeamPhone, email: d.complaintsTeamEmail }),
    t("emails:signOff", { councilName: d.councilName }),
  ];
  return { subject: t("emails:closure.subject", { reference: d.reference }), body: paragraphs.join("\n\n") };
}
