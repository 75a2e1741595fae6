import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import busboy from "busboy";
import { and, asc, eq, isNotNull, isNull } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import { attachments, representations, staffTeamMembers } from "../../db/schema";
import {
  ATTACHMENT_KINDS,
  ATTACHMENT_LIMITS,
  MAX_UPLOAD_REQUEST_BYTES,
  cleanFileName,
  hasRoomFor,
  kindOf,
  type UploadProblem,
} from "../domain/attachments";
import { maySeeCase } from "../domain/casework";
import { audit } from "./audit.server";
import type { Db } from "./db.server";
import { caseAccessFacts } from "./stages.server";
import { readForm } from "./form-data.server";

// Files live in one folder outside the web root (ATTACHMENTS_DIR), each under a random name that
// means nothing; the database row holds everything else. An upload is first written to
// `.incoming/` in the same folder, checked, and only then renamed into place, so a refused file
// never becomes a stored one.

export type Attachment = typeof attachments.$inferSelect;

const INCOMING = ".incoming";
const STORAGE_KEY = /^[a-f0-9]{32}$/;
/** An oversized body is read to the end up to this size, so the sender sees the error page. */
const DRAIN_LIMIT_BYTES = 20 * 1024 * 1024;

function incomingDir(dir: string) {
  return path.join(dir, INCOMING);
}

function storagePath(dir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error("bad storage key");
  return path.join(dir, storageKey);
}

function removeQuietly(file: string | null | undefined) {
  if (!file) return;
  try {
    fs.unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** A file received and written to `.incoming/`, not yet checked or stored. */
export interface ReceivedFile {
  tempPath: string;
  originalName: string;
  sizeBytes: number;
  sha256: string;
}

export interface ReceivedUpload {
  /** The form's small text fields (the button pressed, say). */
  fields: Record<string, string>;
  /** The chosen file, or null when none was chosen or it was refused (see `problem`). */
  file: ReceivedFile | null;
  problem: UploadProblem | null;
}

export function isMultipart(request: Request): boolean {
  return (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * Reads a multipart upload as it streams in: at most one file, of at most the size limit,
 * written straight to disk while its sha256 is computed. Never buffers the body; a malformed,
 * oversized or over-long body comes back as a problem (for a 4xx page), never as a thrown error.
 */
export async function receiveUpload(request: Request, dir: string, options: { maxRequestBytes?: number } = {}): Promise<ReceivedUpload> {
  const maxRequestBytes = options.maxRequestBytes ?? MAX_UPLOAD_REQUEST_BYTES;
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxRequestBytes) {
    await drain(request);
    return { fields: {}, file: null, problem: "tooLarge" };
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("Content-Type") ?? "" },
      // Browsers send names as UTF-8. busboy stops at (and reports) the fileSize limit itself,
      // so one byte more than we allow is what tells "too large" from "exactly at the limit".
      defParamCharset: "utf8",
      limits: { files: 1, fileSize: ATTACHMENT_LIMITS.maxFileBytes + 1, fields: 10, fieldSize: 1024, fieldNameSize: 100, parts: 12 },
    });
  } catch {
    await drain(request);
    return { fields: {}, file: null, problem: "unreadable" };
  }

  fs.mkdirSync(incomingDir(dir), { recursive: true, mode: 0o700 });
  const fields: Record<string, string> = {};
  let problem: UploadProblem | null = null;
  let file: ReceivedFile | null = null;
  let tempPath: string | null = null;
  const writes: Array<Promise<void>> = [];
  const streams: NodeJS.ReadableStream[] = [];
  const outs: fs.WriteStream[] = [];
  let failed!: (reason: UploadProblem) => void;
  const failure = new Promise<UploadProblem>((resolve) => {
    failed = resolve;
  });
  const fail = (reason: UploadProblem) => {
    problem ??= reason;
    failed(reason);
  };

  parser.on("field", (name, value, info) => {
    if (info.nameTruncated || info.valueTruncated) return fail("unreadable");
    fields[name] = value;
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || !info.filename) {
      // Not our input, or the input left empty: the browser still sends an (empty) part. A body
      // cut off inside it errors this stream too, and an error with no listener ends the process.
      stream.on("error", () => fail("unreadable"));
      stream.resume();
      return;
    }
    const originalName = info.filename;
    const target = path.join(incomingDir(dir), randomBytes(16).toString("hex"));
    tempPath = target;
    const hash = createHash("sha256");
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.byteLength;
    });
    stream.on("limit", () => fail("tooLarge"));
    const out = fs.createWriteStream(target, { flags: "wx", mode: 0o600 });
    streams.push(stream);
    outs.push(out);
    writes.push(
      new Promise<void>((resolve) => {
        stream.pipe(out);
        out.on("close", () => {
          file = { tempPath: target, originalName, sizeBytes: size, sha256: hash.digest("hex") };
          resolve();
        });
        out.on("error", () => {
          fail("unreadable");
          resolve();
        });
        stream.on("error", () => {
          fail("unreadable");
          out.destroy();
        });
      }),
    );
  });
  parser.on("filesLimit", () => fail("oneAtATime"));
  parser.on("fieldsLimit", () => fail("unreadable"));
  parser.on("partsLimit", () => fail("unreadable"));
  parser.on("error", () => fail("unreadable"));
  const parsed = new Promise<void>((resolve) => {
    parser.on("close", resolve);
    void failure.then(() => resolve());
  });

  let total = 0;
  const reader = request.body?.getReader();
  try {
    while (reader) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxRequestBytes) {
        fail("tooLarge");
        break;
      }
      if (problem) break;
      if (!parser.write(value)) await Promise.race([new Promise((resolve) => parser.once("drain", resolve)), failure]);
    }
  } catch {
    fail("unreadable");
  }

  if (problem) {
    if (reader) await drainReader(reader, total);
    parser.destroy();
    for (const stream of streams) stream.unpipe();
    for (const out of outs) out.destroy();
  } else {
    parser.end();
    await parsed;
  }
  await Promise.all(writes);
  // Assigned in the parser's callbacks, which TypeScript cannot follow.
  const received = file as ReceivedFile | null;
  const found = problem as UploadProblem | null;
  if (found || !received) {
    removeQuietly(tempPath);
    return { fields, file: null, problem: found ?? (tempPath ? "unreadable" : null) };
  }
  return { fields, file: received, problem: null };
}

/** Reads and throws away a request's body (bounded), so the sender gets the answer, not a reset. */
export async function discardBody(request: Request): Promise<void> {
  await drain(request);
}

async function drain(request: Request) {
  if (!request.body || request.bodyUsed) return;
  await drainReader(request.body.getReader(), 0);
}

async function drainReader(reader: ReadableStreamDefaultReader<Uint8Array>, alreadyRead: number) {
  let total = alreadyRead;
  try {
    for (;;) {
      if (total > DRAIN_LIMIT_BYTES) {
        await reader.cancel();
        return;
      }
      const { done, value } = await reader.read();
      if (done) return;
      total += value.byteLength;
    }
  } catch {
    // The sender went away: nothing left to read.
  }
}

export type StoreResult = { ok: true; attachment: Attachment } | { ok: false; problem: UploadProblem };

/**
 * Checks a received file (not empty, a kind we accept by its content, room left on the draft)
 * and stores it, or deletes it. Either the row and the file both exist afterwards, or neither.
 */
export async function storeUpload(
  db: Db,
  dir: string,
  draftId: string,
  file: ReceivedFile,
  now = new Date(),
  /** The member of staff adding it, when staff log a representation; null for the public. */
  uploadedByStaffId: number | null = null,
): Promise<StoreResult> {
  return storeFile(db, dir, { draftId }, file, now, uploadedByStaffId, (tx) => hasRoomFor(countFor(tx, draftId)));
}

/** Files the person may add to their complaint after sending it ("Check your complaint"), besides the e-form's. */
export const FILES_ADDED_LATER_PER_CASE = 10;

/**
 * Stores a file the person sent to their complaint later (decision record 030), with the same
 * checks as the e-form's, straight onto the case. At most FILES_ADDED_LATER_PER_CASE such files.
 */
export async function storeUploadOnCase(db: Db, dir: string, representationId: number, file: ReceivedFile, now = new Date()): Promise<StoreResult> {
  return storeFile(db, dir, { representationId }, file, now, null, (tx) => {
    const later = tx
      .select({ id: attachments.id })
      .from(attachments)
      .where(and(eq(attachments.representationId, representationId), isNull(attachments.uploadedByStaffId)))
      .all().length;
    return later < ATTACHMENT_LIMITS.maxFiles + FILES_ADDED_LATER_PER_CASE;
  });
}

async function storeFile(
  db: Db,
  dir: string,
  owner: { draftId: string } | { representationId: number },
  file: ReceivedFile,
  now: Date,
  uploadedByStaffId: number | null,
  hasRoom: (tx: Db) => boolean,
): Promise<StoreResult> {
  try {
    if (file.sizeBytes === 0) return { ok: false, problem: "empty" };
    if (file.sizeBytes > ATTACHMENT_LIMITS.maxFileBytes) return { ok: false, problem: "tooLarge" };
    // At most the size limit, so reading it whole is bounded (file-type's own file reader is typed
    // only for Node's export condition, which TypeScript's bundler resolution does not follow).
    const detected = await fileTypeFromBuffer(await fs.promises.readFile(file.tempPath));
    const kind = kindOf(detected, file.originalName);
    if (!kind) return { ok: false, problem: "wrongType" };

    const storageKey = randomBytes(16).toString("hex");
    const target = storagePath(dir, storageKey);
    const stored = db.transaction((tx) => {
      if (!hasRoom(tx)) return null;
      fs.renameSync(file.tempPath, target);
      try {
        return tx
          .insert(attachments)
          .values({
            ...owner,
            storageKey,
            originalName: cleanFileName(file.originalName, kind),
            contentType: ATTACHMENT_KINDS[kind].contentType,
            sizeBytes: file.sizeBytes,
            sha256: file.sha256,
            uploadedByStaffId,
            createdAt: now,
          })
          .returning()
          .get();
      } catch (error) {
        removeQuietly(target);
        throw error;
      }
    });
    return stored ? { ok: true, attachment: stored } : { ok: false, problem: "tooMany" };
  } finally {
    removeQuietly(file.tempPath);
  }
}

function countFor(db: Db, draftId: string): number {
  return db.select({ id: attachments.id }).from(attachments).where(eq(attachments.draftId, draftId)).all().length;
}

/** How many files a draft holds. */
export function countDraftAttachments(db: Db, draftId: string): number {
  return countFor(db, draftId);
}

/** A draft's files, or a representation's, in the order they were added. */
export function listAttachments(db: Db, owner: { draftId: string } | { representationId: number }): Attachment[] {
  const where = "draftId" in owner ? eq(attachments.draftId, owner.draftId) : eq(attachments.representationId, owner.representationId);
  return db.select().from(attachments).where(where).orderBy(asc(attachments.id)).all();
}

/** Removes one of a draft's files (only that draft's): the row, then the file. */
export function removeDraftAttachment(db: Db, dir: string, draftId: string, id: number): boolean {
  const removed = db
    .delete(attachments)
    .where(and(eq(attachments.id, id), eq(attachments.draftId, draftId)))
    .returning({ storageKey: attachments.storageKey })
    .get();
  if (!removed) return false;
  removeQuietly(storagePath(dir, removed.storageKey));
  return true;
}

/** Deletes stored files whose rows a committed transaction has already removed. */
export function deleteAttachmentFiles(dir: string, storageKeys: readonly string[]): number {
  for (const key of storageKeys) removeQuietly(storagePath(dir, key));
  return storageKeys.length;
}

/**
 * Sending: the draft's files become the representation's. Call inside the transaction that
 * creates the representation, so the files move if and only if it is sent.
 */
export function attachDraftFilesToRepresentation(db: Db, draftId: string, representationId: number): number {
  return db.update(attachments).set({ draftId: null, representationId }).where(eq(attachments.draftId, draftId)).run().changes;
}

/**
 * Deletes files whose rows are gone (purged drafts cascade-delete their rows) and uploads left
 * half-received by a crash. Files younger than `minAgeMs` are left alone, in case their row is
 * being written by another process at this moment.
 */
export function deleteOrphanedAttachmentFiles(db: Db, dir: string, options: { now?: Date; minAgeMs?: number } = {}): number {
  const now = (options.now ?? new Date()).getTime();
  const minAgeMs = options.minAgeMs ?? 60 * 60 * 1000;
  if (!fs.existsSync(dir)) return 0;
  const known = new Set(db.select({ key: attachments.storageKey }).from(attachments).all().map((r) => r.key));
  const oldEnough = (file: string) => {
    try {
      return now - fs.statSync(file).mtimeMs >= minAgeMs;
    } catch {
      return false;
    }
  };
  let deleted = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (STORAGE_KEY.test(name) && !known.has(name) && oldEnough(file)) {
      removeQuietly(file);
      deleted += 1;
    }
  }
  const incoming = incomingDir(dir);
  if (fs.existsSync(incoming)) {
    for (const name of fs.readdirSync(incoming)) {
      const file = path.join(incoming, name);
      if (/^[a-f0-9]{32}$/.test(name) && oldEnough(file)) {
        removeQuietly(file);
        deleted += 1;
      }
    }
  }
  return deleted;
}

/** What the staff case page shows of a representation's files, with where to open each. */
export function attachmentsForRepresentation(db: Db, representationId: number) {
  return listAttachments(db, { representationId }).map((a) => ({
    id: a.id,
    name: a.originalName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    createdAt: a.createdAt,
    href: `/staff/attachments/${a.id}`,
  }));
}

/**
 * A sent file for a member of staff who may see its case; null for unknown ids, files still on
 * a draft, cases this person may not see, and files missing from disk (all answered 404).
 */
export function findAttachmentForStaff(db: Db, dir: string, staff: { id: number; role: string }, id: number): { attachment: Attachment; path: string } | null {
  const row = db
    .select({ attachment: attachments, id: representations.id, teamId: representations.teamId })
    .from(attachments)
    .innerJoin(representations, eq(representations.id, attachments.representationId))
    .where(and(eq(attachments.id, id), isNotNull(attachments.representationId)))
    .get();
  if (!row) return null;
  const teamIds = db
    .select({ teamId: staffTeamMembers.teamId })
    .from(staffTeamMembers)
    .where(eq(staffTeamMembers.staffUserId, staff.id))
    .all()
    .map((r) => r.teamId);
  if (!maySeeCase({ id: staff.id, role: staff.role, teamIds }, caseAccessFacts(db, row))) return null;
  const file = storagePath(dir, row.attachment.storageKey);
  if (!fs.existsSync(file)) return null;
  return { attachment: row.attachment, path: file };
}

/** What a post to an "add documents" page asked for, once any file in it has been dealt with. */
export type AttachmentsPageOutcome =
  | { outcome: "refused"; problem: UploadProblem }
  | { outcome: "stay" }
  | { outcome: "continue" }
  | { outcome: "unknown" };

/**
 * One post to a draft's "add documents" page, the public one or the staff one: a multipart form
 * uploads a file (and, with Continue, moves on); an ordinary form removes a file or moves on.
 */
export async function handleAttachmentsPost(
  db: Db,
  dir: string,
  draftId: string,
  request: Request,
  uploadedByStaffId: number | null = null,
): Promise<AttachmentsPageOutcome> {
  if (isMultipart(request)) {
    const received = await receiveUpload(request, dir);
    const intent = received.fields.intent === "continue" ? "continue" : "upload";
    let problem: UploadProblem | null = received.problem;
    if (!problem && received.file) {
      const stored = await storeUpload(db, dir, draftId, received.file, new Date(), uploadedByStaffId);
      if (!stored.ok) problem = stored.problem;
    } else if (!problem && intent === "upload") {
      problem = "chooseFile";
    }
    if (problem) return { outcome: "refused", problem };
    return { outcome: intent === "continue" ? "continue" : "stay" };
  }
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "remove") {
    const id = Number(form.get("id"));
    if (Number.isSafeInteger(id)) removeDraftAttachment(db, dir, draftId, id);
    return { outcome: "stay" };
  }
  return intent === "continue" ? { outcome: "continue" } : { outcome: "unknown" };
}

/**
 * Opens a case's file for a member of staff who may see the case, writing the audit row (who,
 * which file, which case) before a byte is sent. Null for anything they may not open.
 */
export function openAttachmentForStaff(db: Db, dir: string, staff: { id: number; role: string }, id: number): { attachment: Attachment; path: string } | null {
  const found = findAttachmentForStaff(db, dir, staff, id);
  if (!found) return null;
  audit(db, {
    staffUserId: staff.id,
    action: "attachment.downloaded",
    entity: "attachment",
    entityId: found.attachment.id,
    details: { representationId: found.attachment.representationId },
  });
  return found;
}
