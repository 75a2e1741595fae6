/**
 * The rules for files a person attaches to their complaint: how many, how large, which kinds,
 * and what is kept of the name they gave. Pure: the bytes are read by the service, which passes
 * in what `file-type` detected from them. A file's kind is decided by its content, never by its
 * name or by what the browser said it was.
 */

export const ATTACHMENT_LIMITS = {
  /** Files per draft (and so per complaint sent from the e-form). */
  maxFiles: 5,
  /** Bytes per file. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Characters kept of a file's name. */
  maxNameLength: 100,
} as const;

/**
 * Bytes an upload request may carry: one file at the limit plus room for the multipart framing
 * and the form's few small fields. Anything larger is refused without reading it all.
 */
export const MAX_UPLOAD_REQUEST_BYTES = ATTACHMENT_LIMITS.maxFileBytes + 64 * 1024;

export type AttachmentKind = "pdf" | "jpeg" | "png" | "doc" | "docx";

export const ATTACHMENT_KINDS: Record<AttachmentKind, { contentType: string; extensions: readonly string[] }> = {
  pdf: { contentType: "application/pdf", extensions: [".pdf"] },
  jpeg: { contentType: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  png: { contentType: "image/png", extensions: [".png"] },
  doc: { contentType: "application/msword", extensions: [".doc"] },
  docx: { contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"] },
};

/** For the file input's `accept`: a convenience for choosing files, never the judge. */
export const ACCEPT_ATTRIBUTE = Object.values(ATTACHMENT_KINDS)
  .flatMap((k) => k.extensions)
  .join(",");

/** What `file-type` found in the bytes (undefined when it recognised nothing). */
export interface DetectedType {
  ext: string;
  mime: string;
}

/**
 * The kind of an upload from its detected content. A Word 97-2003 document is a Compound File
 * (CFB) container, as are Excel, PowerPoint, Outlook messages and installers, which cannot be
 * told apart by their first bytes: a CFB file is accepted only when its name also ends ".doc".
 */
export function kindOf(detected: DetectedType | undefined, originalName: string): AttachmentKind | null {
  if (!detected) return null;
  switch (detected.ext) {
    case "pdf":
      return detected.mime === "application/pdf" ? "pdf" : null;
    case "jpg":
      return detected.mime === "image/jpeg" ? "jpeg" : null;
    case "png":
      return detected.mime === "image/png" ? "png" : null;
    case "docx":
      return "docx";
    case "cfb":
      return /\.doc$/i.test(originalName.trim()) ? "doc" : null;
    default:
      return null;
  }
}

// C0 and C1 controls, and the invisible formatting characters (bidirectional overrides such as
// U+202E, zero-width joiners) that can make "gpj.exe" read as "exe.jpg".
const CONTROL_OR_FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

/**
 * The name to keep and show: no folders, no control or invisible formatting characters, no
 * characters Windows refuses in names, at most `maxNameLength` characters, and ending in an
 * extension that matches what the file really is.
 */
export function cleanFileName(raw: string, kind: AttachmentKind): string {
  const { extensions } = ATTACHMENT_KINDS[kind];
  const canonical = extensions[0] as string;
  const lastPart = raw.normalize("NFC").split(/[/\\]/).pop() ?? "";
  let name = lastPart
    .replace(CONTROL_OR_FORMAT, "")
    .replace(/[<>:"|?*]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  let ext = extensions.find((e) => name.toLowerCase().endsWith(e));
  if (ext) {
    name = name.slice(0, name.length - ext.length).replace(/[.\s]+$/, "");
  } else {
    ext = canonical;
  }
  const stemLimit = ATTACHMENT_LIMITS.maxNameLength - ext.length;
  // Cut by code points, so a surrogate pair is never split.
  const stem = Array.from(name).slice(0, stemLimit).join("").trim() || "file";
  return `${stem}${ext}`;
}

export type UploadProblem = "chooseFile" | "empty" | "tooLarge" | "tooMany" | "wrongType" | "oneAtATime" | "unreadable";

/** The i18next key (form namespace) of each problem's message. */
/** The HTTP status a refused upload is answered with: 413 for a file too large, else 400. */
export function problemStatus(problem: UploadProblem): 400 | 413 {
  return problem === "tooLarge" ? 413 : 400;
}

export function problemMessage(problem: UploadProblem): string {
  return `attachments.errors.${problem}`;
}

/** Whether one more file may be added to a draft that already holds `count`. */
export function hasRoomFor(count: number): boolean {
  return count < ATTACHMENT_LIMITS.maxFiles;
}

/** A size people can read: "830 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * A Content-Disposition header that makes the browser download the file under its cleaned name:
 * an ASCII fallback for old clients and the exact name in RFC 5987 / 6266 form.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%;]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
