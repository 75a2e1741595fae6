// Written by scripts/build-browser-script.mjs at build time; typed here so the typecheck of a
// fresh clone (before any build) passes.
declare module "*/generated/public-page.json" {
  const built: { hash: string; code: string };
  export default built;
}
