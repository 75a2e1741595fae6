// Bundles the one script public pages run (app/browser/public-page.ts: GOV.UK Frontend's own
// components and our read-aloud button; docs/decisions/046). Remix's compiler bundles only what
// React hydrates, so this small bundle is made here, before `remix build`, into a JSON file the
// server build includes (app/browser/public-script.server.ts serves it at a URL with its hash).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "app/browser/generated");
fs.mkdirSync(out, { recursive: true });

const result = await esbuild.build({
  entryPoints: [path.join(root, "app/browser/public-page.ts")],
  bundle: true,
  minify: true,
  format: "esm",
  // What a module script can count on: every browser that runs one has ES2020.
  target: "es2020",
  legalComments: "none",
  write: false,
});
const code = result.outputFiles[0].text;
const hash = crypto.createHash("sha256").update(code).digest("hex").slice(0, 12);
fs.writeFileSync(path.join(out, "public-page.json"), JSON.stringify({ hash, code }));
