// A real SMTP server for the end-to-end tests: it keeps what it receives in memory and lists it
// as JSON over HTTP, so a test can read the email a journey sent. Test use only.
import http from "node:http";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

const smtpPort = Number(process.env.MAIL_CATCHER_SMTP_PORT || 2526);
const httpPort = Number(process.env.MAIL_CATCHER_HTTP_PORT || 2527);

interface Caught {
  to: string[];
  subject: string;
  text: string;
  html: string;
  receivedAt: string;
}
const messages: Caught[] = [];

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? "",
          text: mail.text ?? "",
          html: typeof mail.html === "string" ? mail.html : "",
          receivedAt: new Date().toISOString(),
        });
        callback();
      })
      .catch((error: Error) => callback(error));
  },
});
smtp.listen(smtpPort, "127.0.0.1");

http
  .createServer((req, res) => {
    res.setHeader("Content-Type", "application/json");
    res.end(JSON.stringify(req.url === "/messages" ? messages : { ok: true }));
  })
  .listen(httpPort, "127.0.0.1");
