// The W3C Nu HTML checker (vnu-jar), run once per Playwright run as an HTTP service (a
// `webServer` in playwright.config.ts): one JVM answers every page in a few hundred
// milliseconds, where starting `vnu.jar` per page would take seconds each.

export interface NuMessage {
  type: "error" | "info" | "non-document-error";
  subType?: string;
  message: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

export interface NuFindings {
  /** Each error as one line: the page, where in the HTML as sent, the checker's message, the markup. */
  errors: string[];
  warnings: string[];
}

function describe(url: string, m: NuMessage): string {
  const line = m.firstLine ?? m.lastLine;
  const where = line === undefined ? "" : ` line ${line}, column ${m.firstColumn ?? "?"}`;
  const extract = m.extract ? `\n    in: ${m.extract.replace(/\s+/g, " ").trim()}` : "";
  return `${url}${where}: ${m.message}${extract}`;
}

/** Checks one page's HTML exactly as the server sent it. */
export async function checkHtml(checkerUrl: string, url: string, html: Buffer): Promise<NuFindings> {
  const response = await fetch(`${checkerUrl}/?out=json`, {
    method: "POST",
    headers: { "Content-Type": "text/html; charset=utf-8" },
    body: new Uint8Array(html),
  });
  if (!response.ok) return { errors: [`${url}: the Nu checker answered ${response.status}`], warnings: [] };
  const { messages } = (await response.json()) as { messages: NuMessage[] };
  return {
    // A "fatal" error stops the checker: its cause is the error before it, already listed.
    errors: messages.filter((m) => m.type !== "info" && m.subType !== "fatal").map((m) => describe(url, m)),
    warnings: messages.filter((m) => m.type === "info" && m.subType === "warning").map((m) => describe(url, m)),
  };
}
