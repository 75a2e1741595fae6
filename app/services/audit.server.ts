import { auditLog } from "../../db/schema";
import type { Db } from "./db.server";

/** Writes one row of the append-only audit trail; call it inside the transaction of the change. */
export function audit(
  db: Db,
  entry: { staffUserId: number | null; action: string; entity: string; entityId: string | number; details?: Record<string, unknown>; at?: Date },
) {
  db.insert(auditLog)
    .values({
      at: entry.at ?? new Date(),
      staffUserId: entry.staffUserId,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      details: entry.details ?? null,
    })
    .run();
}
