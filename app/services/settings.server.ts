import { eq } from "drizzle-orm";
import { settings } from "../../db/schema";
import timescales from "../../db/seed-data/timescales.json";
import { defaultClockSettings, stage2ClockStarts, type ClockSettings, type Stage2ClockFrom } from "../domain/stage-clocks";
import { statutoryTimescales } from "../domain/timescales";
import { audit } from "./audit.server";
import type { Db } from "./db.server";

/** The council's details. Defaults describe the demo council; an administrator replaces them. */
export const defaultSettings = {
  councilName: "Northshire Council",
  complaintsTeamEmail: "childrens.complaints@northshire.example",
  complaintsTeamPhone: "0300 123 4567",
  /** Printed at the top of every letter kept to post (decision record 023). */
  complaintsTeamAddress: "Children's Complaints Team\nCounty Hall\nMarket Street\nNorthtown NT1 1AA",
  childrensServicesPhone: "0300 123 4000",
  advocacyProviderName: "Northshire Children's Advocacy",
  advocacyProviderEmail: "referrals@advocacy.northshire.example",
  advocacyProviderPhone: "0800 123 4567",
  exitPageUrl: "https://www.bbc.co.uk/weather",
  // Told to the person after the council's final stage (the response letter says how to go on).
  ombudsmanName: "Local Government and Social Care Ombudsman",
  ombudsmanWebsite: "https://www.lgo.org.uk",
  ombudsmanPhone: "0300 061 0614",
  // How many emails a minute the outbox hands to the council's SMTP relay (300: 25 every 5 seconds).
  outboxPerMinute: "300",
  /**
   * "yes" publishes done learning actions' public summaries on /you-said-we-did (decision record
   * 029); off until the council chooses.
   */
  publishImprovements: "no",
  /**
   * The annual report shows counts from 1 to this minus 1 as "<threshold" so that no child can be
   * identified (decision records 032 and 047); "0" turns suppression off.
   */
  reportSuppressionThreshold: "5",
};

export type Settings = typeof defaultSettings;

export function getSettings(db: Db): Settings {
  const rows = db.select().from(settings).all();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...defaultSettings, ...pick(stored) };
}

function pick(stored: Record<string, string>): Partial<Settings> {
  return Object.fromEntries(
    Object.entries(stored).filter(([key]) => Object.hasOwn(defaultSettings, key)),
  ) as Partial<Settings>;
}

/** What the council-details form edits, and the audit trail records. */
export function updateSettings(db: Db, input: { actorId: number; values: Settings; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => {
    const before = getSettings(tx);
    const changed = (Object.keys(defaultSettings) as Array<keyof Settings>).filter((key) => before[key] !== input.values[key]);
    if (changed.length === 0) return;
    for (const key of changed) {
      tx.insert(settings)
        .values({ key, value: input.values[key], updatedAt: now })
        .onConflictDoUpdate({ target: settings.key, set: { value: input.values[key], updatedAt: now } })
        .run();
    }
    audit(tx, {
      staffUserId: input.actorId,
      action: "settings.updated",
      entity: "settings",
      entityId: "council",
      at: now,
      details: { before: Object.fromEntries(changed.map((k) => [k, before[k]])), after: Object.fromEntries(changed.map((k) => [k, input.values[k]])) },
    });
  });
}

/**
 * Timescales the council chooses, in working days. The statutory ones are set by the 2006
 * Regulations and are not settings; the corporate procedure and early resolution are the
 * council's own (defaults from db/seed-data/timescales.json).
 */
export const defaultTimescales = {
  corporateStage1AcknowledgeWithin: timescales.corporate.stage1.acknowledgeWithin,
  corporateStage1RespondWithin: timescales.corporate.stage1.respondWithin,
  corporateStage1MaximumExtension: timescales.corporate.stage1.maximumExtension,
  corporateStage2AcknowledgeWithin: timescales.corporate.stage2.acknowledgeWithin,
  corporateStage2RespondWithin: timescales.corporate.stage2.respondWithin,
  corporateStage2MaximumExtension: timescales.corporate.stage2.maximumExtension,
  earlyResolution: timescales.informal.standard,
};
export type TimescaleSettings = typeof defaultTimescales;
export const timescaleKeys = Object.keys(defaultTimescales) as Array<keyof TimescaleSettings>;
const TIMESCALES_KEY = "timescales";

export function getTimescaleSettings(db: Db): TimescaleSettings {
  const row = db.select().from(settings).where(eq(settings.key, TIMESCALES_KEY)).get();
  let stored: Record<string, unknown> = {};
  try {
    stored = row ? (JSON.parse(row.value) as Record<string, unknown>) : {};
  } catch {
    stored = {};
  }
  const result = { ...defaultTimescales };
  for (const key of timescaleKeys) {
    const value = stored[key];
    if (typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 100) result[key] = value;
  }
  return result;
}

export interface EffectiveTimescales {
  statutory: typeof statutoryTimescales;
  corporate: {
    stage1: { acknowledgeWithin: number; respondWithin: number; maximumExtension: number };
    stage2: { acknowledgeWithin: number; respondWithin: number; maximumExtension: number };
  };
  earlyResolution: number;
}

/** The timescales in force: the law's, and the council's choices over the defaults. */
export function effectiveTimescales(db: Db): EffectiveTimescales {
  const s = getTimescaleSettings(db);
  return {
    statutory: statutoryTimescales,
    corporate: {
      stage1: { acknowledgeWithin: s.corporateStage1AcknowledgeWithin, respondWithin: s.corporateStage1RespondWithin, maximumExtension: s.corporateStage1MaximumExtension },
      stage2: { acknowledgeWithin: s.corporateStage2AcknowledgeWithin, respondWithin: s.corporateStage2RespondWithin, maximumExtension: s.corporateStage2MaximumExtension },
    },
    earlyResolution: s.earlyResolution,
  };
}

function storedTimescales(db: Db): Record<string, unknown> {
  const row = db.select().from(settings).where(eq(settings.key, TIMESCALES_KEY)).get();
  try {
    const parsed: unknown = row ? JSON.parse(row.value) : {};
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * What the stage clocks (app/domain/stage-clocks.ts) read: the council's timescales over the
 * defaults, and which date starts the Stage 2 clock and the corporate reply (decision record 017).
 */
export function clockSettings(db: Db): ClockSettings {
  const t = getTimescaleSettings(db);
  const stored = storedTimescales(db);
  const stage2ClockFrom = (stage2ClockStarts as readonly unknown[]).includes(stored.stage2ClockFrom)
    ? (stored.stage2ClockFrom as Stage2ClockFrom)
    : defaultClockSettings.stage2ClockFrom;
  const corporateRespondFrom = stored.corporateRespondFrom === "receipt" || stored.corporateRespondFrom === "acknowledgement" ? stored.corporateRespondFrom : null;
  const corporate = (stage: "stage1" | "stage2", ack: number, respond: number, max: number) => ({
    acknowledgeWithin: ack,
    respondWithin: respond,
    maximumExtension: max,
    respondFrom: corporateRespondFrom ?? defaultClockSettings.corporate[stage].respondFrom,
  });
  return {
    stage2ClockFrom,
    corporate: {
      stage1: corporate("stage1", t.corporateStage1AcknowledgeWithin, t.corporateStage1RespondWithin, t.corporateStage1MaximumExtension),
      stage2: corporate("stage2", t.corporateStage2AcknowledgeWithin, t.corporateStage2RespondWithin, t.corporateStage2MaximumExtension),
    },
    earlyResolution: t.earlyResolution,
  };
}

export interface ClockChoices {
  stage2ClockFrom: Stage2ClockFrom;
  corporateRespondFrom: ClockSettings["corporate"]["stage1"]["respondFrom"];
}

/** The clock choices as the timescales page shows them. */
export function clockChoices(db: Db): ClockChoices {
  const c = clockSettings(db);
  return { stage2ClockFrom: c.stage2ClockFrom, corporateRespondFrom: c.corporate.stage1.respondFrom };
}

export function updateTimescales(db: Db, input: { actorId: number; values: TimescaleSettings; clock?: ClockChoices; now?: Date }) {
  const now = input.now ?? new Date();
  db.transaction((tx) => {
    const before = { ...getTimescaleSettings(tx), ...(input.clock ? clockChoices(tx) : {}) };
    // Keep the clock choices stored beside the numbers (stage2ClockFrom, corporateRespondFrom) unless given.
    const value = JSON.stringify({ ...storedTimescales(tx), ...input.values, ...input.clock });
    tx.insert(settings).values({ key: TIMESCALES_KEY, value, updatedAt: now }).onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: now } }).run();
    audit(tx, { staffUserId: input.actorId, action: "timescales.updated", entity: "settings", entityId: TIMESCALES_KEY, at: now, details: { before, after: { ...input.values, ...input.clock } } });
  });
}
