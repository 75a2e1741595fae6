import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";

migrateDatabase(getDb());
console.log(`Migrated ${config().databaseFile}`);
