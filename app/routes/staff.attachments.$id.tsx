import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { attachmentDisposition } from "~/domain/attachments";
import { openAttachmentForStaff } from "~/services/attachments.server";
import { requireStaff } from "~/services/auth.server";
import { config } from "~/services/config.server";
import { getDb } from "~/services/db.server";

/**
 * Opens a file attached to a sent case, for staff who may see the case. Always a download, never
 * shown inline, so a crafted file cannot run in the back office's origin. Unknown ids, files still
 * on a draft and cases this person may not see are all "not found".
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const staff = await requireStaff(db, request, "cases.view");
  const id = Number(params.id);
  const found = /^\d{1,15}$/.test(params.id ?? "") ? openAttachmentForStaff(db, config().attachmentsDir, staff, id) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  const { attachment } = found;
  return new Response(createReadableStreamFromReadable(fs.createReadStream(found.path)), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.sizeBytes),
      "Content-Disposition": attachmentDisposition(attachment.originalName),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
