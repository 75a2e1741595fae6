// Compiles the council's stylesheets from GOV.UK Frontend's Sass (the Remix classic compiler does
// not run Sass itself): main.css for every page, urdu.css for Urdu pages only. The fonts they name
// are bundled by Remix from node_modules/@fontsource into /build/_assets/ (docs/decisions/036).
import fs from "node:fs";
import path from "node:path";
import * as sass from "sass";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "app/styles/generated");
fs.mkdirSync(out, { recursive: true });

// main.css: every page (GOV.UK Frontend). staff.css: staff pages only, on top of main.css (the MoJ
// Frontend components the back office uses), so public pages carry none of it. urdu.css: Urdu pages only.
for (const name of ["main", "staff", "urdu"]) {
  const result = sass.compile(path.join(root, `app/styles/${name}.scss`), {
    importers: [new sass.NodePackageImporter(root)],
    // The MoJ Frontend names GOV.UK Frontend by its path under node_modules.
    loadPaths: [root],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  fs.writeFileSync(path.join(out, `${name}.css`), result.css);
}
