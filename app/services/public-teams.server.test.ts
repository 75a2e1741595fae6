import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { easyEnough } from "~/domain/readability";
import { createTestDb } from "../../test/db";
import { teams } from "../../db/schema";
import { DEFAULT_TEAM_EASY_READ_NAMES, DEFAULT_TEAMS } from "../../db/seed";
import { migrateDatabase, openDatabase } from "./db.server";
import { teamOptions } from "./public-teams.server";

describe("the teams' names on the public form", () => {
  it("names each team in plain words in easy read, and by its name otherwise", async () => {
    const db = await createTestDb();
    // A team the council added itself, with no easy-read name given.
    db.insert(teams).values({ name: "Leaving care plus", sortOrder: 99 }).run();
    const standard = new Map(teamOptions(db).map(([, label]) => [label, true]));
    const easy = teamOptions(db, { easyRead: true });
    expect([...standard.keys()]).toEqual([...DEFAULT_TEAMS, "Leaving care plus"]);
    // Same values in the same order: only the words change.
    expect(easy.map(([value]) => value)).toEqual(teamOptions(db).map(([value]) => value));
    expect(easy.map(([, label]) => label)).toEqual([...DEFAULT_TEAMS.map((name) => DEFAULT_TEAM_EASY_READ_NAMES[name]), "Leaving care plus"]);
  });

  it("gives the default teams easy-read names a young person can read (grade 5 at most)", () => {
    const hard = Object.values(DEFAULT_TEAM_EASY_READ_NAMES).filter((name) => !easyEnough(name));
    expect(hard).toEqual([]);
  });

  it("gives a council's existing default teams their easy-read names when it upgrades, and leaves its own alone", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "speakup-team-names-migration-"));
    try {
      const old = path.join(dir, "old");
      fs.cpSync(path.resolve("db/migrations"), old, { recursive: true });
      const journalFile = path.join(old, "meta/_journal.json");
      const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<{ tag: string }> };
      const at = journal.entries.findIndex((e) => e.tag.endsWith("_team_easy_read_names"));
      expect(at).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, at);
      fs.writeFileSync(journalFile, JSON.stringify(journal));
      const db = openDatabase(path.join(dir, "old.sqlite"));
      migrateDatabase(db, old);
      db.$client.prepare("INSERT INTO teams (name, sort_order) VALUES ('Fostering', 1), ('Children''s social work', 2), ('Our own team', 3)").run();
      migrateDatabase(db);
      expect(db.$client.prepare("SELECT name, easy_read_name AS easy FROM teams ORDER BY sort_order").all()).toEqual([
        { name: "Fostering", easy: DEFAULT_TEAM_EASY_READ_NAMES.Fostering },
        { name: "Children's social work", easy: DEFAULT_TEAM_EASY_READ_NAMES["Children's social work"] },
        { name: "Our own team", easy: null },
      ]);
      db.$client.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
