// Finished drafts, written through the same service the form's pages use (saveStepAnswers), so
// a part can drive only the last step ("Check your answers" -> sent) over HTTP at volume.
import { completeAnswers } from "../../app/domain/form/journey";
import type { DraftAnswers, StepId } from "../../app/domain/form/steps";
import { openDatabase } from "../../app/services/db.server";
import { createDraft, draftCookie, saveStepAnswers } from "../../app/services/drafts.server";
import { journeyContext } from "../../app/services/journey.server";
import { teamOptions } from "../../app/services/public-teams.server";

export interface PreparedDraft {
  id: string;
  /** The `Cookie` header a browser holding this draft sends. */
  cookie: string;
}

/** Four routes through the form, so sends make one, two and three emails. */
function answersFor(i: number, team: string): DraftAnswers {
  const tail = {
    "support-needs": {},
    "what-happened": { description: `Resilience test ${i}: the contact visit was cancelled without explanation.` },
    "when-it-happened": { whenKind: "about", whenAbout: "Last month" },
    team: { team },
    "put-right": { outcomes: ["apology"] },
    "complained-before": { complainedBefore: "no" },
    "court-case": { courtCase: "no" },
    attachments: {},
  };
  switch (i % 4) {
    case 0:
      return {
        kind: { kind: "complaint" },
        "who-are-you": { relationship: "parent" },
        "about-the-child": { childName: `Child ${i}`, childAge: "9" },
        "your-details": { fullName: `Parent ${i}` },
        contact: { contactMethod: "email", email: `parent.${i}@example.com` },
        ...tail,
      };
    case 1:
      return {
        kind: { kind: "complaint" },
        "who-are-you": { relationship: "young-person" },
        "advocate-offer": { wantsAdvocate: "yes", advocacyConsent: "yes" },
        "your-details": { fullName: `Young person ${i}` },
        contact: { contactMethod: "email", email: `young.${i}@example.com` },
        ...tail,
      };
    case 2:
      return {
        kind: { kind: "compliment" },
        "compliment-team": { team: "dont-know" },
        "compliment-what": { whatWentWell: `Resilience test ${i}: she listened and kept every promise.` },
        "compliment-share": { mayShare: "yes" },
        "compliment-contact": { fullName: `Carer ${i}`, email: `carer.${i}@example.com` },
      };
    default:
      return {
        kind: { kind: "comment" },
        "comment-about": { commentAbout: "The leaflet" },
        "comment-what": { comment: `Resilience test ${i}: the leaflet could be clearer.` },
        "comment-contact": {},
      };
  }
}

/** Emails one send of draft `i` writes to the outbox (acknowledgement, staff, advocacy referral). */
export function emailsFor(i: number): number {
  return [2, 3, 2, 1][i % 4] as number;
}

export async function cookieFor(id: string): Promise<string> {
  return (await draftCookie.serialize(id)).split(";")[0] as string;
}

/** Writes `count` finished drafts to the database file, numbered from `from`. */
export async function prepareDrafts(databaseFile: string, count: number, from = 0): Promise<PreparedDraft[]> {
  const db = openDatabase(databaseFile);
  try {
    const team = teamOptions(db)[0]?.[0] ?? "dont-know";
    const ids = db.transaction((tx) => {
      const made: string[] = [];
      for (let i = from; i < from + count; i += 1) {
        const answers = answersFor(i, team);
        if (!completeAnswers(journeyContext(tx, answers))) throw new Error(`prepared answers ${i % 4} are not complete`);
        let draft = createDraft(tx);
        for (const [step, values] of Object.entries(answers)) draft = saveStepAnswers(tx, draft, step as StepId, values);
        made.push(draft.id);
      }
      return made;
      // Immediate: the running server writes too, and a read that turns into a write would fail.
    }, { behavior: "immediate" });
    return Promise.all(ids.map(async (id) => ({ id, cookie: await cookieFor(id) })));
  } finally {
    db.$client.close();
  }
}
