import { expect } from "vitest";
import { staffRoles, staffUsers } from "../db/schema";
import type { IsoDate } from "../app/domain/calendar";
import { londonDate } from "../app/domain/calendar";
import { acceptRepresentation, saveTriage } from "../app/services/case-triage.server";
import type { Actor } from "../app/services/case.server";
import { createRepresentation } from "../app/services/create-representation.server";
import type { Db } from "../app/services/db.server";

// Cases for the service tests, made through the services staff use: one way for every test file.

/** A member of staff with one case role (the email doubles as their name unless one is given). */
export function staffOf(db: Db, role: Actor["role"], opts: { email?: string; name?: string } = {}): Actor {
  const email = opts.email ?? `${role}@northshire.example`;
  const user = db.insert(staffUsers).values({ email, name: opts.name ?? role, role, passwordHash: "x" }).returning().get();
  db.insert(staffRoles).values({ staffUserId: user.id, role }).run();
  return { id: user.id, role };
}

/** A parent's eligible statutory complaint, and a corporate one (the child is not in need or looked after). */
export const ELIGIBLE = { receivedFrom: "Parent", childStatus: ["in-need" as const], withinTwelveMonths: "yes" as const, exclusions: ["none" as const] };
export const CORPORATE = { ...ELIGIBLE, childStatus: ["none" as const] };

export interface ComplaintOptions {
  /** When it arrived and was accepted (the Stage 1 clock starts that day in London). */
  now: Date;
  process?: "statutory" | "corporate";
  /** The person's email; null for someone who gave none. */
  email?: string | null;
  language?: string;
  mode?: "standard" | "easy-read";
}

/** A complaint received by email at `now`, triaged and accepted into statutory (or corporate) Stage 1 the same day. */
export function acceptedComplaint(db: Db, officer: Actor, opts: ComplaintOptions) {
  const process = opts.process ?? "statutory";
  const receivedOn: IsoDate = londonDate(opts.now);
  const c = createRepresentation(db, {
    kind: "complaint",
    methodReceived: "Email",
    receivedAt: opts.now,
    receivedOn,
    personName: "Pat Person",
    personRelationship: "parent",
    personEmail: opts.email === undefined ? "pat@example.com" : opts.email,
    language: opts.language ?? "en",
    mode: opts.mode ?? "standard",
    answers: {},
  });
  saveTriage(db, officer, c.reference, { representationType: "Complaint", process, eligibility: process === "corporate" ? CORPORATE : ELIGIBLE });
  expect(acceptRepresentation(db, officer, c.reference, { decision: process === "corporate" ? "corporate" : "statutory-stage1", personAgreed: true }, opts.now)).toEqual({ ok: true });
  return c;
}
