import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { pointPictures, questionPictures } from "~/domain/form/pictures";
import { parsePhosphorSvg, picture, picturesFor } from "./pictures.server";

describe("easy read's pictures from the Phosphor set", () => {
  it("draws every picture named in the data from the installed icon set", () => {
    for (const name of new Set([...Object.values(questionPictures), ...Object.values(pointPictures)])) {
      const drawn = picture(name);
      expect(drawn.viewBox, name).toBe("0 0 256 256");
      expect(drawn.paths.length, name).toBeGreaterThan(0);
    }
  });

  it("keeps the icon's shapes exactly as the set draws them", () => {
    const file = createRequire(import.meta.url).resolve("@phosphor-icons/core/assets/fill/clock-fill.svg");
    const d = /\bd="([^"]+)"/.exec(readFileSync(file, "utf8"))?.[1];
    expect(picture("clock").paths).toEqual([d]);
  });

  it("gives a page only the pictures it asks for, by its own keys", () => {
    const pictures = picturesFor({ team: "users-four", workerName: undefined });
    expect(Object.keys(pictures)).toEqual(["team"]);
    expect(pictures.team).toEqual(picture("users-four"));
  });

  it("refuses a file with more than path shapes, or with anything but path data in a path", () => {
    expect(() => parsePhosphorSvg('<svg viewBox="0 0 256 256"><script>alert(1)</script><path d="M0,0Z"/></svg>', "bad")).toThrow(/bad/);
    expect(() => parsePhosphorSvg('<svg viewBox="0 0 256 256"><path d="M0,0Z&quot;/>"/></svg>', "bad")).toThrow(/bad/);
    expect(parsePhosphorSvg('<svg viewBox="0 0 256 256"><path d="M0,0L1,1Z"/></svg>', "good")).toEqual({ viewBox: "0 0 256 256", paths: ["M0,0L1,1Z"] });
  });
});
