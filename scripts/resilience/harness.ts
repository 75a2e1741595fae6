// The pieces every resilience part shares: the built server as a child process, a real SMTP
// server on loopback, an HTTP client with many connections, and a read of the database.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { SMTPServer } from "smtp-server";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Ports: the server on BASE, the SMTP server on BASE + 1. */
export const BASE_PORT = Number(process.env.RESILIENCE_PORT || 3371);
export const SMTP_PORT = BASE_PORT + 1;

/**
 * The server's environment, in one place: the same settings as the end-to-end server
 * (playwright.config.ts). A setting the server comes to require goes here and nowhere else.
 */
export function serverEnv(dir: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORT: String(BASE_PORT),
    HOST: "127.0.0.1",
    DATABASE_FILE: path.join(dir, "resilience.sqlite"),
    ATTACHMENTS_DIR: path.join(dir, "attachments"),
    MAIL_DIR: path.join(dir, "mail"),
    DEMO_MODE: "true",
    // nodemailer's pooled transport keeps connections open between emails (each new connection
    // costs about 100ms here); a council with much mail would set it the same way.
    SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}?pool=true`,
    OUTBOX_INTERVAL_MS: "200",
    PUBLIC_URL: `http://localhost:${BASE_PORT}`,
    NODE_ENV: "production",
    // Every request comes from 127.0.0.1; the limit itself is proven in test/routes/send-limit.test.ts.
    SENDS_PER_HOUR_PER_ADDRESS: "1000000",
    ...extra,
  };
}

/** A fresh working directory for one part; kept after a failure for a look at the server log. */
export function workDir(part: string): string {
  const dir = path.join(ROOT, "data", "resilience", part);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export interface RunningServer {
  child: ChildProcess;
  exited: Promise<number | null>;
}

/**
 * Starts server/index.ts (as `npm start` does after building) and waits until it answers. Node
 * loads tsx itself, so the child is the server: `tsx server/index.ts` would put a second process
 * between, and a kill -9 of tsx would leave the real server running.
 */
export async function startServer(env: Record<string, string>, logFile: string): Promise<RunningServer> {
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: ["ignore", log, log] });
  fs.closeSync(log);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} during start (see ${logFile})`);
    if (Date.now() - started > 60_000) throw new Error(`server did not answer within 60s (see ${logFile})`);
    const ok = await request({ method: "GET", path: "/privacy", agent: false }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { child, exited };
    await sleep(200);
  }
}

export async function stopServer(server: RunningServer): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  const timeout = sleep(10_000).then(() => "timeout" as const);
  if ((await Promise.race([server.exited, timeout])) === "timeout") server.child.kill("SIGKILL");
  await server.exited;
}

export async function killServer(server: RunningServer): Promise<void> {
  if (server.child.pid) process.kill(server.child.pid, "SIGKILL");
  await server.exited;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Reply {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

export interface RequestOptions {
  method: "GET" | "POST";
  path: string;
  headers?: http.OutgoingHttpHeaders | Array<[string, string]>;
  body?: Buffer | string;
  agent: http.Agent | false;
  timeoutMs?: number;
}

/** One HTTP request on loopback; headers may be a list, so a test can repeat or break them. */
export function request(options: RequestOptions): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers = Array.isArray(options.headers) ? headerObject(options.headers) : options.headers;
    // Host as a browser at PUBLIC_URL sends it, so an Origin of the server's own address matches.
    const req = http.request(
      { host: "127.0.0.1", port: BASE_PORT, method: options.method, path: options.path, headers: { host: `localhost:${BASE_PORT}`, ...headers }, agent: options.agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            location: res.headers.location ?? null,
            setCookie: res.headers["set-cookie"] ?? [],
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error("timeout")));
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A list of headers as Node takes them; a name given twice is sent twice. */
function headerObject(list: Array<[string, string]>): http.OutgoingHttpHeaders {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of list) {
    const key = name.toLowerCase();
    const before = headers[key];
    headers[key] = before === undefined ? value : [...(Array.isArray(before) ? before : [before]), value];
  }
  return headers;
}

export function agentOf(connections: number): http.Agent {
  return new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
}

/** Runs `work` for each item with at most `concurrency` in flight. */
export async function pool<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}

/** The reference shown on the confirmation or "already sent" page. */
export function referenceOn(html: string): string | null {
  return /data-testid="reference">(SU-[2-9A-HJ-NPR-Z]{4}-[2-9A-HJ-NPR-Z]{4})</.exec(html)?.[1] ?? /\b(SU-[2-9A-HJ-NPR-Z]{4}-[2-9A-HJ-NPR-Z]{4})\b/.exec(html)?.[1] ?? null;
}

/** A read-only look at the server's database (WAL: it sees what the server committed). */
export function readDb(file: string) {
  return new Database(file, { readonly: true, fileMustExist: true });
}

/**
 * A real SMTP server that counts what it accepts by Message-ID (the outbox sets
 * `<outbox-ID@speak-up>`), so a message delivered twice shows up as a count of 2.
 */
export class MailCatcher {
  readonly received = new Map<string, number>();
  private server: SMTPServer | null = null;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // No reverse DNS for each connection: it is loopback, and the lookups would slow the outbox.
      disableReverseLookup: true,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/)[0] ?? "";
          const id = /^message-id:\s*<([^>]+)>/im.exec(head)?.[1] ?? "(none)";
          this.received.set(id, (this.received.get(id) ?? 0) + 1);
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(SMTP_PORT, "127.0.0.1", () => resolve());
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** How many times each outbox row's email arrived. */
  countFor(outboxId: number): number {
    return this.received.get(`outbox-${outboxId}@speak-up`) ?? 0;
  }
}

/** Waits until `done()` holds, checking every `everyMs`, or gives up after `timeoutMs`. */
export async function waitFor(done: () => boolean, timeoutMs: number, everyMs = 500): Promise<boolean> {
  const started = Date.now();
  while (!done()) {
    if (Date.now() - started > timeoutMs) return false;
    await sleep(everyMs);
  }
  return true;
}

export interface Figure {
  part: string;
  figure: string;
  ok: boolean;
  /** Could not be measured on this machine (say, no way to the advisory database): shown, not passed. */
  unavailable?: boolean;
}
