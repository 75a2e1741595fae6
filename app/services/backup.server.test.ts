import { fork, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDb } from "../../test/db";
import { samplePdf } from "../../test/sample-files";
import { createBackup, databaseInUse, listBackups, restoreBackup, verifyBackup } from "./backup.server";
import { createDraft } from "./drafts.server";
import { storeUpload } from "./attachments.server";
import type { Db } from "./db.server";

const dirs: string[] = [];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-backup-"));
  dirs.push(dir);
  return dir;
}

/** A live database (migrated and seeded, as the server leaves it) with its attachments folder. */
async function liveSetUp() {
  const db = await createTestDb();
  const root = tempDir();
  const attachmentsDir = path.join(root, "attachments");
  fs.mkdirSync(attachmentsDir);
  return { db, databaseFile: db.$client.name, attachmentsDir, backupDir: path.join(root, "backups"), root };
}

async function addAttachment(db: Db, attachmentsDir: string, n: number) {
  const draft = createDraft(db);
  const content = Buffer.concat([samplePdf, Buffer.from(`% file ${n}\n`)]);
  const tempPath = path.join(attachmentsDir, `incoming-${n}`);
  fs.writeFileSync(tempPath, content);
  const stored = await storeUpload(db, attachmentsDir, draft.id, {
    tempPath,
    originalName: "letter.pdf",
    sizeBytes: content.length,
    sha256: createHash("sha256").update(content).digest("hex"),
  });
  if (!stored.ok) throw new Error(stored.problem);
  return stored.attachment;
}

function counts(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]));
  } finally {
    db.close();
  }
}

interface Confirmed {
  reference: string;
  storageKey: string;
  committedAt: number;
}

/** Resolves once `predicate` holds, checking whenever the writer reports. */
function until(child: ChildProcess, predicate: () => boolean, timeoutMs = 20_000) {
  return new Promise<void>((resolve, reject) => {
    if (predicate()) return resolve();
    const timer = setTimeout(() => reject(new Error("the writer did not get that far in time")), timeoutMs);
    const check = () => {
      if (!predicate()) return;
      clearTimeout(timer);
      child.off("message", check);
      resolve();
    };
    child.on("message", check);
    child.once("exit", (code) => reject(new Error(`the writer stopped with ${code}`)));
  });
}

describe("backup and restore", () => {
  it("restores a backup taken while another process writes, with every record confirmed before it started", async () => {
    const live = await liveSetUp();
    const writer = fork(path.resolve(import.meta.dirname, "../../test/backup-writer.ts"), [live.databaseFile, live.attachmentsDir], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "pipe", "ipc"],
    });
    children.push(writer);
    let writerErrors = "";
    writer.stderr?.on("data", (chunk: Buffer) => (writerErrors += chunk.toString()));
    const confirmed: Confirmed[] = [];
    writer.on("message", (m) => confirmed.push(m as Confirmed));

    await until(writer, () => confirmed.length >= 15);
    const before = [...confirmed];
    const backup = await createBackup({ databaseFile: live.databaseFile, attachmentsDir: live.attachmentsDir, backupDir: live.backupDir });
    const ended = Date.now();
    // The writer carries on: what it commits after the backup ended cannot be in it.
    await until(writer, () => confirmed.filter((c) => c.committedAt > ended).length >= 5);
    const exited = new Promise<number | null>((resolve) => writer.once("exit", resolve));
    writer.send("stop");
    expect(await exited, writerErrors).toBe(0);
    const later = confirmed.filter((c) => c.committedAt > ended);

    const target = tempDir();
    const restored = { databaseFile: path.join(target, "speak-up.sqlite"), attachmentsDir: path.join(target, "attachments") };
    const result = restoreBackup({ from: backup.dir, ...restored });
    expect(result.keptAside).toEqual({ database: null, attachments: null });

    const db = new Database(restored.databaseFile, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const references = new Set(db.prepare("SELECT reference FROM representations").pluck().all() as string[]);
      const fileOf = db.prepare(
        "SELECT a.storage_key FROM attachments a JOIN representations r ON r.id = a.representation_id WHERE r.reference = ?",
      );
      for (const record of before) {
        expect(references.has(record.reference), record.reference).toBe(true);
        expect(fileOf.pluck().get(record.reference)).toBe(record.storageKey);
        expect(fs.readFileSync(path.join(restored.attachmentsDir, record.storageKey)).equals(fs.readFileSync(path.join(live.attachmentsDir, record.storageKey)))).toBe(true);
      }
      for (const record of later) expect(references.has(record.reference), record.reference).toBe(false);
      // One snapshot of a writer that commits one after another holds exactly its first k records.
      expect(references).toEqual(new Set(confirmed.slice(0, references.size).map((c) => c.reference)));

      // Every file the restored database refers to is there and byte-identical to the original.
      const rows = db.prepare("SELECT storage_key AS key FROM attachments").all() as Array<{ key: string }>;
      expect(rows.length).toBeGreaterThanOrEqual(before.length);
      for (const { key } of rows) {
        expect(fs.readFileSync(path.join(restored.attachmentsDir, key)).equals(fs.readFileSync(path.join(live.attachmentsDir, key)))).toBe(true);
      }
      expect(fs.readdirSync(restored.attachmentsDir).sort()).toEqual(rows.map((r) => r.key).sort());
    } finally {
      db.close();
    }
    expect(counts(restored.databaseFile)).toEqual(backup.manifest.counts);
    expect(backup.manifest.counts.representations).toBeGreaterThanOrEqual(before.length);
  }, 60_000);

  it("refuses to restore over a database in use, or over an existing one without force, and keeps the old one aside", async () => {
    const live = await liveSetUp();
    await addAttachment(live.db, live.attachmentsDir, 1);
    const backup = await createBackup(live);

    // The live database is open here (as the server would hold it).
    expect(databaseInUse(live.databaseFile)).toBe(true);
    expect(() => restoreBackup({ from: backup.dir, ...live, force: true })).toThrow(/is in use: stop the server/);

    live.db.$client.close();
    expect(databaseInUse(live.databaseFile)).toBe(false);
    const original = fs.readFileSync(live.databaseFile);
    expect(() => restoreBackup({ from: backup.dir, ...live })).toThrow(/already exists .* --force/);
    expect(fs.readFileSync(live.databaseFile).equals(original)).toBe(true);

    const result = restoreBackup({ from: backup.dir, ...live, force: true });
    expect(result.keptAside.database && fs.readFileSync(result.keptAside.database).equals(original)).toBe(true);
    expect(result.keptAside.attachments && fs.readdirSync(result.keptAside.attachments)).toHaveLength(1);
    expect(counts(live.databaseFile)).toEqual(backup.manifest.counts);
  });

  it("refuses a damaged backup and changes nothing", async () => {
    const live = await liveSetUp();
    const attachment = await addAttachment(live.db, live.attachmentsDir, 1);
    const backup = await createBackup(live);
    const copy = path.join(backup.dir, "attachments", attachment.storageKey);
    const bytes = fs.readFileSync(copy);
    const at = bytes.length - 2;
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at);
    fs.writeFileSync(copy, bytes);

    const target = tempDir();
    const restored = { databaseFile: path.join(target, "speak-up.sqlite"), attachmentsDir: path.join(target, "attachments") };
    expect(() => verifyBackup(backup.dir)).toThrow(/does not match its checksum/);
    expect(() => restoreBackup({ from: backup.dir, ...restored })).toThrow(/damaged/);
    expect(fs.readdirSync(target)).toEqual([]);
  });

  it("fails, leaving no backup behind, when a file the database refers to is missing", async () => {
    const live = await liveSetUp();
    const attachment = await addAttachment(live.db, live.attachmentsDir, 1);
    fs.rmSync(path.join(live.attachmentsDir, attachment.storageKey));
    await expect(createBackup(live)).rejects.toThrow(`1 attached file(s) the database refers to are missing or changed`);
    expect(fs.readdirSync(live.backupDir)).toEqual([]);
  });

  it("keeps only the newest backups it is told to keep, and clears away abandoned partial ones", async () => {
    const live = await liveSetUp();
    fs.mkdirSync(path.join(live.backupDir, ".partial-speak-up-crashed"), { recursive: true });
    fs.utimesSync(path.join(live.backupDir, ".partial-speak-up-crashed"), new Date("2026-11-26T02:00:00Z"), new Date("2026-11-26T02:00:00Z"));
    const times = ["2026-11-27T02:00:00Z", "2026-11-28T02:00:00Z", "2026-11-29T02:00:00Z", "2026-11-30T02:00:00Z"];
    for (const time of times) await createBackup({ ...live, keep: 2, now: new Date(time) });
    expect(listBackups(live.backupDir).map((d) => path.basename(d))).toEqual([
      "speak-up-2026-11-29T02-00-00-000Z",
      "speak-up-2026-11-30T02-00-00-000Z",
    ]);
    expect(fs.readdirSync(live.backupDir).sort()).toEqual(["speak-up-2026-11-29T02-00-00-000Z", "speak-up-2026-11-30T02-00-00-000Z"]);
  });
});
