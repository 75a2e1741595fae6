import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import { attachments, auditLog, representations, staffUsers } from "../../db/schema";
import { maySeeCase } from "../domain/casework";
import { findCaseFor, viewerOf, type Actor } from "./case.server";
import type { Db } from "./db.server";
import { caseAccessFacts } from "./stages.server";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  staffUserId?: number;
  /** Rows older than this id: the next page. */
  before?: number;
  /** Rows about these records too (with entity and entityId): a case's files, for its trail. */
  alsoAbout?: { entity: string; entityIds: string[] };
}

export interface AuditRow {
  id: number;
  at: Date;
  staffName: string | null;
  staffUserId: number | null;
  action: string;
  entity: string;
  entityId: string;
  details: Record<string, unknown> | null;
  /** True when the row is about a case this reader may not see: who, what and which record only. */
  detailsWithheld: boolean;
}

/**
 * The audit trail, newest first, a page at a time, as `reader` may see it: the details of a row
 * about a case (coded values only, see app/domain/audit.ts, but still facts about a child) are
 * shown only to someone who may see that case. Reading it is itself not audited.
 */
export function readAudit(db: Db, reader: Actor, filter: AuditFilter = {}, pageSize = AUDIT_PAGE_SIZE): { rows: AuditRow[]; nextBefore: number | null } {
  const conditions: SQL[] = [];
  const subject: SQL[] = [];
  if (filter.entity) subject.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) subject.push(eq(auditLog.entityId, filter.entityId));
  const also = filter.alsoAbout?.entityIds.length ? and(eq(auditLog.entity, filter.alsoAbout.entity), inArray(auditLog.entityId, filter.alsoAbout.entityIds)) : undefined;
  if (subject.length) conditions.push(also ? or(and(...subject), also)! : and(...subject)!);
  if (filter.staffUserId !== undefined) conditions.push(eq(auditLog.staffUserId, filter.staffUserId));
  if (filter.before !== undefined) conditions.push(lt(auditLog.id, filter.before));
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      staffName: staffUsers.name,
      staffUserId: auditLog.staffUserId,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(staffUsers, eq(staffUsers.id, auditLog.staffUserId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(pageSize + 1)
    .all();
  const more = rows.length > pageSize;
  const page = more ? rows.slice(0, pageSize) : rows;
  const visible = visibleCases(db, reader, page.filter((r) => r.entity === "representation").map((r) => Number(r.entityId)));
  return {
    rows: page.map((r) => {
      const withheld = r.entity === "representation" && !visible.has(Number(r.entityId));
      return { ...r, details: withheld ? null : r.details, detailsWithheld: withheld };
    }),
    nextBefore: more ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Which of these cases the reader may see, by the case page's own rule (maySeeCase). */
function visibleCases(db: Db, reader: Actor, ids: number[]): Set<number> {
  const wanted = [...new Set(ids.filter(Number.isSafeInteger))];
  if (wanted.length === 0) return new Set();
  const viewer = viewerOf(db, reader);
  return new Set(
    db
      .select({ id: representations.id, teamId: representations.teamId })
      .from(representations)
      .where(inArray(representations.id, wanted))
      .all()
      .filter((c) => maySeeCase(viewer, caseAccessFacts(db, c)))
      .map((c) => c.id),
  );
}

/** The entities that appear in the trail, for the filter. */
export function auditEntities(db: Db): string[] {
  return db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity).all().map((r) => r.entity);
}

/**
 * One case's trail: every row about the representation, and about its files (who downloaded
 * which), by its reference. Null if there is no such case or the reader may not see it (the case
 * page's rule, findCaseFor), so both are "not found".
 */
export function caseAudit(db: Db, reader: Actor, reference: string, before?: number) {
  const row = findCaseFor(db, reader, reference);
  if (!row) return null;
  const files = db.select({ id: attachments.id }).from(attachments).where(eq(attachments.representationId, row.id)).all();
  return { ...readAudit(db, reader, { entity: "representation", entityId: String(row.id), before, alsoAbout: { entity: "attachment", entityIds: files.map((f) => String(f.id)) } }), caseId: row.id };
}
