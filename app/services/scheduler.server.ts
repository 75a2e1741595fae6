import { and, desc, eq, isNotNull } from "drizzle-orm";
import { scheduledRuns } from "../../db/schema";
import { londonDate, type IsoDate } from "../domain/calendar";
import { nextDailyRun } from "../domain/schedule";
import type { Db } from "./db.server";
import { logger } from "./logger.server";

export type ScheduledRun = typeof scheduledRuns.$inferSelect;

/**
 * Claims a job's run for a day. The insert and the unique (job, run_on) key make the claim atomic
 * across processes sharing the database: exactly one caller gets true for a given day.
 */
export function claimRun(db: Db, job: string, runOn: IsoDate, now = new Date()): boolean {
  const result = db.insert(scheduledRuns).values({ job, runOn, startedAt: now }).onConflictDoNothing().run();
  return result.changes === 1;
}

export function finishRun(db: Db, job: string, runOn: IsoDate, result: Record<string, unknown>, now = new Date()) {
  db.update(scheduledRuns)
    .set({ finishedAt: now, result })
    .where(and(eq(scheduledRuns.job, job), eq(scheduledRuns.runOn, runOn)))
    .run();
}

/** The latest claimed run of a job (finished or not), for the administrator's page. */
export function lastRun(db: Db, job: string): ScheduledRun | undefined {
  return db.select().from(scheduledRuns).where(eq(scheduledRuns.job, job)).orderBy(desc(scheduledRuns.runOn)).get();
}

export function lastFinishedRun(db: Db, job: string): ScheduledRun | undefined {
  return db
    .select()
    .from(scheduledRuns)
    .where(and(eq(scheduledRuns.job, job), isNotNull(scheduledRuns.finishedAt)))
    .orderBy(desc(scheduledRuns.runOn))
    .get();
}

/** When the job runs next: England's date and hour. */
export function nextRun(db: Db, job: string, hour: number, now = new Date()) {
  return nextDailyRun(now, hour, lastRun(db, job)?.runOn ?? null);
}

export interface DailyJob {
  name: string;
  /** England's hour (0-23) from which the day's run is due; a server started later runs it then. */
  hour: number;
  /** Returns counts for the scheduled_runs row: never personal data. */
  run: (db: Db, now: Date) => Promise<Record<string, unknown>> | Record<string, unknown>;
  /**
   * Run inside the claim's transaction (run must then be synchronous): the day's claim and what
   * the job wrote commit together or not at all, so a process killed mid-run leaves no claim and
   * the next start runs the day again. For jobs that only write rows (the reminders' outbox).
   */
  sameTransaction?: boolean;
}

function isBusy(error: unknown): boolean {
  return error instanceof Error && "code" in error && typeof error.code === "string" && error.code.startsWith("SQLITE_BUSY");
}

/** runDailyJobIfDue for a job that commits with its claim. */
function runInClaim(db: Db, job: DailyJob, runOn: IsoDate, now: Date): Record<string, unknown> | null {
  try {
    // IMMEDIATE: the claim takes the write lock first, so another process waits (or gives up
    // busy) until this one has committed, and then finds the day claimed.
    return db.transaction(
      (tx) => {
        if (!claimRun(tx, job.name, runOn, now)) return null;
        const result = job.run(tx, now);
        if (result instanceof Promise) throw new Error(`${job.name} must run synchronously in its claim's transaction`);
        finishRun(tx, job.name, runOn, { ok: true, ...result }, now);
        return result;
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Another process holds the claim's lock: it is running today's job; the next tick sees it claimed.
    if (isBusy(error)) return null;
    // Recorded as failed (nothing the job wrote is kept), so a bad record cannot loop the job.
    if (claimRun(db, job.name, runOn, now)) finishRun(db, job.name, runOn, { ok: false, error: error instanceof Error ? error.name : "Error" });
    logger.error(`scheduled job ${job.name} failed on ${runOn}`, error);
    throw error;
  }
}

/**
 * Runs the job if today's run is due and this caller wins the claim. Returns what the job
 * returned, or null when it was not this caller's to run. A run that throws is recorded with the
 * error's message and not retried until the next day, so a bad record cannot loop the job.
 */
export async function runDailyJobIfDue(db: Db, job: DailyJob, now = new Date()): Promise<Record<string, unknown> | null> {
  if (!nextRun(db, job.name, job.hour, now).dueNow) return null;
  const runOn = londonDate(now);
  if (job.sameTransaction) return runInClaim(db, job, runOn, now);
  if (!claimRun(db, job.name, runOn, now)) return null;
  try {
    const result = await job.run(db, now);
    finishRun(db, job.name, runOn, { ok: true, ...result });
    return result;
  } catch (error) {
    finishRun(db, job.name, runOn, { ok: false, error: error instanceof Error ? error.name : "Error" });
    logger.error(`scheduled job ${job.name} failed on ${runOn}`, error);
    throw error;
  }
}

/**
 * A small in-process scheduler: every few minutes it asks each daily job whether today's run is due.
 * Several server processes may run it against one database; the claim lets one of them run each day.
 */
export function startScheduler(db: Db, jobs: readonly DailyJob[], options: { checkEveryMs?: number } = {}) {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const job of jobs) {
        try {
          await runDailyJobIfDue(db, job);
        } catch {
          // Already recorded and logged by runDailyJobIfDue; the other jobs still run.
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), options.checkEveryMs ?? 5 * 60 * 1000);
  timer.unref();
  void tick();
  return { stop: () => clearInterval(timer), tick };
}
