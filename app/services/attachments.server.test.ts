import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { attachments, representations, staffTeamMembers, staffUsers, teams } from "../../db/schema";
import { sampleCfb, sampleDocx, sampleExe, sampleGif, sampleJpeg, samplePdf, samplePng, sampleXlsx, sampleZip } from "../../test/sample-files";
import { createTestDb } from "../../test/db";
import { ATTACHMENT_LIMITS } from "../domain/attachments";
import {
  attachDraftFilesToRepresentation,
  attachmentsForRepresentation,
  deleteOrphanedAttachmentFiles,
  findAttachmentForStaff,
  listAttachments,
  openAttachmentForStaff,
  receiveUpload,
  removeDraftAttachment,
  storeUpload,
} from "./attachments.server";
import { caseAudit } from "./audit-log.server";
import type { Db } from "./db.server";
import { createDraft, purgeIdleDrafts } from "./drafts.server";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-attachments-"));
  dirs.push(dir);
  return dir;
}

const BOUNDARY = "----speakupTestBoundary7MA4YWxkTrZu0gW";

function multipartBody(parts: Array<{ name: string; value: string } | { name: string; filename: string; data: Buffer; type?: string }>): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ("filename" in part) {
      chunks.push(
        Buffer.from(
          `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.type ?? "application/octet-stream"}\r\n\r\n`,
        ),
        part.data,
        Buffer.from("\r\n"),
      );
    } else {
      chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}\r\n`));
    }
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

function uploadRequest(body: Buffer | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
  return new Request("http://localhost/form/attachments", {
    method: "POST",
    headers: { "Content-Type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    // Needed by Node's fetch for a streamed body.
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

function fileRequest(filename: string, data: Buffer, type = "application/octet-stream") {
  return uploadRequest(multipartBody([{ name: "file", filename, data, type }, { name: "intent", value: "upload" }]));
}

/** Every file under the folder, `.incoming/` included. */
function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

async function upload(db: Db, dir: string, draftId: string, filename: string, data: Buffer, type?: string) {
  const received = await receiveUpload(fileRequest(filename, data, type), dir);
  if (!received.file) return { ok: false as const, problem: received.problem };
  return storeUpload(db, dir, draftId, received.file);
}

function insertRepresentation(db: Db, values: Partial<typeof representations.$inferInsert> = {}) {
  return db
    .insert(representations)
    .values({
      reference: `SU-TEST-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
      kind: "complaint",
      methodReceived: "e-form",
      receivedAt: new Date(),
      receivedOn: "2026-03-02",
      personName: "Alex Parent",
      personRelationship: "parent",
      answers: {},
      ...values,
    })
    .returning()
    .get();
}

describe("receiveUpload", () => {
  it("streams the file to disk with its size and sha256, and reads the form's fields", async () => {
    const dir = tempDir();
    const received = await receiveUpload(fileRequest("letter.pdf", samplePdf), dir);
    expect(received.problem).toBeNull();
    expect(received.fields).toEqual({ intent: "upload" });
    expect(received.file).toMatchObject({ originalName: "letter.pdf", sizeBytes: samplePdf.length });
    expect(received.file?.sha256).toBe(createHash("sha256").update(samplePdf).digest("hex"));
    expect(fs.readFileSync(received.file?.tempPath ?? "")).toEqual(samplePdf);
  });

  it("treats an empty file input as no file", async () => {
    const dir = tempDir();
    const received = await receiveUpload(uploadRequest(multipartBody([{ name: "file", filename: "", data: Buffer.alloc(0) }, { name: "intent", value: "continue" }])), dir);
    expect(received).toEqual({ fields: { intent: "continue" }, file: null, problem: null });
  });

  it("refuses a file over the size limit and keeps nothing of it", async () => {
    const dir = tempDir();
    const big = Buffer.alloc(ATTACHMENT_LIMITS.maxFileBytes + 1, 0x25);
    const received = await receiveUpload(fileRequest("big.pdf", big), dir);
    expect(received).toMatchObject({ file: null, problem: "tooLarge" });
    expect(filesIn(dir)).toEqual([]);
  });

  it("accepts a file of exactly the size limit", async () => {
    const dir = tempDir();
    const exact = Buffer.concat([samplePdf, Buffer.alloc(ATTACHMENT_LIMITS.maxFileBytes - samplePdf.length, 0x20)]);
    const received = await receiveUpload(fileRequest("exact.pdf", exact), dir);
    expect(received.problem).toBeNull();
    expect(received.file?.sizeBytes).toBe(ATTACHMENT_LIMITS.maxFileBytes);
  });

  it("refuses a body declared larger than the limit without parsing it", async () => {
    const dir = tempDir();
    const body = multipartBody([{ name: "file", filename: "a.pdf", data: samplePdf }]);
    const received = await receiveUpload(uploadRequest(body, { "Content-Length": String(50 * 1024 * 1024) }), dir);
    expect(received).toMatchObject({ file: null, problem: "tooLarge" });
    expect(filesIn(dir)).toEqual([]);
  });

  it("stops reading a streamed body once it passes the limit", async () => {
    const dir = tempDir();
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="endless.pdf"\r\n\r\n`);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit, as fast as it is read: the reader must stop, not buffer it.
        if (sent > 200 * 1024 * 1024) return controller.close();
        const chunk = sent === 0 ? head : Buffer.alloc(256 * 1024, 0x41);
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const received = await receiveUpload(uploadRequest(endless), dir, { maxRequestBytes: 1024 * 1024 });
    expect(received).toMatchObject({ file: null, problem: "tooLarge" });
    expect(sent).toBeLessThan(40 * 1024 * 1024);
    expect(filesIn(dir)).toEqual([]);
  });

  it("answers malformed bodies with a problem, never an exception", async () => {
    const dir = tempDir();
    const truncated = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 and then nothing`);
    expect((await receiveUpload(uploadRequest(truncated), dir)).problem).toBe("unreadable");
    const noBoundary = new Request("http://localhost/", { method: "POST", headers: { "Content-Type": "multipart/form-data" }, body: "x" });
    expect((await receiveUpload(noBoundary, dir)).problem).toBe("unreadable");
    const garbage = uploadRequest(Buffer.from("this is not multipart at all"));
    const result = await receiveUpload(garbage, dir);
    expect(result.file).toBeNull();
    expect(filesIn(dir)).toEqual([]);
  });

  it("answers a body cut off inside a file part it ignores with a problem, and the process carries on", async () => {
    // Found by fuzzing: busboy's "Unexpected end of form" on an ignored file part had no listener
    // and took the whole server down (an unhandled 'error' event).
    const dir = tempDir();
    for (const part of ['name="other"; filename="a.pdf"', 'name="file"; filename=""']) {
      const cut = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; ${part}\r\n\r\n%PDF-1.4 and then nothing`);
      expect((await receiveUpload(uploadRequest(cut), dir)).problem).toBe("unreadable");
    }
    expect(filesIn(dir)).toEqual([]);
  });

  it("takes one file at a time", async () => {
    const dir = tempDir();
    const body = multipartBody([
      { name: "file", filename: "a.pdf", data: samplePdf },
      { name: "file", filename: "b.pdf", data: samplePdf },
    ]);
    expect(await receiveUpload(uploadRequest(body), dir)).toMatchObject({ file: null, problem: "oneAtATime" });
    expect(filesIn(dir)).toEqual([]);
  });
});

describe("storeUpload", () => {
  it("stores each allowed kind under a random key, with the type found in its content", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    const cases = [
      { name: "letter.pdf", data: samplePdf, type: "application/pdf" },
      { name: "photo.jpeg", data: sampleJpeg, type: "image/jpeg" },
      // Named wrongly and sent with a wrong type by the browser: the content decides.
      { name: "screenshot.txt", data: samplePng, type: "image/png", stored: "screenshot.txt.png" },
      { name: "Minutes.doc", data: sampleCfb, type: "application/msword" },
      { name: "Plan.docx", data: sampleDocx, type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
    ];
    for (const c of cases) {
      const result = await upload(db, dir, draft.id, c.name, c.data, "text/plain");
      expect(result, c.name).toMatchObject({ ok: true });
    }
    const rows = listAttachments(db, { draftId: draft.id });
    expect(rows.map((r) => [r.originalName, r.contentType])).toEqual(cases.map((c) => [c.stored ?? c.name, c.type]));
    for (const row of rows) {
      expect(row.storageKey).toMatch(/^[a-f0-9]{32}$/);
      expect(row.representationId).toBeNull();
      expect(fs.readFileSync(path.join(dir, row.storageKey)).length).toBe(row.sizeBytes);
    }
    expect(filesIn(path.join(dir, ".incoming"))).toEqual([]);
  });

  it("refuses other kinds by their content, whatever their name, and keeps nothing", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    const refused = [
      { name: "photo.jpg", data: sampleExe },
      { name: "animation.gif", data: sampleGif },
      { name: "sheet.docx", data: sampleXlsx },
      { name: "archive.docx", data: sampleZip },
      { name: "budget.xls", data: sampleCfb },
      { name: "notes.pdf", data: Buffer.from("just some text, not a PDF") },
    ];
    for (const c of refused) expect(await upload(db, dir, draft.id, c.name, c.data, "application/pdf"), c.name).toEqual({ ok: false, problem: "wrongType" });
    expect(await upload(db, dir, draft.id, "empty.pdf", Buffer.alloc(0))).toEqual({ ok: false, problem: "empty" });
    expect(listAttachments(db, { draftId: draft.id })).toEqual([]);
    expect(filesIn(dir)).toEqual([]);
  });

  it("keeps at most five files on a draft", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    for (let i = 1; i <= ATTACHMENT_LIMITS.maxFiles; i += 1) expect(await upload(db, dir, draft.id, `${i}.png`, samplePng)).toMatchObject({ ok: true });
    expect(await upload(db, dir, draft.id, "6.png", samplePng)).toEqual({ ok: false, problem: "tooMany" });
    expect(listAttachments(db, { draftId: draft.id })).toHaveLength(ATTACHMENT_LIMITS.maxFiles);
    expect(filesIn(dir)).toHaveLength(ATTACHMENT_LIMITS.maxFiles);
    // Another draft has its own five.
    expect(await upload(db, dir, createDraft(db).id, "other.png", samplePng)).toMatchObject({ ok: true });
  });

  it("cleans the name it keeps", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    const result = await upload(db, dir, draft.id, "C:\\Users\\sam\\evil\u202Egpj.exe", sampleJpeg);
    expect(result).toMatchObject({ ok: true, attachment: { originalName: "evilgpj.exe.jpg" } });
  });
});

describe("removing, sending and purging", () => {
  it("removes a draft's file, but not another draft's", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const mine = createDraft(db);
    const theirs = createDraft(db);
    const a = await upload(db, dir, mine.id, "a.pdf", samplePdf);
    const b = await upload(db, dir, theirs.id, "b.pdf", samplePdf);
    if (!a.ok || !b.ok) throw new Error("upload failed");
    expect(removeDraftAttachment(db, dir, mine.id, b.attachment.id)).toBe(false);
    expect(removeDraftAttachment(db, dir, mine.id, a.attachment.id)).toBe(true);
    expect(listAttachments(db, { draftId: mine.id })).toEqual([]);
    expect(fs.existsSync(path.join(dir, a.attachment.storageKey))).toBe(false);
    expect(fs.existsSync(path.join(dir, b.attachment.storageKey))).toBe(true);
  });

  it("moves a draft's files to the representation inside the caller's transaction", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    await upload(db, dir, draft.id, "a.pdf", samplePdf);
    await upload(db, dir, draft.id, "b.png", samplePng);
    const rep = insertRepresentation(db);

    // A transaction that fails leaves them on the draft.
    expect(() =>
      db.transaction((tx) => {
        attachDraftFilesToRepresentation(tx, draft.id, rep.id);
        throw new Error("sending failed");
      }),
    ).toThrow("sending failed");
    expect(listAttachments(db, { draftId: draft.id })).toHaveLength(2);

    expect(db.transaction((tx) => attachDraftFilesToRepresentation(tx, draft.id, rep.id))).toBe(2);
    expect(listAttachments(db, { draftId: draft.id })).toEqual([]);
    expect(attachmentsForRepresentation(db, rep.id).map((a) => [a.name, a.href])).toEqual([
      ["a.pdf", expect.stringMatching(/^\/staff\/attachments\/\d+$/)],
      ["b.png", expect.stringMatching(/^\/staff\/attachments\/\d+$/)],
    ]);
  });

  it("deletes the files of purged drafts, and keeps sent ones and recent uploads", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const long_ago = new Date("2026-01-01T10:00:00Z");
    const old = createDraft(db, long_ago);
    const sent = createDraft(db, long_ago);
    const oldFile = await upload(db, dir, old.id, "old.pdf", samplePdf);
    const sentFile = await upload(db, dir, sent.id, "sent.pdf", samplePdf);
    if (!oldFile.ok || !sentFile.ok) throw new Error("upload failed");
    db.transaction((tx) => attachDraftFilesToRepresentation(tx, sent.id, insertRepresentation(tx).id));
    // A crash left half an upload behind.
    fs.writeFileSync(path.join(dir, ".incoming", "0123456789abcdef0123456789abcdef"), "partial");

    const later = new Date();
    expect(purgeIdleDrafts(db, new Date(later.getTime() + 8 * 24 * 60 * 60 * 1000))).toBe(2);
    expect(db.select().from(attachments).where(eq(attachments.id, oldFile.attachment.id)).get()).toBeUndefined();

    // Just written: left alone in case its row is being written right now.
    expect(deleteOrphanedAttachmentFiles(db, dir)).toBe(0);
    expect(deleteOrphanedAttachmentFiles(db, dir, { now: new Date(later.getTime() + 2 * 60 * 60 * 1000) })).toBe(2);
    expect(filesIn(dir)).toEqual([sentFile.attachment.storageKey]);
    expect(deleteOrphanedAttachmentFiles(db, path.join(dir, "never-created"))).toBe(0);
  });
});

describe("findAttachmentForStaff", () => {
  it("finds sent files for staff who may see the case, and nothing else", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    const onDraft = await upload(db, dir, draft.id, "draft.pdf", samplePdf);
    const toSend = createDraft(db);
    const sentUpload = await upload(db, dir, toSend.id, "sent.pdf", samplePdf);
    if (!onDraft.ok || !sentUpload.ok) throw new Error("upload failed");
    const team = db.insert(teams).values({ name: "Fostering test team" }).returning().get();
    const rep = insertRepresentation(db, { teamId: team.id });
    attachDraftFilesToRepresentation(db, toSend.id, rep.id);

    const officer = { id: 1, role: "complaints-officer" };
    const found = findAttachmentForStaff(db, dir, officer, sentUpload.attachment.id);
    expect(found?.attachment.originalName).toBe("sent.pdf");
    expect(fs.readFileSync(found?.path ?? "")).toEqual(samplePdf);

    expect(findAttachmentForStaff(db, dir, officer, onDraft.attachment.id)).toBeNull();
    expect(findAttachmentForStaff(db, dir, officer, 999_999)).toBeNull();

    const manager = db
      .insert(staffUsers)
      .values({ email: "tm@example.test", name: "Team Manager", role: "team-manager", passwordHash: "x" })
      .returning()
      .get();
    expect(findAttachmentForStaff(db, dir, manager, sentUpload.attachment.id)).toBeNull();
    db.insert(staffTeamMembers).values({ staffUserId: manager.id, teamId: team.id }).run();
    expect(findAttachmentForStaff(db, dir, manager, sentUpload.attachment.id)).not.toBeNull();

    fs.unlinkSync(found?.path ?? "");
    expect(findAttachmentForStaff(db, dir, officer, sentUpload.attachment.id)).toBeNull();
  });
});

describe("openAttachmentForStaff", () => {
  it("audits each download, and the row is on the case's own trail", async () => {
    const db = await createTestDb();
    const dir = tempDir();
    const draft = createDraft(db);
    const sent = await upload(db, dir, draft.id, "letter.pdf", samplePdf);
    const other = await upload(db, dir, createDraft(db).id, "other.pdf", samplePdf);
    if (!sent.ok || !other.ok) throw new Error("upload failed");
    const rep = insertRepresentation(db);
    attachDraftFilesToRepresentation(db, draft.id, rep.id);
    const manager = db.insert(staffUsers).values({ email: "cm@example.test", name: "Casey Manager", role: "complaints-manager", passwordHash: "x" }).returning().get();
    const reader = { id: manager.id, role: "complaints-manager" };

    // Nothing opened, nothing written: a file still on a draft is not found and not audited.
    expect(openAttachmentForStaff(db, dir, reader, other.attachment.id)).toBeNull();
    expect(openAttachmentForStaff(db, dir, reader, sent.attachment.id)?.attachment.originalName).toBe("letter.pdf");

    const trail = caseAudit(db, reader, rep.reference)?.rows ?? [];
    expect(trail.map((r) => [r.action, r.entity, r.entityId, r.staffName])).toEqual([["attachment.downloaded", "attachment", String(sent.attachment.id), "Casey Manager"]]);
    expect(trail[0]?.details).toEqual({ representationId: rep.id });
  });
});
