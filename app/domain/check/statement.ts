/**
 * Stage 2's statement of complaint, agreed online (decision record 041). Staff write it up and
 * share it; each shared version is kept; the person reads the latest and agrees it or says what
 * is wrong, and staff then share a new version. Pure: the services read the versions and the
 * stage and hand them here.
 */

/** The person's answer to a shared version. */
export const statementAnswers = ["agreed", "changes-asked"] as const;
export type StatementAnswer = (typeof statementAnswers)[number];

/** One shared version, as stored. */
export interface StatementVersion {
  version: number;
  body: string;
  sharedAt: Date;
  sharedBy: "email" | "letter";
  answer: StatementAnswer | null;
  answeredAt: Date | null;
  changes: string | null;
}

/** Where the statement stands, for staff and for the person. */
export type StatementStatus =
  /** Nothing shared yet. */
  | "not-shared"
  /** The latest version waits for the person's answer. */
  | "waiting-for-person"
  /** The person asked for changes to the latest version: staff share a new one. */
  | "changes-asked"
  /** Agreed (online, or recorded by staff from a call or a letter). */
  | "agreed";

/** The newest shared version, or null. */
export function latestVersion<T extends Pick<StatementVersion, "version">>(versions: readonly T[]): T | null {
  return versions.reduce<T | null>((latest, v) => (latest === null || v.version > latest.version ? v : latest), null);
}

/**
 * Where the statement stands. The stage's agreed date wins: staff may record agreement given by
 * phone or letter (the table's agree-statement move), whatever the person did online.
 */
export function statementStatus(versions: readonly Pick<StatementVersion, "version" | "answer">[], statementAgreedOn: string | null): StatementStatus {
  if (statementAgreedOn) return "agreed";
  const latest = latestVersion(versions);
  if (!latest) return "not-shared";
  return latest.answer === "changes-asked" ? "changes-asked" : latest.answer === "agreed" ? "agreed" : "waiting-for-person";
}

/** The next version's number. */
export function nextVersion(versions: readonly Pick<StatementVersion, "version">[]): number {
  return (latestVersion(versions)?.version ?? 0) + 1;
}
