// A database for measuring the inbox and the deadlines dashboard at scale (decision record 038):
// the real migrations and seed (with the demo accounts, so the bench can sign in), then N
// representations received over ten years, with persons, teams, responding managers, stages (most
// closed long ago, about 1% running with a next deadline around today), Stage 2 investigators and
// a few safeguarding concerns. Deterministic for a given --seed. Not for production.
//
//   npx tsx scripts/generate-representations.ts [--count 1000000] [--file .bench/x.sqlite] [--seed 1]
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type Database from "better-sqlite3";
import { seedDatabase } from "../db/seed";
import { addCalendarDays, formatIsoDate, isWorkingDay, type IsoDate } from "../app/domain/calendar";
import { generateReference } from "../app/domain/reference-number";
import { retentionDecision } from "../app/domain/retention";
import { defaultRetention } from "../app/domain/retention-settings";
import { relationships } from "../app/domain/representation";
import { migrateDatabase, openDatabase } from "../app/services/db.server";

const FIRST = ["Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Grace", "Hamza", "Isla", "Jack", "Kai", "Leah", "Mia", "Noah", "Olivia", "Priya", "Ravi", "Sofia", "Tom", "Uma", "Vera", "Will", "Yusuf", "Zara", "Amir", "Bethan", "Callum", "Daisy", "Eshan", "Freya", "Gethin", "Hana", "Ibrahim", "Jade", "Kacper", "Lola", "Maja", "Nadia", "Oscar", "Poppy", "Rhys", "Saanvi", "Tariq", "Wiktoria", "Zofia", "Aisha", "Bilal", "Chloe", "Dylan", "Erin"];
const LAST = ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Khan", "Ahmed", "Hussain", "Ali", "Kowalski", "Nowak", "Wisniewski", "Lewis", "Harris", "Martin", "Cooper", "Hughes", "Edwards", "Turner", "Hill", "Moore", "Baker", "Kaur", "Singh", "Begum", "Rahman", "Murphy", "Kelly", "Campbell", "Stewart", "Morris", "Ward", "Price", "Bennett", "Okafor", "Mensah", "Adeyemi", "Nguyen", "Chen", "Costa", "Silva", "Popescu", "Ionescu", "Horvath"];
const METHODS = ["E-form", "Young person's e-form", "Email", "Letter", "Telephone", "In person"];

/** mulberry32: a small seeded generator, so the same seed gives the same database. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  count: number;
  file: string;
  seed?: number;
  now?: Date;
  /** The demo accounts (for the bench to sign in as); tests leave them out, as seeding them is slow. */
  demo?: boolean;
  /** Called every 100,000 rows. */
  progress?: (done: number) => void;
}

export async function generateRepresentations(options: GenerateOptions): Promise<{ ms: number; bulkMs: number; stages: number }> {
  const started = performance.now();
  const now = options.now ?? new Date();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(options.file + suffix, { force: true });
  const db = openDatabase(options.file);
  migrateDatabase(db);
  await seedDatabase(db, { demo: options.demo ?? true, now });
  const sqlite = (db as unknown as { $client: Database.Database }).$client;
  // A throw-away file: no need to survive a power cut while it is written; a large page cache
  // keeps the indexes' random inserts (reference, trigram search) in memory until the commit.
  sqlite.pragma("journal_mode = OFF");
  sqlite.pragma("synchronous = OFF");
  sqlite.pragma("cache_size = -1000000");

  const random = seeded(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const today = formatIsoDate(now);

  // Working days from eleven years back to a year ahead, so a date N working days on is a lookup.
  const workingDays: IsoDate[] = [];
  for (let d = addCalendarDays(today, -11 * 366); d <= addCalendarDays(today, 366); d = addCalendarDays(d, 1)) if (isWorkingDay(d)) workingDays.push(d);
  const workingIndex = new Map(workingDays.map((d, i) => [d, i]));
  const onOrAfter = (d: IsoDate): number => {
    let day = d;
    while (!workingIndex.has(day)) day = addCalendarDays(day, 1);
    return workingIndex.get(day) as number;
  };
  const addWorking = (d: IsoDate, n: number) => workingDays[Math.min(workingDays.length - 1, onOrAfter(d) + n)] as IsoDate;

  const teamIds = sqlite.prepare("SELECT id FROM teams ORDER BY sort_order").all().map((t) => (t as { id: number }).id);
  const addStaff = sqlite.prepare("INSERT INTO staff_users (email, name, role, password_hash) VALUES (?, ?, ?, '!') RETURNING id");
  const addRole = sqlite.prepare("INSERT INTO staff_roles (staff_user_id, role) VALUES (?, ?)");
  const addMembership = sqlite.prepare("INSERT INTO staff_team_members (staff_user_id, team_id) VALUES (?, ?)");
  const addPerson = sqlite.prepare("INSERT INTO persons (name, email) VALUES (?, ?) RETURNING id");
  const addRepresentation = sqlite.prepare(`INSERT INTO representations
    (reference, kind, status, process, method_received, language, mode, received_at, received_on, person_name, person_relationship, person_email, child_name, answers,
     person_id, team_id, responding_manager_id, safeguarding, decided_at, closed_at, anonymised_at, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`);
  const addStage = sqlite.prepare(`INSERT INTO stages
    (representation_id, sequence, kind, state, started_on, requested_on, acknowledged_on, due_on, latest_on, next_due_on, handler_id, responded_on, closed_on)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`);
  const addStagePerson = sqlite.prepare("INSERT INTO stage_people (stage_id, role, staff_user_id) VALUES (?, 'investigating-officer', ?)");

  // Bulk loading: the non-unique indexes and the search index are built once at the end (sorting a
  // million keys once is far faster than inserting them one by one), from their own SQL as the
  // migrations wrote it. The triggers that copy the current stage onto its case stay on.
  const deferred = sqlite
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE ((type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%') OR name = 'representations_search_insert') AND tbl_name IN ('representations', 'stages', 'stage_people', 'persons') AND sql IS NOT NULL")
    .all() as Array<{ type: string; name: string; sql: string }>;
  for (const d of deferred) sqlite.exec(`DROP ${d.type === "index" ? "INDEX" : "TRIGGER"} "${d.name}"`);

  let stageCount = 0;
  const bulkStarted = performance.now();
  sqlite.transaction(() => {
    // Five responding managers a team, and thirty investigators besides the demo's.
    const managersByTeam = new Map<number, number[]>();
    for (const teamId of teamIds) {
      const ids: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const { id } = addStaff.get(`manager.${teamId}.${i}@generated.invalid`, `${pick(FIRST)} ${pick(LAST)}`, "team-manager") as { id: number };
        addRole.run(id, "team-manager");
        addMembership.run(id, teamId);
        ids.push(id);
      }
      managersByTeam.set(teamId, ids);
    }
    const demoInvestigator = sqlite.prepare("SELECT id FROM staff_users WHERE email = 'investigator@northshire.example'").get() as { id: number } | undefined;
    const investigators = demoInvestigator ? [demoInvestigator.id] : [];
    for (let i = 0; i < 30; i += 1) {
      const { id } = addStaff.get(`investigator.${i}@generated.invalid`, `${pick(FIRST)} ${pick(LAST)}`, "investigator") as { id: number };
      addRole.run(id, "investigator");
      investigators.push(id);
    }

    const references = new Set<string>(sqlite.prepare("SELECT reference FROM representations").all().map((r) => (r as { reference: string }).reference));
    const tenYearsMs = 10 * 365.25 * 86_400_000;
    // Closed 30 days after receipt (below) and kept for complimentCommentYears after that.
    const complimentsKeptMs = (defaultRetention.complimentCommentYears * 365 - 31) * 86_400_000;
    let lastPerson: { id: number; name: string; email: string | null } | null = null;
    for (let i = 0; i < options.count; i += 1) {
      let reference = generateReference((n) => Math.floor(random() * n));
      while (references.has(reference)) reference = generateReference((n) => Math.floor(random() * n));
      references.add(reference);
      // Received any time in the last ten years, as many in each year: a database as the daily
      // retention run leaves it (default periods), so a server started on it has nothing to take.
      // Compliments and comments go two years after closing: none older are made.
      const kind = chance(0.8) ? "complaint" : chance(0.6) ? "compliment" : "comment";
      const receivedAt = now.getTime() - Math.floor(random() * (kind === "complaint" ? tenYearsMs : complimentsKeptMs));
      const receivedOn = formatIsoDate(new Date(receivedAt));
      const ageDays = (now.getTime() - receivedAt) / 86_400_000;
      const relationship = chance(0.3) ? "young-person" : pick(relationships);
      // One person in five has written before.
      if (!lastPerson || !chance(0.2)) {
        const name = `${pick(FIRST)} ${pick(LAST)}`;
        const email = chance(0.7) ? `person${i}@example.invalid` : null;
        lastPerson = { id: (addPerson.get(name, email) as { id: number }).id, name, email };
      }
      const childName = relationship === "young-person" ? lastPerson.name : chance(0.6) ? `${pick(FIRST)} ${pick(LAST)}` : null;
      const teamId = pick(teamIds);
      const manager = pick(managersByTeam.get(teamId) as number[]);

      // Recent cases are still in hand; old ones ended, bar a few long ones (Stage 3, the Ombudsman).
      const recent = ageDays < 60;
      const roll = random();
      const status = recent
        ? roll < 0.05 ? "new" : roll < 0.1 ? "triaged" : roll < 0.55 ? "open" : roll < 0.95 ? "closed" : "refused"
        : roll < 0.005 ? "open" : roll < 0.955 ? "closed" : "refused";
      const decided = status === "open" || status === "closed";
      const process = kind !== "complaint" || !decided ? null : chance(0.6) ? "statutory" : chance(0.9) ? "corporate" : "other";
      // About one in ten thousand waits for its safeguarding referral; one in two hundred had one.
      const safeguarding = chance(0.0001) ? "flagged" : chance(0.005) ? "referred" : null;
      const decidedAt = decided || status === "refused" ? receivedAt + 3 * 86_400_000 : null;
      const closedAt = status === "closed" || status === "refused" ? receivedAt + 30 * 86_400_000 : null;
      // A complaint past its period has been anonymised: its coded row stays, the person goes.
      const anonymised =
        closedAt !== null && retentionDecision({ kind, status, process, childStatus: [], closedAt: new Date(closedAt), anonymisedAt: null }, defaultRetention, now)?.expired === true;
      const { id } = addRepresentation.get(
        reference, kind, status, process, pick(METHODS), chance(0.95) ? "en" : pick(["pl", "ur"]), relationship === "young-person" && chance(0.5) ? "easy-read" : "standard",
        receivedAt, receivedOn, anonymised ? "" : lastPerson.name, relationship, anonymised ? null : lastPerson.email, anonymised ? null : childName,
        anonymised ? null : lastPerson.id, status === "new" ? null : teamId, status === "new" ? null : manager, safeguarding, decidedAt, closedAt,
        anonymised ? now.getTime() : null, receivedAt, receivedAt,
      ) as { id: number };

      if (process) {
        const kinds =
          process === "statutory"
            ? ["statutory-stage1", ...(chance(0.12) ? ["statutory-stage2", ...(chance(0.25) ? ["statutory-stage3", ...(chance(0.3) ? ["ombudsman"] : [])] : [])] : [])]
            : process === "corporate"
              ? ["corporate-stage1", ...(chance(0.1) ? ["corporate-stage2"] : [])]
              : ["early-resolution"];
        let startedOn = addWorking(receivedOn, 2);
        kinds.forEach((stageKind, index) => {
          const last = index === kinds.length - 1;
          const running = last && status === "open";
          // A running stage's next deadline is around today: a few overdue, most in the next nine weeks.
          const nextDueOn = running ? addWorking(addCalendarDays(today, chance(0.06) ? -Math.ceil(random() * 30) : Math.floor(random() * 63)), 0) : null;
          const dueOn = nextDueOn ?? addWorking(startedOn, stageKind.includes("stage2") ? 25 : 10);
          const respondedOn = running ? null : addWorking(startedOn, 8 + Math.floor(random() * 10));
          const { id: stageId } = addStage.get(
            id, index + 1, stageKind, running ? "open" : last ? "closed" : "escalated",
            running && nextDueOn && nextDueOn < startedOn ? addWorking(nextDueOn, -1) : startedOn,
            index > 0 ? startedOn : null, addWorking(startedOn, 2), dueOn, addWorking(dueOn, 10), nextDueOn,
            stageKind.startsWith("statutory-stage2") ? null : manager, respondedOn, running ? null : respondedOn,
          ) as { id: number };
          stageCount += 1;
          if (stageKind === "statutory-stage2") addStagePerson.run(stageId, pick(investigators));
          startedOn = addWorking(respondedOn ?? startedOn, 5);
        });
      }
      if ((i + 1) % 100_000 === 0) options.progress?.(i + 1);
    }
  })();
  const bulkMs = performance.now() - bulkStarted;
  sqlite.transaction(() => {
    for (const d of deferred) sqlite.exec(d.sql);
    sqlite.exec("INSERT INTO representations_search(representations_search) VALUES ('rebuild')");
  })();
  sqlite.exec("ANALYZE");
  sqlite.pragma("journal_mode = WAL");
  sqlite.close();
  return { ms: performance.now() - started, bulkMs, stages: stageCount };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const { values } = parseArgs({ options: { count: { type: "string", default: "1000000" }, file: { type: "string" }, seed: { type: "string", default: "1" } } });
  const count = Number(values.count);
  if (!Number.isInteger(count) || count < 1) throw new Error("--count must be a whole number of 1 or more");
  const file = values.file ?? path.join(".bench", `representations-${count}.sqlite`);
  const { ms, bulkMs, stages } = await generateRepresentations({ count, file, seed: Number(values.seed), progress: (done) => console.log(`${done.toLocaleString("en-GB")} written`) });
  console.log(`${count.toLocaleString("en-GB")} representations and ${stages.toLocaleString("en-GB")} stages in ${(ms / 1000).toFixed(1)} s (${(bulkMs / 1000).toFixed(1)} s writing them): ${file}`);
}
