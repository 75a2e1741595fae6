import { auditLog } from "../../db/schema";
import { auditDetails, type AuditEntity } from "../domain/audit";
import type { Db } from "./db.server";

/**
 * Writes one row of the append-only audit trail; call it inside the transaction of the change.
 * `details` passes through auditDetails, so only field names and coded values are stored: the
 * words of a case never reach the audit, whatever a caller hands in.
 */
export function audit(
  db: Db,
  entry: { staffUserId: number | null; action: string; entity: AuditEntity; entityId: string | number; details?: Record<string, unknown>; at?: Date },
) {
  db.insert(auditLog)
    .values({
      at: entry.at ?? new Date(),
      staffUserId: entry.staffUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      details: auditDetails(entry.entity, entry.details),
    })
    .run();
}
