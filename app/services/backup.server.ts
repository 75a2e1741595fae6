import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

// Backups (docs/decisions/015-backups.md): SQLite's online backup copies the live database in
// one step, which is one read transaction, so the copy is a consistent snapshot even while the
// server writes (WAL lets the writer carry on meanwhile). The attachment files that snapshot
// refers to are copied afterwards and checked against the sha256 each row holds. A backup is
// written to a `.partial-` folder and renamed into place only once complete, so a folder without
// that prefix is always a whole backup. Nothing here logs names or case content: only paths,
// counts and random storage keys.

export const MANIFEST = "manifest.json";
const DATABASE = "speak-up.sqlite";
const FILES = "attachments";
const STORAGE_KEY = /^[a-f0-9]{32}$/;
const BACKUP_NAME = /^speak-up-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/;
/** A file deleted between the snapshot and its copy (a draft's file removed) means trying again. */
const ATTEMPTS = 3;

export interface ManifestFile {
  /** Relative to the backup folder. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: ManifestFile;
  attachments: ManifestFile[];
  /** Rows in each table of the copy. */
  counts: Record<string, number>;
}

export class BackupError extends Error {
  override name = "BackupError";
}

function sha256Of(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

function fileEntry(file: string, root: string): ManifestFile {
  return { path: path.relative(root, file).split(path.sep).join("/"), bytes: fs.statSync(file).size, sha256: sha256Of(file) };
}

function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM "${t.replaceAll('"', '""')}"`).pluck().get() as number]));
}

function integrityProblems(db: Database.Database): string[] {
  const result = db.pragma("integrity_check", { simple: false }) as Array<{ integrity_check: string }>;
  return result.map((r) => r.integrity_check).filter((r) => r !== "ok");
}

interface FileRow {
  storageKey: string;
  sha256: string;
  sizeBytes: number;
}

function attachmentRows(db: Database.Database): FileRow[] {
  return db
    .prepare("SELECT storage_key AS storageKey, sha256, size_bytes AS sizeBytes FROM attachments ORDER BY id")
    .all() as FileRow[];
}

function backupName(now: Date): string {
  return `speak-up-${now.toISOString().replace(/[:.]/g, "-")}`;
}

/** Complete backups in the folder, oldest first (their names sort by time). */
export function listBackups(backupDir: string): string[] {
  if (!fs.existsSync(backupDir)) return [];
  return fs
    .readdirSync(backupDir)
    .filter((name) => BACKUP_NAME.test(name) && fs.existsSync(path.join(backupDir, name, MANIFEST)))
    .sort()
    .map((name) => path.join(backupDir, name));
}

export interface BackupOptions {
  databaseFile: string;
  attachmentsDir: string;
  backupDir: string;
  /** Keep this many complete backups, deleting older ones; all when left out. */
  keep?: number;
  now?: Date;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** Older backups deleted to keep `keep`. */
  deleted: string[];
}

/** Takes a backup of the live database and the files it refers to. Safe while the server runs. */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const now = options.now ?? new Date();
  if (!fs.existsSync(options.databaseFile)) throw new BackupError(`There is no database at ${options.databaseFile}`);
  fs.mkdirSync(options.backupDir, { recursive: true, mode: 0o700 });
  removeAbandonedPartials(options.backupDir, now);
  const name = backupName(now);
  const finalDir = path.join(options.backupDir, name);
  if (fs.existsSync(finalDir)) throw new BackupError(`${finalDir} already exists`);

  let missing: string[] = [];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const partial = path.join(options.backupDir, `.partial-${name}`);
    fs.rmSync(partial, { recursive: true, force: true });
    fs.mkdirSync(path.join(partial, FILES), { recursive: true, mode: 0o700 });
    try {
      const outcome = await backupOnce(options, partial, now);
      if ("manifest" in outcome) {
        fs.renameSync(partial, finalDir);
        const deleted = options.keep ? pruneBackups(options.backupDir, options.keep) : [];
        return { dir: finalDir, manifest: outcome.manifest, deleted };
      }
      missing = outcome.missing;
    } finally {
      fs.rmSync(partial, { recursive: true, force: true });
    }
  }
  throw new BackupError(
    `${missing.length} attached file(s) the database refers to are missing or changed in ${options.attachmentsDir}: ${missing.slice(0, 10).join(", ")}`,
  );
}

async function backupOnce(options: BackupOptions, partial: string, now: Date): Promise<{ manifest: BackupManifest } | { missing: string[] }> {
  const copyFile = path.join(partial, DATABASE);
  const source = new Database(options.databaseFile, { fileMustExist: true });
  try {
    source.pragma("busy_timeout = 5000");
    // All pages in one step: one read transaction, so one consistent snapshot. Smaller steps
    // would start again from the beginning every time the server wrote in between.
    await source.backup(copyFile, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }

  const copy = new Database(copyFile, { fileMustExist: true });
  let rows: FileRow[];
  let counts: Record<string, number>;
  try {
    // A single self-contained file: the copy carries the live database's WAL setting otherwise.
    copy.pragma("journal_mode = DELETE");
    const problems = integrityProblems(copy);
    if (problems.length) throw new BackupError(`The copy failed SQLite's integrity check: ${problems.slice(0, 5).join("; ")}`);
    rows = attachmentRows(copy);
    counts = tableCounts(copy);
  } finally {
    copy.close();
  }
  fs.chmodSync(copyFile, 0o600);

  const missing: string[] = [];
  const files: ManifestFile[] = [];
  for (const row of rows) {
    if (!STORAGE_KEY.test(row.storageKey)) throw new BackupError(`An attachment row has an unexpected storage key`);
    const target = path.join(partial, FILES, row.storageKey);
    try {
      fs.copyFileSync(path.join(options.attachmentsDir, row.storageKey), target, fs.constants.COPYFILE_EXCL);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      missing.push(row.storageKey);
      continue;
    }
    fs.chmodSync(target, 0o600);
    const described = fileEntry(target, partial);
    // The row's own hash, taken when the file was received, is what the copy must match.
    if (described.sha256 !== row.sha256 || described.bytes !== row.sizeBytes) {
      missing.push(row.storageKey);
      continue;
    }
    files.push(described);
  }
  if (missing.length) return { missing };

  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    database: fileEntry(copyFile, partial),
    attachments: files,
    counts,
  };
  fs.writeFileSync(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return { manifest };
}

/** A run that crashed leaves a `.partial-` folder of personal data behind: gone after an hour. */
function removeAbandonedPartials(backupDir: string, now: Date) {
  for (const name of fs.readdirSync(backupDir)) {
    const dir = path.join(backupDir, name);
    if (name.startsWith(".partial-") && now.getTime() - fs.statSync(dir).mtimeMs > 60 * 60 * 1000) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Deletes all but the newest `keep` complete backups; returns what it deleted. */
export function pruneBackups(backupDir: string, keep: number): string[] {
  const all = listBackups(backupDir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const dir of old) fs.rmSync(dir, { recursive: true, force: true });
  return old;
}

/**
 * Checks a backup before it is trusted: every file's size and sha256 against the manifest, the
 * database's integrity, its row counts, and that every attachment it refers to is in the backup.
 */
export function verifyBackup(dir: string): BackupManifest {
  const manifestFile = path.join(dir, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${dir} is not a backup: it has no ${MANIFEST}`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8")) as BackupManifest;
  if (manifest.format !== 1) throw new BackupError(`${dir} was written by a version of Speak Up this one cannot read`);

  const problems: string[] = [];
  for (const entry of [manifest.database, ...manifest.attachments]) {
    const file = path.resolve(dir, entry.path);
    if (path.relative(dir, file).startsWith("..")) throw new BackupError(`The manifest names a file outside the backup`);
    if (!fs.existsSync(file)) problems.push(`${entry.path} is missing`);
    else if (fileEntry(file, dir).sha256 !== entry.sha256) problems.push(`${entry.path} does not match its checksum`);
  }
  if (problems.length) throw new BackupError(`The backup in ${dir} is damaged: ${problems.slice(0, 10).join("; ")}`);

  const db = new Database(path.join(dir, manifest.database.path), { readonly: true, fileMustExist: true });
  try {
    const integrity = integrityProblems(db);
    if (integrity.length) throw new BackupError(`The backup's database failed SQLite's integrity check: ${integrity.slice(0, 5).join("; ")}`);
    const counts = tableCounts(db);
    if (JSON.stringify(counts) !== JSON.stringify(manifest.counts)) throw new BackupError(`The backup's row counts differ from its manifest`);
    const listed = new Set(manifest.attachments.map((a) => a.path));
    const unlisted = attachmentRows(db).filter((r) => !listed.has(`${FILES}/${r.storageKey}`));
    if (unlisted.length) throw new BackupError(`The backup lacks ${unlisted.length} attached file(s) its database refers to`);
  } finally {
    db.close();
  }
  return manifest;
}

/**
 * Whether another connection (the server, a script) has the database open. Exclusive locking
 * mode cannot start while any other connection holds it, in this process or another.
 */
export function databaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.exec("BEGIN EXCLUSIVE; COMMIT;");
    return false;
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith("SQLITE_BUSY") || (error as { code?: string }).code?.startsWith("SQLITE_LOCKED")) return true;
    throw error;
  } finally {
    db.close();
  }
}

export interface RestoreOptions {
  /** The backup folder. */
  from: string;
  databaseFile: string;
  attachmentsDir: string;
  /** Replace an existing database (kept aside, never deleted). */
  force?: boolean;
  now?: Date;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the database and files that were in place went, if there were any. */
  keptAside: { database: string | null; attachments: string | null };
}

/**
 * Puts a verified backup in place: first copied next to the targets and checked again, then
 * swapped in by renames, the old database and files renamed aside. Refuses while the database
 * is open elsewhere, and over an existing database unless `force`.
 */
export function restoreBackup(options: RestoreOptions): RestoreResult {
  const manifest = verifyBackup(options.from);
  const { databaseFile, attachmentsDir } = options;
  const exists = fs.existsSync(databaseFile);
  if (exists && databaseInUse(databaseFile)) {
    throw new BackupError(`${databaseFile} is in use: stop the server (and any script using it) before restoring`);
  }
  if (exists && !options.force) {
    throw new BackupError(`A database already exists at ${databaseFile}. Run again with --force to replace it; it will be kept aside, not deleted.`);
  }

  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, "-");
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  fs.mkdirSync(path.dirname(attachmentsDir), { recursive: true });
  const stagedDb = path.join(path.dirname(databaseFile), `.restoring-${stamp}-${path.basename(databaseFile)}`);
  const stagedFiles = path.join(path.dirname(attachmentsDir), `.restoring-${stamp}-${path.basename(attachmentsDir)}`);
  try {
    // Copies beside the targets (same file system, so the renames below are atomic), checked
    // again in case the copy itself went wrong.
    const copies: Array<[ManifestFile, string]> = [[manifest.database, stagedDb]];
    fs.mkdirSync(stagedFiles, { recursive: true, mode: 0o700 });
    for (const entry of manifest.attachments) copies.push([entry, path.join(stagedFiles, path.basename(entry.path))]);
    for (const [entry, target] of copies) {
      fs.copyFileSync(path.join(options.from, entry.path), target, fs.constants.COPYFILE_EXCL);
      fs.chmodSync(target, 0o600);
      if (sha256Of(target) !== entry.sha256) throw new BackupError(`Copying ${entry.path} went wrong: its checksum differs`);
    }

    const aside = (file: string) => `${file}.before-restore-${stamp}`;
    let keptDb: string | null = null;
    if (exists) {
      keptDb = aside(databaseFile);
      fs.renameSync(databaseFile, keptDb);
      // Left only by a crash: they belong with the database they were written for.
      for (const suffix of ["-wal", "-shm"]) {
        if (fs.existsSync(databaseFile + suffix)) fs.renameSync(databaseFile + suffix, keptDb + suffix);
      }
    }
    fs.renameSync(stagedDb, databaseFile);
    let keptFiles: string | null = null;
    if (fs.existsSync(attachmentsDir)) {
      keptFiles = aside(attachmentsDir);
      fs.renameSync(attachmentsDir, keptFiles);
    }
    fs.renameSync(stagedFiles, attachmentsDir);
    return { manifest, keptAside: { database: keptDb, attachments: keptFiles } };
  } finally {
    fs.rmSync(stagedDb, { force: true });
    fs.rmSync(stagedFiles, { recursive: true, force: true });
  }
}
