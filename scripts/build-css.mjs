// Compiles the council's stylesheet from GOV.UK Frontend's Sass and copies the font files it
// names into public/. The Remix classic compiler does not run Sass itself.
import fs from "node:fs";
import path from "node:path";
import * as sass from "sass";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "app/styles/generated");
fs.mkdirSync(out, { recursive: true });

// main.css: every page (GOV.UK Frontend). staff.css: staff pages only, on top of main.css (the MoJ
// Frontend components the back office uses), so public pages carry none of it.
for (const name of ["main", "staff"]) {
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

const fontDir = path.join(root, "node_modules/@fontsource/atkinson-hyperlegible-next/files");
const publicFonts = path.join(root, "public/fonts");
fs.mkdirSync(publicFonts, { recursive: true });
for (const weight of [400, 700]) {
  // latin-ext: Polish letters (ą, ę, ł, ś, ż …) in the same typeface.
  for (const subset of ["latin", "latin-ext"]) {
    const file = `atkinson-hyperlegible-next-${subset}-${weight}-normal.woff2`;
    fs.copyFileSync(path.join(fontDir, file), path.join(publicFonts, file));
  }
  // Urdu: Noto Nastaliq Urdu, used only for Arabic-script characters (see main.scss).
  const urdu = `noto-nastaliq-urdu-arabic-${weight}-normal.woff2`;
  fs.copyFileSync(path.join(root, "node_modules/@fontsource/noto-nastaliq-urdu/files", urdu), path.join(publicFonts, urdu));
}
