import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";
import { seedDatabase } from "../db/seed";

const db = getDb();
migrateDatabase(db);
await seedDatabase(db, { demo: config().demoMode, publicUrl: config().publicUrl });
console.log(`Seeded ${config().databaseFile}${config().demoMode ? " with demo data" : ""}`);
