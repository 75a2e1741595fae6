import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Picture, PictureName } from "../domain/form/pictures";

/**
 * Easy read's pictures, read from the Phosphor icon set's own SVG files on the server and sent
 * with the page's data, so they are drawn into the HTML: the browser fetches nothing more, no
 * icon code goes into the browser's bundle, and they show with JavaScript off.
 */

const require = createRequire(import.meta.url);
const WEIGHT = "fill";
const cache = new Map<PictureName, Picture>();

/** A Phosphor SVG as its viewBox and path data; anything else in the file is refused. */
export function parsePhosphorSvg(svg: string, name: string): Picture {
  const viewBox = /<svg\b[^>]*\bviewBox="([\d. ]+)"/.exec(svg)?.[1];
  const elements = [...svg.matchAll(/<([a-zA-Z]+)\b/g)].map((m) => m[1]);
  if (!viewBox || elements.some((element) => element !== "svg" && element !== "path")) {
    throw new Error(`The picture "${name}" is not one filled path in Phosphor's usual form`);
  }
  const paths = [...svg.matchAll(/<path\b[^>]*\bd="([^"]+)"/g)].map((m) => m[1] as string);
  if (paths.length === 0 || paths.some((d) => !/^[MmLlHhVvCcSsQqTtAaZz\d.,\s-]+$/.test(d))) {
    throw new Error(`The picture "${name}" has no path data we can draw`);
  }
  return { viewBox, paths };
}

export function picture(name: PictureName): Picture {
  const known = cache.get(name);
  if (known) return known;
  const file = require.resolve(`@phosphor-icons/core/assets/${WEIGHT}/${name}-${WEIGHT}.svg`);
  const drawn = parsePhosphorSvg(readFileSync(file, "utf8"), name);
  cache.set(name, drawn);
  return drawn;
}

/** Pictures for a page, by the keys the page uses (a question's name, a point's name). */
export function picturesFor<K extends string>(names: Partial<Record<K, PictureName>>): Partial<Record<K, Picture>> {
  return Object.fromEntries(Object.entries<PictureName | undefined>(names).flatMap(([key, name]) => (name ? [[key, picture(name)]] : []))) as Partial<
    Record<K, Picture>
  >;
}
