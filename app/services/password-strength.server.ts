import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary } from "@zxcvbn-ts/language-en";

// Server only: the dictionaries are megabytes and must never reach a browser bundle. zxcvbn-ts
// estimates how many guesses a password would take, offline, against lists of common passwords,
// English words and names, keyboard patterns, dates and the person's own details.

/**
 * zxcvbn's scale: 3 is "safely unguessable: moderate protection from an offline slow-hash
 * attack" (about 10^8 guesses or more); 2 and below fall to an online attack that gets round
 * throttling, or to a copy of the database. 4 would refuse many good passphrases people can
 * remember.
 */
export const MIN_SCORE = 3;

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  // Loading the dictionaries takes a moment: once, on first use.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
    // Off: it adds up to a second and a half of CPU per check here, and what it adds (whole
    // passwords a letter or two from a common one) is mostly shorter than our 12 characters.
    useLevenshteinDistance: false,
  });
  return factory;
}

// zxcvbn's warnings (its default "translations" are these plain keys), as our staff strings.
const WARNINGS: Record<string, string> = {
  straightRow: "keyboard",
  keyPattern: "keyboard",
  simpleRepeat: "repeats",
  extendedRepeat: "repeats",
  sequences: "sequences",
  recentYears: "dates",
  dates: "dates",
  topTen: "common",
  topHundred: "common",
  common: "common",
  similarToCommon: "common",
  pwned: "common",
  wordByItself: "words",
  namesByThemselves: "names",
  commonNames: "names",
  userInputs: "personal",
};

/** Words about the person (and the council) a guesser would try first. */
export function personalWords(details: { name?: string | null; email?: string | null; councilName?: string | null }): string[] {
  const [local = "", domain = ""] = (details.email ?? "").toLowerCase().split("@");
  const phrases = [details.name ?? "", details.councilName ?? "", local, domain.split(".")[0] ?? ""].map((p) => p.toLowerCase());
  const words = phrases.flatMap((p) => {
    const parts = p.split(/[^\p{L}\p{N}]+/u);
    // Each word, and the words run together ("jordanblake"), as people type them in passwords.
    return [p, parts.join(""), ...parts];
  });
  return [...new Set(words.filter((w) => w.length >= 3))];
}

/**
 * Null if the password is hard enough to guess; otherwise the staff string (an i18next key) that
 * says why, from zxcvbn's feedback.
 */
export function passwordWeakness(password: string, userInputs: string[]): string | null {
  const result = estimator().check(password, userInputs);
  if (result.score >= MIN_SCORE) return null;
  const reason = WARNINGS[result.feedback.warning ?? ""] ?? "general";
  return `staff:errors.newPassword.weak.${reason}`;
}
