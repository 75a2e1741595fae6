import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { DEMO_STAFF, seedDatabase } from "../db/seed";
import { deleteOrphanedAttachmentFiles } from "../app/services/attachments.server";
import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { purgeIdleDrafts } from "../app/services/drafts.server";
import { logger } from "../app/services/logger.server";
import { mailerFor } from "../app/services/mailer.server";
import { startOutboxWorker } from "../app/services/outbox.server";
import { purgeRateLimits } from "../app/services/rate-limit.server";
import { purgeCheckAccess } from "../app/services/check.server";
import { DEMO_KEY } from "../app/services/secret-box.server";
import { encryptStoredTotpSecrets } from "../app/services/totp.server";
import { remindersJob } from "../app/services/reminders.server";
import { retentionJob } from "../app/services/retention.server";
import { stopReadPools } from "../app/services/read-pool.server";
import { startScheduler } from "../app/services/scheduler.server";
import { createApp } from "./app";

const settings = config();
const db = getDb();
migrateDatabase(db);
// TOTP secrets written before they were encrypted: encrypted now (does nothing the second time).
const encrypted = encryptStoredTotpSecrets(db, settings.totpEncryptionKey);
if (encrypted) logger.info(`Encrypted ${encrypted} stored TOTP secret(s)`);
await seedDatabase(db, { demo: settings.demoMode, publicUrl: settings.publicUrl });

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

const app = createApp({ build, settings });

const mailer = mailerFor(settings);
const worker = startOutboxWorker(db, mailer, {
  from: settings.mailFrom,
  intervalMs: Number(process.env.OUTBOX_INTERVAL_MS || 5000),
});
const purge = setInterval(() => {
  purgeIdleDrafts(db);
  // Purged drafts took their attachment rows with them (cascade); their files go now.
  deleteOrphanedAttachmentFiles(db, settings.attachmentsDir);
  purgeRateLimits(db);
  purgeCheckAccess(db);
}, 60 * 60 * 1000);
// Daily jobs (retention at 02:00 England time, reminder digests from REMINDER_HOUR); each day's
// run is claimed in scheduled_runs.
const scheduler = startScheduler(db, [retentionJob(settings.attachmentsDir), remindersJob({ hour: settings.reminderHour, publicUrl: settings.publicUrl })]);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const server = app.listen(port, host, () => {
  logger.info(`Speak Up is running at http://localhost:${port} (staff: http://localhost:${port}/staff)`);
  if (settings.demoMode) {
    console.log(`\n  Demo mode. Staff sign-in: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
    if (settings.totpEncryptionKey.equals(DEMO_KEY)) console.log("  Two-step sign-in secrets use the public demo key: set TOTP_ENCRYPTION_KEY for real data.");
    console.log(settings.smtpUrl ? "  Email goes to SMTP_URL." : `  Emails are written to ${path.relative(process.cwd(), settings.mailDir)}/ as .eml files.\n`);
  }
});

function shutdown() {
  worker.stop();
  void stopReadPools();
  clearInterval(purge);
  scheduler.stop();
  mailer.close();
  server.close(() => process.exit(0));
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
