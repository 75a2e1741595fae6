import { and, eq, gte, lt } from "drizzle-orm";
import { equalityResponses, representations } from "../../db/schema";
import { equalityColumns, type EqualityAnswers, type EqualityColumn, type EqualityQuestion } from "../domain/equality";
import type { Db } from "./db.server";
import { draftIdFrom, findDraft } from "./drafts.server";

/** What a person has answered so far (nothing identifying: the answers only). */
export function findEqualityAnswers(db: Db, representationId: number): EqualityAnswers {
  const row = db.select().from(equalityResponses).where(eq(equalityResponses.representationId, representationId)).get();
  if (!row) return {};
  return { ageBand: row.ageBand, gender: row.gender, disability: row.disability, ethnicGroup: row.ethnicGroup, ethnicity: row.ethnicity };
}

/** Saves one answer (null: left blank). Changing the ethnic group forgets a background from another. */
export function saveEqualityAnswer(db: Db, representationId: number, question: EqualityQuestion, value: string | null, now = new Date()) {
  const column = equalityColumns[question];
  const values: EqualityAnswers = { [column]: value };
  if (question === "ethnic-group") values.ethnicity = null;
  db.insert(equalityResponses)
    .values({ representationId, ...values, createdAt: now })
    .onConflictDoUpdate({ target: equalityResponses.representationId, set: values })
    .run();
}

export type EqualityCounts = Record<EqualityColumn, Record<string, number>>;

/**
 * Counts per answer for representations received in [from, to): the only way equality answers
 * leave the database. Unanswered questions count as "not-stated", including every representation
 * whose person did not answer at all, as the annual reports show them.
 */
export function equalityCounts(db: Db, range: { from: Date; to: Date }): EqualityCounts & { total: number } {
  const rows = db
    .select({
      ageBand: equalityResponses.ageBand,
      gender: equalityResponses.gender,
      disability: equalityResponses.disability,
      ethnicGroup: equalityResponses.ethnicGroup,
      ethnicity: equalityResponses.ethnicity,
    })
    .from(representations)
    .leftJoin(equalityResponses, eq(equalityResponses.representationId, representations.id))
    .where(and(gte(representations.receivedAt, range.from), lt(representations.receivedAt, range.to)))
    .all();
  const columns = Object.values(equalityColumns);
  const counts = Object.fromEntries(columns.map((c) => [c, {} as Record<string, number>])) as EqualityCounts;
  for (const row of rows) {
    for (const column of columns) {
      const answer = row[column] ?? "not-stated";
      counts[column][answer] = (counts[column][answer] ?? 0) + 1;
    }
  }
  return { ...counts, total: rows.length };
}

/**
 * The representation this browser has just sent (from its draft), or null. Equality answers are
 * only ever linked to it, never to a name.
 */
export async function sentRepresentationId(db: Db, request: Request): Promise<number | null> {
  const draft = findDraft(db, await draftIdFrom(request));
  return draft?.representationId ?? null;
}
