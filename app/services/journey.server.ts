import { londonDate } from "../domain/calendar";
import type { JourneyContext } from "../domain/form/journey";
import type { DraftAnswers } from "../domain/form/steps";
import type { Db } from "./db.server";
import { teamOptions } from "./public-teams.server";

/** What the journey's rules need from the world: the council's teams and today's date. */
export function journeyContext(db: Db, answers: DraftAnswers, now = new Date()): JourneyContext & { teamOptions: Array<readonly [string, string]> } {
  const options = teamOptions(db);
  return { answers, teams: options.map(([value]) => value), teamOptions: options, today: londonDate(now) };
}
