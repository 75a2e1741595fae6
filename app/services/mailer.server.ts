import fs from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";

export interface OutgoingMail {
  from: string;
  /** Where replies go: the complaints team's address from settings. */
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Sends through the SMTP server at `smtpUrl` (smtp:// or smtps://, credentials in the URL). */
export function smtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail(mail);
    },
    close() {
      transport.close();
    },
  };
}

/** With no SMTP server configured, each email becomes an .eml file a newcomer can open. */
export function fileMailer(directory: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      await fs.mkdir(directory, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${Math.random().toString(36).slice(2, 8)}.eml`;
      await fs.writeFile(path.join(directory, name), info.message as Buffer);
    },
    close() {
      transport.close();
    },
  };
}

export function mailerFor(config: { smtpUrl: string | null; mailDir: string }): Mailer {
  return config.smtpUrl ? smtpMailer(config.smtpUrl) : fileMailer(config.mailDir);
}
