// `npm run backup`: a consistent copy of the live database and its attached files, safe while the
// server runs. Prints where it went and counts only, never anything from the records.
import { createBackup } from "../app/services/backup.server";
import { config } from "../app/services/config.server";

const { databaseFile, attachmentsDir, backupDir, backupKeep } = config();
try {
  const result = await createBackup({ databaseFile, attachmentsDir, backupDir, keep: backupKeep });
  const m = result.manifest;
  console.log(`Backed up to ${result.dir}`);
  console.log(`${m.counts.representations ?? 0} representations, ${m.attachments.length} attached files; integrity check ok`);
  if (result.deleted.length) console.log(`Deleted ${result.deleted.length} older backup(s), keeping the newest ${backupKeep}`);
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
