import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";
import { formatDate, formatDateTime, formatNumber } from "../locale/index.js";

const require = createRequire(import.meta.url);

/** Folders Nunjucks looks in: our layouts, module views (as "<module>/views/x.njk"), design systems. */
export function templateFolders(sourceRoot: string): string[] {
  const govuk = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");
  const moj = path.dirname(require.resolve("@ministryofjustice/frontend/package.json"));
  return [path.join(sourceRoot, "web", "views"), path.join(sourceRoot, "modules"), govuk, moj];
}

export function createViewEnvironment(
  sourceRoot: string,
  options: { watch?: boolean } = {},
): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(templateFolders(sourceRoot), { noCache: options.watch ?? false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  // Without a language, the country's first one.
  env.addFilter("dateTime", (value: Date | string | null | undefined, locale?: string) => {
    if (!value) return "";
    return formatDateTime(value, locale);
  });
  env.addFilter("date", (value: Date | string | null | undefined, locale?: string) => {
    if (!value) return "";
    return formatDate(value, locale);
  });
  env.addFilter("number", (value: number | null | undefined, locale?: string) =>
    value === null || value === undefined ? "" : formatNumber(value, locale),
  );
  return env;
}
