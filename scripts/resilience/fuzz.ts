// Property-based fuzzing (fast-check) of every public POST: malformed bodies of every kind get a
// 4xx or a redirect, never a 5xx, and afterwards the database holds nothing a form would refuse.
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { attachments, drafts, equalityResponses, outbox, representations } from "../../db/schema";
import { ATTACHMENT_LIMITS } from "../../app/domain/attachments";
import { equalityColumns, equalityQuestions, parseEqualityAnswer, type EqualityAnswers } from "../../app/domain/equality";
import { EMAIL, LIMITS } from "../../app/domain/form/fields";
import { isStepId, stepIds, stepSchema, type DraftAnswers, type StepId } from "../../app/domain/form/steps";
import { openDatabase } from "../../app/services/db.server";
import { journeyContext } from "../../app/services/journey.server";
import { cookieFor, prepareDrafts } from "./drafts";
import { agentOf, BASE_PORT, request, serverEnv, startServer, stopServer, workDir, type Figure, type Reply } from "./harness";

export interface FuzzOptions {
  bodiesPerRoute: number;
  connections?: number;
  seed?: number;
}

interface Target {
  path: string;
  /** Field names the page's own form uses, so some bodies get past the first checks. */
  fields: readonly string[];
  multipart?: boolean;
  /** Cookies a browser here might hold (none, nonsense, or a real draft). */
  cookies: readonly string[];
}

const VALUES = [
  "yes", "no", "not-sure", "complaint", "compliment", "comment", "parent", "young-person", "advocate", "relative", "email", "phone",
  "post", "date", "about", "dont-know", "1", "2", "14", "6", "2026", "0", "-1", "99999999999999999999", "a@b.example", "kit.f@example.com",
  "07700 900 982", "apology", "meeting", "upload", "continue", "remove", "prefer-not-to-say", "16-17", "officer@northshire.example", "",
];
const KEYS = ["__proto__", "constructor", "prototype", "a[b]", "x.y", "", " ", "intent", "_action", "website", "declaration", "email", "file", "id", "part"];

// Strings that break things: control characters, lone surrogates, bidi overrides, NUL, huge.
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom("\u0000", "\u202E\u2066evil", "\uD800", "\uDFFF\uD800", "%", "%ZZ", "%E0%A4%A", "&&&", "===", "+", "\r\n\r\n", "<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", "{{7*7}}", "../../etc/passwd"),
  fc.integer().map(String),
  fc.double().map(String),
  fc.nat({ max: 80_000 }).map((n) => "x".repeat(n)),
);

function fieldsArbitrary(target: Target) {
  const key = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...(target.fields.length ? target.fields : ["x"])) }, { weight: 2, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
  const value = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 3, arbitrary: nasty });
  // Duplicated keys come naturally: the same name may be drawn twice.
  return fc.array(fc.tuple(key, value), { maxLength: 12 });
}

const CONTENT_TYPES = [
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=UTF-8",
  "APPLICATION/X-WWW-FORM-URLENCODED",
  "application/x-www-form-urlencoded; charset=latin1",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=zzz",
  "application/json",
  "text/plain",
  "text/html; charset=utf-8",
  "application/xml",
  ";;;",
  "\u00ff/\u00fe",
];

interface Body {
  contentType: string | null;
  body: Buffer;
  query: string;
  cookie: string;
  extraHeaders: Array<[string, string]>;
}

function urlencodedBody(target: Target) {
  return fc.record({
    fields: fieldsArbitrary(target),
    encoding: fc.constantFrom("proper", "raw", "json", "bytes", "truncated"),
    bytes: fc.uint8Array({ maxLength: 300 }),
  }).map(({ fields, encoding, bytes }) => {
    switch (encoding) {
      case "proper":
        return Buffer.from(new URLSearchParams(fields).toString());
      case "raw":
        // Not encoded at all: stray %, &, = and raw bytes as they come.
        return Buffer.from(fields.map(([k, v]) => `${k}=${v}`).join("&"), "utf8");
      case "json":
        return Buffer.from(JSON.stringify(Object.fromEntries(fields)));
      case "bytes":
        return Buffer.concat([Buffer.from(new URLSearchParams(fields).toString()), Buffer.from(bytes)]);
      default: {
        const whole = new URLSearchParams(fields).toString();
        return Buffer.from(whole.slice(0, Math.max(0, whole.length - 2)) + "%E");
      }
    }
  });
}

const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201a2b5cd6a0000000049454e44ae426082", "hex");

function multipartBody() {
  const part = fc.oneof(
    fc.record({ kind: fc.constant("field" as const), name: fc.oneof(fc.constantFrom("intent", "id", "file", "x"), fc.string({ maxLength: 10 })), value: fc.oneof(fc.constantFrom("upload", "continue", "remove", "1", ""), nasty) }),
    fc.record({
      kind: fc.constant("file" as const),
      name: fc.constantFrom("file", "file", "other"),
      filename: fc.oneof(fc.constantFrom("a.png", "a.pdf", "../../x.png", "", "a\u0000.png", "\u202Egnp.exe"), fc.string({ maxLength: 30 })),
      type: fc.constantFrom("image/png", "application/pdf", "text/html", "", "application/octet-stream"),
      content: fc.oneof(fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)), fc.constant(PNG), fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.from(b)]))),
    }),
  );
  return fc.record({
    parts: fc.array(part, { maxLength: 6 }),
    boundary: fc.oneof(fc.constant("fuzzboundary"), fc.string({ minLength: 1, maxLength: 70 })),
    headerBoundary: fc.constantFrom("same", "other", "none"),
    cut: fc.option(fc.nat(), { nil: null }),
    closing: fc.boolean(),
  }).map(({ parts, boundary, headerBoundary, cut, closing }) => {
    const chunks: Buffer[] = [];
    for (const p of parts) {
      chunks.push(Buffer.from(`--${boundary}\r\n`));
      if (p.kind === "field") chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
      else {
        chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"; filename="${p.filename}"\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ""}\r\n`));
        chunks.push(p.content, Buffer.from("\r\n"));
      }
    }
    if (closing) chunks.push(Buffer.from(`--${boundary}--\r\n`));
    let body = Buffer.concat(chunks);
    if (cut !== null && body.length > 0) body = body.subarray(0, cut % body.length);
    const type = headerBoundary === "none" ? "multipart/form-data" : `multipart/form-data; boundary=${headerBoundary === "same" ? boundary : "something-else"}`;
    return { type, body };
  });
}

function bodyArbitrary(target: Target): fc.Arbitrary<Body> {
  const payload = target.multipart
    ? fc.oneof({ weight: 4, arbitrary: multipartBody() }, { weight: 1, arbitrary: urlencodedBody(target).map((body) => ({ type: "application/x-www-form-urlencoded", body })) })
    : urlencodedBody(target).map((body) => ({ type: "application/x-www-form-urlencoded", body }));
  return fc.record({
    payload,
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant("as-built") }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(null) }),
    // Remix's own fetches (JavaScript on) ask for data with ?_data; the rest are plain form posts.
    query: fc.constantFrom("", "", "", "?change=true", "?part=0", "?part=1", "?part=99", "?part=-1", "?_index", "?change=true&part=1"),
    // With JavaScript on, Remix (single fetch) posts to the same path with ".data" added.
    suffix: fc.constantFrom("", "", "", ".data"),
    cookie: fc.constantFrom(...target.cookies),
    origin: fc.constantFrom(null, null, `http://localhost:${BASE_PORT}`),
  }).map(({ payload, contentType, query, suffix, cookie, origin }) => ({
    contentType: contentType === "as-built" ? payload.type : contentType,
    body: payload.body,
    query: `${suffix}${query}`,
    cookie,
    extraHeaders: origin ? [["Origin", origin]] : [],
  }));
}

function fieldNamesOf(step: StepId): string[] {
  const schema = stepSchema(step, { answers: {}, teams: [] }) as unknown as { _zod: { def: { shape?: Record<string, unknown> } } };
  return Object.keys(schema._zod.def.shape ?? {});
}

/** Is a draft's stored answer one the form could have kept? A finished page parses whole; a page part-way through easy read's one question at a time has errors only on questions not yet asked. */
function storedAnswerProblem(step: string, value: unknown, answers: DraftAnswers, context: ReturnType<typeof journeyContext>): string | null {
  if (!isStepId(step)) return `unknown page ${JSON.stringify(step).slice(0, 40)}`;
  const result = stepSchema(step, { ...context, answers }).safeParse(value);
  if (result.success) return null;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return `${step}: not an object`;
  const known = new Set(fieldNamesOf(step));
  const stored = value as Record<string, unknown>;
  const unknownKey = Object.keys(stored).find((k) => !known.has(k));
  if (unknownKey !== undefined) return `${step}: unknown field ${JSON.stringify(unknownKey).slice(0, 40)}`;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "");
    const answered = stored[field] !== undefined && stored[field] !== "";
    if (answered || field === "") return `${step}.${field}: ${issue.message}`;
  }
  return null;
}

export async function runFuzz({ bodiesPerRoute, connections = 16, seed = 8 }: FuzzOptions): Promise<Figure[]> {
  const dir = workDir("fuzz");
  const env = serverEnv(dir);
  const server = await startServer(env, path.join(dir, "server.log"));
  const agent = agentOf(connections);
  try {
    const file = env.DATABASE_FILE!;
    const db = openDatabase(file);
    const count = (table: typeof representations | typeof outbox) => db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;
    const nonsense = [(await cookieFor("x".repeat(43))).replace(/=.*/, "=bm9uc2Vuc2U"), "speakup_draft=%%%; speakup_draft=e30=", "speakup_draft=" + "A".repeat(5000)];

    // A sent draft, for the equality questions, and a "come back later" link for its page.
    const [sent] = await prepareDrafts(file, 1, 0);
    const sentReply = await request({ method: "POST", path: "/form/check-answers", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: sent!.cookie }, body: "declaration=yes", agent });
    if (sentReply.location !== "/form/sent") throw new Error(`could not send the setup draft: ${sentReply.status}`);
    const [saving] = await prepareDrafts(file, 1, 4);
    await request({ method: "POST", path: "/form/save", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: saving!.cookie }, body: "email=kit.f%40example.com", agent });
    const link = db.select({ text: outbox.textBody }).from(outbox).all().map((r) => /\/form\/return\/([A-Za-z0-9_-]+)/.exec(r.text)?.[1]).find(Boolean);
    if (!link) throw new Error("no return link was written to the outbox");

    const representationsBefore = count(representations);
    // Each route gets its own drafts (one of each kind of journey), as fuzzing changes them.
    let next = 100;
    const draftCookies = async () => (await prepareDrafts(file, 4, (next += 4))).map((d) => d.cookie);
    const targets: Target[] = [];
    for (const step of stepIds.filter((s) => s !== "attachments")) {
      targets.push({ path: `/form/${step}`, fields: fieldNamesOf(step), cookies: ["", ...nonsense, ...(await draftCookies())] });
    }
    targets.push({ path: "/form/attachments", fields: ["intent", "id", "file"], multipart: true, cookies: ["", ...nonsense, ...(await draftCookies())] });
    targets.push({ path: "/form/check-answers", fields: ["declaration", "website"], cookies: ["", ...nonsense, ...(await draftCookies())] });
    targets.push({ path: "/form/save", fields: ["email", "from"], cookies: ["", ...nonsense, ...(await draftCookies())] });
    targets.push({ path: `/form/return/${link}`, fields: [], cookies: ["", ...nonsense] });
    targets.push({ path: "/form/return/not-a-real-link", fields: [], cookies: ["", ...nonsense] });
    for (const question of equalityQuestions) targets.push({ path: `/equality/${question}`, fields: ["answer"], cookies: ["", ...nonsense, sent!.cookie, sent!.cookie] });
    // Staff pages anyone can post to before signing in.
    targets.push({ path: "/staff/sign-in", fields: ["email", "password", "redirectTo"], cookies: ["", ...nonsense] });
    targets.push({ path: "/staff/sign-in/code", fields: ["code"], cookies: ["", ...nonsense] });
    targets.push({ path: "/staff/password-reset", fields: ["email"], cookies: ["", ...nonsense] });
    targets.push({ path: "/staff/password-reset/not-a-real-token", fields: ["password", "confirmPassword"], cookies: ["", ...nonsense] });
    targets.push({ path: "/staff/invitation/not-a-real-token", fields: ["password", "confirmPassword"], cookies: ["", ...nonsense] });

    const serverErrors: string[] = [];
    const networkErrors: string[] = [];
    const statuses = new Map<number, number>();
    let sendsAcknowledged = 0;
    let resets = 0;
    let total = 0;
    const started = Date.now();
    for (const [t, target] of targets.entries()) {
      const bodies = fc.sample(bodyArbitrary(target), { numRuns: bodiesPerRoute, seed: seed + t });
      let index = 0;
      const worker = async () => {
        while (index < bodies.length) {
          const b = bodies[index++]!;
          const headers: Array<[string, string]> = [...b.extraHeaders];
          if (b.contentType !== null) headers.push(["Content-Type", b.contentType]);
          if (b.cookie) headers.push(["Cookie", b.cookie]);
          const send = (via: typeof agent | false) => request({ method: "POST", path: `${target.path}${b.query}`, headers, body: b.body, agent: via, timeoutMs: 30_000 });
          let reply: Reply;
          try {
            reply = await send(agent);
          } catch {
            // A kept-alive connection can be closed by the server just as it is reused: once more,
            // on a new connection. Failing twice is counted.
            resets += 1;
            if (resets <= 3) console.log(`  fuzz reset, tried again: ${target.path}${b.query} (${b.contentType ?? "no type"}, ${b.body.length} bytes)`);
            try {
              reply = await send(false);
            } catch (error) {
              networkErrors.push(`${target.path}${b.query}: ${(error as Error).message} (${b.contentType ?? "no type"}, ${b.body.length} bytes)`);
              continue;
            }
          }
          total += 1;
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
          if (reply.status >= 500) serverErrors.push(`${reply.status} ${target.path}${b.query} ${b.contentType ?? "(no type)"} ${JSON.stringify(b.body.subarray(0, 120).toString("latin1"))}`);
          if (target.path === "/form/check-answers" && reply.location === "/form/sent") sendsAcknowledged += 1;
        }
      };
      await Promise.all(Array.from({ length: connections }, worker));
    }
    const seconds = (Date.now() - started) / 1000;

    // What the database holds after all that.
    const problems: string[] = [];
    for (const row of db.select().from(drafts).all()) {
      const answers = row.answers as DraftAnswers;
      const context = journeyContext(db, answers);
      for (const [step, value] of Object.entries(answers)) {
        const problem = storedAnswerProblem(step, value, answers, context);
        if (problem) problems.push(`draft: ${problem}`);
      }
    }
    const files = db.select().from(attachments).all();
    const perDraft = new Map<string, number>();
    for (const a of files) {
      if (a.draftId) perDraft.set(a.draftId, (perDraft.get(a.draftId) ?? 0) + 1);
      if (!fs.existsSync(path.join(env.ATTACHMENTS_DIR!, a.storageKey))) problems.push(`attachment ${a.id}: no file`);
      if (a.sizeBytes > ATTACHMENT_LIMITS.maxFileBytes) problems.push(`attachment ${a.id}: too large`);
    }
    for (const [, n] of perDraft) if (n > ATTACHMENT_LIMITS.maxFiles) problems.push(`a draft holds ${n} files`);
    for (const row of db.select().from(equalityResponses).all()) {
      const answers = row as unknown as EqualityAnswers;
      for (const question of equalityQuestions) {
        const value = answers[equalityColumns[question]];
        if (value != null && parseEqualityAnswer(question, answers, value) !== value) problems.push(`equality ${question}: ${JSON.stringify(value).slice(0, 40)}`);
      }
    }
    for (const row of db.select({ to: outbox.toAddress }).from(outbox).all()) {
      if (row.to.length > LIMITS.email || !EMAIL.test(row.to)) problems.push(`outbox: an email to ${JSON.stringify(row.to).slice(0, 40)}`);
    }
    const created = count(representations) - representationsBefore;
    db.$client.close();

    for (const e of [...new Set(serverErrors)].slice(0, 10)) console.log(`  fuzz 5xx: ${e}`);
    for (const e of networkErrors.slice(0, 5)) console.log(`  fuzz network: ${e}`);
    for (const p of [...new Set(problems)].slice(0, 10)) console.log(`  fuzz stored: ${p}`);
    const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(" ");
    return [
      {
        part: "fuzz",
        figure: `${targets.length} public POST routes × ${bodiesPerRoute} malformed bodies = ${total} requests in ${seconds.toFixed(0)}s (${(total / seconds).toFixed(0)} requests/s): ${serverErrors.length} 5xx, ${networkErrors.length} connection errors (${resets} resets answered on a second try) [${byStatus}]`,
        ok: serverErrors.length === 0 && networkErrors.length === 0 && total === targets.length * bodiesPerRoute,
      },
      {
        part: "fuzz",
        figure: `stored afterwards: ${problems.length} invalid draft answers, files, equality answers or email addresses; ${created} records created, each by a body that was a valid send (${sendsAcknowledged} acknowledged)`,
        ok: problems.length === 0 && created === sendsAcknowledged,
      },
    ];
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}
