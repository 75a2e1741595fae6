import { inflateSync } from "node:zlib";

/**
 * The text of a PDF that Chromium printed, read well enough to check what is on it: each page's
 * content streams are inflated and every shown string is mapped back to characters through its
 * font's ToUnicode table. Only what Chromium (Skia) writes is understood: plain objects, Flate
 * streams, Identity-H fonts. Spaces are not reliable in PDF text, so compare with `squash`.
 */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const raw = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; stream: string | null }>();
  const objectPattern = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = objectPattern.exec(raw); m; m = objectPattern.exec(raw)) {
    const body = m[2]!;
    const at = body.indexOf("stream");
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    let start = at + "stream".length;
    if (body[start] === "\r") start += 1;
    if (body[start] === "\n") start += 1;
    const end = body.lastIndexOf("endstream");
    const bytes = Buffer.from(body.slice(start, end), "latin1");
    let stream: string;
    try {
      stream = /\/FlateDecode/.test(dict) ? inflateSync(bytes).toString("latin1") : bytes.toString("latin1");
    } catch {
      stream = "";
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (dict: string, key: string) => {
    const found = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
    return found ? Number(found[1]) : null;
  };
  const cmapOf = (fontId: number): Map<string, string> => {
    const map = new Map<string, string>();
    const font = objects.get(fontId);
    const toUnicode = font ? ref(font.dict, "ToUnicode") : null;
    const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream ?? "" : "";
    const hex = (h: string) => String.fromCodePoint(...(h.match(/.{4}/g) ?? []).map((c) => parseInt(c, 16)));
    for (const block of cmap.match(/beginbfchar([\s\S]*?)endbfchar/g) ?? []) {
      for (const [, from, to] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(from!.toUpperCase(), hex(to!));
    }
    for (const block of cmap.match(/beginbfrange([\s\S]*?)endbfrange/g) ?? []) {
      for (const [, lo, hi, to] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
        const width = lo!.length;
        for (let code = parseInt(lo!, 16), i = 0; code <= parseInt(hi!, 16); code += 1, i += 1) {
          map.set(code.toString(16).toUpperCase().padStart(width, "0"), String.fromCodePoint(parseInt(to!, 16) + i));
        }
      }
    }
    return map;
  };
  const pages = [...objects.values()].filter((o) => /\/Type\s*\/Page\b/.test(o.dict));
  const texts: string[] = [];
  for (const page of pages) {
    const resources = ref(page.dict, "Resources");
    const resourceDict = resources !== null ? objects.get(resources)?.dict ?? "" : page.dict;
    const fontDictRef = ref(resourceDict, "Font");
    const fontDict = fontDictRef !== null ? objects.get(fontDictRef)?.dict ?? "" : /\/Font\s*<<([\s\S]*?)>>/.exec(resourceDict)?.[1] ?? "";
    const fonts = new Map<string, Map<string, string>>();
    for (const [, name, id] of fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)) fonts.set(name!, cmapOf(Number(id)));
    const contentIds = [...(/\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? "").matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    const single = ref(page.dict, "Contents");
    if (contentIds.length === 0 && single !== null) contentIds.push(single);
    let cmap = new Map<string, string>();
    for (const id of contentIds) {
      const content = objects.get(id)?.stream ?? "";
      for (const [token] of content.matchAll(/\/[\w.+-]+\s+[\d.]+\s+Tf|\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj|ET/g)) {
        if (token.endsWith("Tf")) cmap = fonts.get(/\/([\w.+-]+)/.exec(token)![1]!) ?? new Map();
        else if (token === "ET") texts.push("\n");
        else for (const [, hex] of token.matchAll(/<([0-9A-Fa-f]*)>/g)) texts.push((hex!.toUpperCase().match(/.{4}/g) ?? []).map((c) => cmap.get(c) ?? "").join(""));
      }
    }
  }
  return { pages: pages.length, text: texts.join("") };
}

/** Text without any whitespace, to compare what a PDF shows regardless of how it spaced it. */
export function squash(text: string): string {
  return text.replace(/\s+/g, "");
}
