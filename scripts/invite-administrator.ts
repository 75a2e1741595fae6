// Makes the first administrator of a new installation (no accounts are seeded outside demo mode):
//   npm run staff:invite-admin -- someone@council.gov.uk "Their Name"
// The invitation is emailed through the outbox as usual; the link is also printed here, for an
// installation whose email is not working yet. It works once, for 7 days.
import { inviteStaff } from "../app/services/accounts.server";
import { config } from "../app/services/config.server";
import { getDb, migrateDatabase } from "../app/services/db.server";

const [email, name] = process.argv.slice(2);
if (!email || !name || !/^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/.test(email)) {
  console.error('Usage: npm run staff:invite-admin -- email@example.org "Full Name"');
  process.exit(2);
}
const db = getDb();
migrateDatabase(db);
const result = inviteStaff(db, { actorId: null, email, name, roles: ["administrator"], teamIds: [], totpRequired: null, publicUrl: config().publicUrl });
if (result.outcome === "exists") {
  console.error("There is already an account with this email address.");
  process.exit(1);
}
console.log(`Invitation queued for ${email}. The link, valid once for 7 days:\n${result.link}`);
