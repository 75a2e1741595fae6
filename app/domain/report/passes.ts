import type { IsoDate } from "../calendar";
import type { StageKind } from "../stages";
import type { ReportFact, ReportStage } from "./facts";
import { financialYearOf } from "./years";

/**
 * What many tables ask of the same facts, worked out once per count (decision 054): the column
 * (year) of a date, and the stages answered in the years with their column. A dozen tables walked
 * every fact's stages again and parsed each date's year again: at a million cases that was a
 * third of the current year's report. Nothing here decides what is counted; the tables still do.
 */

export interface AnsweredStage {
  /** The column of the year the stage was answered in. */
  column: number;
  stage: ReportStage;
  fact: ReportFact;
  /** The fact's place in the facts (a key for a fact without an id). */
  index: number;
}

export interface Passes {
  /** The column of a date's financial year among the years counted, or -1. */
  columnOf: (date: IsoDate | null | undefined) => number;
  /** The stages answered in the years, in the facts' order and each fact's stages' order. */
  answered: AnsweredStage[];
  /** The same, of one kind. */
  answeredOf: (kind: StageKind) => AnsweredStage[];
}

// Keyed by the count's context: a count passes the same one to every table.
const remembered = new WeakMap<object, Passes>();

export function passesOf(ctx: { facts: ReportFact[]; years: number[] }): Passes {
  let passes = remembered.get(ctx);
  if (passes) return passes;
  // A few thousand dates recur across the facts: each one's column is worked out once.
  const columns = new Map<string, number>();
  const columnOf = (date: IsoDate | null | undefined): number => {
    if (!date) return -1;
    let column = columns.get(date);
    if (column === undefined) columns.set(date, (column = ctx.years.indexOf(financialYearOf(date))));
    return column;
  };
  const answered: AnsweredStage[] = [];
  const byKind = new Map<StageKind, AnsweredStage[]>();
  ctx.facts.forEach((fact, index) => {
    for (const stage of fact.stages) {
      const column = columnOf(stage.respondedOn);
      if (column < 0) continue;
      const entry = { column, stage, fact, index };
      answered.push(entry);
      let list = byKind.get(stage.kind);
      if (!list) byKind.set(stage.kind, (list = []));
      list.push(entry);
    }
  });
  passes = { columnOf, answered, answeredOf: (kind) => byKind.get(kind) ?? [] };
  remembered.set(ctx, passes);
  return passes;
}
