// `npm run restore -- <backup folder> [--force]`: checks the backup, then puts its database and
// files in place of those named by DATABASE_FILE and ATTACHMENTS_DIR, keeping the old ones aside.
// Stop the server first.
import path from "node:path";
import { restoreBackup } from "../app/services/backup.server";
import { config } from "../app/services/config.server";

const args = process.argv.slice(2);
const force = args.includes("--force");
const folders = args.filter((a) => a !== "--force");
if (folders.length !== 1 || folders[0]?.startsWith("--")) {
  console.error("Usage: npm run restore -- <backup folder> [--force]");
  process.exit(2);
}

const { databaseFile, attachmentsDir } = config();
try {
  const result = restoreBackup({ from: path.resolve(folders[0] as string), databaseFile, attachmentsDir, force });
  const m = result.manifest;
  console.log(`Restored the backup taken at ${m.createdAt} to ${databaseFile} and ${attachmentsDir}`);
  console.log(`${m.counts.representations ?? 0} representations, ${m.attachments.length} attached files; checksums and integrity check ok`);
  if (result.keptAside.database) console.log(`The database that was there is kept at ${result.keptAside.database}`);
  if (result.keptAside.attachments) console.log(`The files that were there are kept at ${result.keptAside.attachments}`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
