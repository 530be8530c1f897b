// Copies what the pages need from govuk-frontend into the build folder, so Django serves it
// itself (no CDN). The GDS Transport fonts are left behind: the stylesheet uses Arial.
import { cpSync, mkdirSync, rmSync } from "node:fs";

const govuk = "node_modules/govuk-frontend/dist/govuk";
const build = "src/stabilise/ui/static/build";

// Start clean so an image dropped by a govuk-frontend upgrade does not linger.
rmSync(`${build}/images`, { recursive: true, force: true });
mkdirSync(build, { recursive: true });
cpSync(`${govuk}/govuk-frontend.min.js`, `${build}/govuk-frontend.min.js`);
cpSync(`${govuk}/assets/manifest.json`, `${build}/manifest.json`);
cpSync(`${govuk}/assets/images`, `${build}/images`, { recursive: true });
