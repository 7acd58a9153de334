import { cpSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as sass from "sass";

/** Compiles Karvan's stylesheet (GOV.UK + MOJ Frontend with Karvan's brand) into dist/public (part of `npm run build`; `npm test` runs it alone). */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const output = path.join(root, "dist", "public");
mkdirSync(output, { recursive: true });

const started = Date.now();
const result = sass.compile(path.join(root, "src/web/assets/scss/karvan.scss"), {
  loadPaths: [path.join(root, "node_modules"), root],
  style: "compressed",
  quietDeps: true,
  importers: [
    {
      // MOJ Frontend loads GOV.UK Frontend's base by this path; give it the copy with Karvan's settings.
      findFileUrl: (url) =>
        url === "node_modules/govuk-frontend/dist/govuk/base"
          ? pathToFileURL(path.join(root, "src/web/assets/scss/_govuk-base-with-karvan-settings.scss"))
          : null,
    },
  ],
  silenceDeprecations: ["import"],
  // GOV.UK and MOJ Frontend warn each other about their own deprecations; show only ours.
  logger: {
    warn: (message, options) => {
      const fromDependency =
        options.span?.url?.pathname.includes("/node_modules/") ??
        message.includes("govuk-suppressed-warnings");
      if (!fromDependency) process.stderr.write(`${message}\n`);
    },
  },
});
writeFileSync(path.join(output, "karvan.css"), result.css);
for (const folder of ["js", "images"]) {
  cpSync(path.join(root, "src/web/assets", folder), path.join(output, folder), { recursive: true });
}
// MOJ Frontend's icons where karvan.scss says they are ($moj-images-path); only the icons, never
// its crest and crown logotypes, which are not ours.
const mojImages = path.join(root, "node_modules/@ministryofjustice/frontend/moj/assets/images");
cpSync(mojImages, path.join(output, "images", "moj"), {
  recursive: true,
  filter: (source) => source === mojImages || /\/icon-[a-z-]+\.svg$/.test(source),
});
process.stderr.write(
  `build:assets: karvan.css (${Math.round(result.css.length / 1024)} KiB) in ${Date.now() - started} ms\n`,
);
