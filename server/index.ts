import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { DEMO_STAFF, seedDatabase } from "../db/seed";
import { deleteOrphanedAttachmentFiles } from "../app/services/attachments.server";
import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { purgeIdleDrafts } from "../app/services/drafts.server";
import { logger } from "../app/services/logger.server";
import { mailerFor } from "../app/services/mailer.server";
import { startOutboxWorker } from "../app/services/outbox.server";
import { purgeRateLimits } from "../app/services/rate-limit.server";
import { retentionJob } from "../app/services/retention.server";
import { startScheduler } from "../app/services/scheduler.server";

const settings = config();
const db = getDb();
migrateDatabase(db);
await seedDatabase(db, { demo: settings.demoMode });

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", process.env.TRUST_PROXY === "true");
app.use((_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  next();
});
app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
// Only method, path and status: query strings and bodies may carry personal data.
app.use((req, res, next) => {
  const started = Date.now();
  res.on("finish", () => {
    // A "come back later" link's token is a key to someone's answers: never logged.
    const loggedPath = req.path.replace(/^\/form\/return\/[^/]+/, "/form/return/…");
    if (!req.path.startsWith("/build/")) logger.info(`${req.method} ${loggedPath} ${res.statusCode} ${Date.now() - started}ms`);
  });
  next();
});
app.all(
  "*",
  createRequestHandler({
    build,
    mode: settings.production ? "production" : "development",
    getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown" }),
  }),
);

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
}, 60 * 60 * 1000);
// Daily jobs (retention at 02:00 England time); each day's run is claimed in scheduled_runs.
const scheduler = startScheduler(db, [retentionJob(settings.attachmentsDir)]);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || "127.0.0.1";
const server = app.listen(port, host, () => {
  logger.info(`Speak Up is running at http://localhost:${port} (staff: http://localhost:${port}/staff)`);
  if (settings.demoMode) {
    console.log(`\n  Demo mode. Staff sign-in: ${DEMO_STAFF.email} / ${DEMO_STAFF.password}`);
    console.log(settings.smtpUrl ? "  Email goes to SMTP_URL." : `  Emails are written to ${path.relative(process.cwd(), settings.mailDir)}/ as .eml files.\n`);
  }
});

function shutdown() {
  worker.stop();
  clearInterval(purge);
  scheduler.stop();
  mailer.close();
  server.close(() => process.exit(0));
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
