// The public pages' script (scripts/build-browser-script.mjs writes it before `remix build`),
// served by app/routes/scripts.$file.ts under a name that changes whenever it does.
import built from "./generated/public-page.json";

export const publicScript = {
  src: `/scripts/public-page-${built.hash}.js`,
  file: `public-page-${built.hash}.js`,
  code: built.code,
};
