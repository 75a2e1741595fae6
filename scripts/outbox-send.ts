import { config } from "../app/services/config.server";
import { getDb } from "../app/services/db.server";
import { mailerFor } from "../app/services/mailer.server";
import { deliverDueEmails } from "../app/services/outbox.server";

const mailer = mailerFor(config());
const report = await deliverDueEmails(getDb(), mailer, { from: config().mailFrom, batchSize: 500 });
mailer.close();
console.log(`${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed`);
