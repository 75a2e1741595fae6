import type { StageAction } from "../stages";

/**
 * What a person does online ("Check your complaint") that waits for the complaints team until
 * staff act on it (decision record 042): shown on the deadlines dashboard, in the team's daily
 * digest and on the case. Each is a timeline entry the person wrote, marked as waiting; it stops
 * waiting when staff make the move that answers it, or say they have dealt with it.
 */
export const onlineRequestKinds = ["next-stage-asked", "statement-agreed", "statement-changes-asked", "correspondence-in"] as const;
export type OnlineRequestKind = (typeof onlineRequestKinds)[number];

export function isOnlineRequestKind(kind: string): kind is OnlineRequestKind {
  return (onlineRequestKinds as readonly string[]).includes(kind);
}

/**
 * The staff moves (the transition table's actions) that answer a request by themselves. A request
 * not listed here, or answered another way (a phone call), is settled with "dealt with".
 */
const answeredBy: Record<OnlineRequestKind, readonly StageAction[]> = {
  // Staff confirm the request by escalating, dated the day the person asked.
  "next-stage-asked": ["escalate"],
  // A new version answers the changes; so does agreement staff record from a call or a letter.
  "statement-changes-asked": ["share-statement", "agree-statement"],
  // Agreeing starts the clock by itself; staff only need to have seen it.
  "statement-agreed": [],
  "correspondence-in": [],
};

/** The kinds of waiting request a staff move answers. */
export function requestsAnsweredBy(action: StageAction): OnlineRequestKind[] {
  return onlineRequestKinds.filter((kind) => answeredBy[kind].includes(action));
}
