import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { encryptStoredTotpSecrets } from "../app/services/totp.server";

migrateDatabase(getDb());
encryptStoredTotpSecrets(getDb());
console.log(`Migrated ${config().databaseFile}`);
