import { asc, eq } from "drizzle-orm";
import { statements } from "../../db/schema";
import type { StatementAnswer, StatementVersion } from "../domain/check/statement";
import type { Db } from "./db.server";

/** Stage 2's statement of complaint, every version shared, oldest first (decision record 041). */
export function statementVersionsOf(db: Db, stageId: number): Array<StatementVersion & { id: number; writtenById: number | null }> {
  return db
    .select()
    .from(statements)
    .where(eq(statements.stageId, stageId))
    .orderBy(asc(statements.version))
    .all()
    .map((s) => ({ ...s, sharedBy: s.sharedBy === "letter" ? "letter" : "email", answer: (s.answer as StatementAnswer | null) ?? null }));
}
