import { and, asc, eq, lte } from "drizzle-orm";
import { outbox } from "../../db/schema";
import type { Db } from "./db.server";
import { logger } from "./logger.server";
import type { Mailer } from "./mailer.server";
import { getSettings } from "./settings.server";

/** After this many failed tries an email is marked failed, for staff to see and resend. */
export const MAX_ATTEMPTS = 10;

/** Waits 1, 2, 4 … minutes between tries, never more than an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60 * 60 * 1000, 60 * 1000 * 2 ** Math.max(0, attempts - 1));
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends what is due in the outbox. Each row is marked sent only after the SMTP server accepted
 * it; a failure leaves it pending with a later retry time, so nothing is lost while mail is down.
 */
export async function deliverDueEmails(
  db: Db,
  mailer: Mailer,
  options: { from: string; now?: () => Date; batchSize?: number },
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const due = db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "pending"), lte(outbox.nextAttemptAt, now())))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.id))
    .limit(options.batchSize ?? 25)
    .all();

  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  // Every email answers to the complaints team (from settings), so a reply to a letter reaches
  // people, not the no-reply sender. Read at sending time: a changed address applies at once.
  const replyTo = due.length ? getSettings(db).complaintsTeamEmail.trim() || undefined : undefined;
  for (const row of due) {
    try {
      await mailer.send({
        from: options.from,
        replyTo,
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        html: row.htmlBody,
        messageId: `<outbox-${row.id}@speak-up>`,
      });
      db.update(outbox).set({ status: "sent", sentAt: now(), attempts: row.attempts + 1, lastError: null }).where(eq(outbox.id, row.id)).run();
      report.sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const failed = attempts >= MAX_ATTEMPTS;
      db.update(outbox)
        .set({
          attempts,
          status: failed ? "failed" : "pending",
          lastError: describeError(error),
          nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts)),
        })
        .where(eq(outbox.id, row.id))
        .run();
      if (failed) report.failed += 1;
      else report.retrying += 1;
      logger.warn(`outbox ${row.id}: delivery attempt ${attempts} failed (${describeError(error)})`);
    }
  }
  return report;
}

// Only the error's code and class: SMTP replies can quote the recipient's address.
function describeError(error: unknown): string {
  if (error && typeof error === "object") {
    const { code, responseCode, name } = error as { code?: unknown; responseCode?: unknown; name?: unknown };
    return [name, code, responseCode].filter((v) => v !== undefined && v !== null).join(" ") || "error";
  }
  return "error";
}

/**
 * How many emails one pass may send: the council's rate (settings, emails a minute) spread over
 * the passes, at least one a pass. Read at each pass, so a changed rate applies at once.
 */
export function outboxBatchSize(db: Db, intervalMs: number): number {
  const perMinute = Number(getSettings(db).outboxPerMinute);
  const rate = Number.isInteger(perMinute) && perMinute >= 1 ? perMinute : 300;
  return Math.max(1, Math.floor((rate * intervalMs) / 60_000));
}

/** Runs the sender every `intervalMs` until stopped; one pass at a time. */
export function startOutboxWorker(db: Db, mailer: Mailer, options: { from: string; intervalMs?: number }) {
  let running = false;
  const intervalMs = options.intervalMs ?? 5000;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await deliverDueEmails(db, mailer, { from: options.from, batchSize: outboxBatchSize(db, intervalMs) });
      if (report.sent || report.failed) logger.info(`outbox: ${report.sent} sent, ${report.retrying} retrying, ${report.failed} failed`);
    } catch (error) {
      logger.error("outbox pass failed", error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  void tick();
  return {
    stop() {
      clearInterval(timer);
    },
  };
}
