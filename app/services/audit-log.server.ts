import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { auditLog, representations, staffUsers } from "../../db/schema";
import type { Db } from "./db.server";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  staffUserId?: number;
  /** Rows older than this id: the next page. */
  before?: number;
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
}

/** The audit trail, newest first, a page at a time. Reading it is itself not audited. */
export function readAudit(db: Db, filter: AuditFilter = {}, pageSize = AUDIT_PAGE_SIZE): { rows: AuditRow[]; nextBefore: number | null } {
  const conditions: SQL[] = [];
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
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
  return { rows: page, nextBefore: more ? (page.at(-1)?.id ?? null) : null };
}

/** The entities that appear in the trail, for the filter. */
export function auditEntities(db: Db): string[] {
  return db.selectDistinct({ entity: auditLog.entity }).from(auditLog).orderBy(auditLog.entity).all().map((r) => r.entity);
}

/** One case's trail: every row about the representation, by its reference. Null if no such case. */
export function caseAudit(db: Db, reference: string, before?: number) {
  const row = db.select({ id: representations.id }).from(representations).where(eq(representations.reference, reference)).get();
  if (!row) return null;
  return readAudit(db, { entity: "representation", entityId: String(row.id), before });
}
