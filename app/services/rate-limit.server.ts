import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Db } from "./db.server";

/**
 * Counts an attempt in a fixed window and says whether it is within the limit. Buckets hold a
 * hash, never the address or id itself.
 */
export function withinLimit(db: Db, key: string, options: { limit: number; windowMs: number; now?: Date }): boolean {
  const now = (options.now ?? new Date()).getTime();
  const windowStart = now - (now % options.windowMs);
  const bucket = createHash("sha256").update(key).digest("base64url");
  const row = db
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [rateLimits.bucket, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
    .returning({ count: rateLimits.count })
    .get();
  return row.count <= options.limit;
}

/** Forgets windows that ended more than a day ago. */
export function purgeRateLimits(db: Db, now = new Date()) {
  db.delete(rateLimits)
    .where(sql`${rateLimits.windowStart} < ${now.getTime() - 24 * 60 * 60 * 1000}`)
    .run();
}
