import { createRequire } from "node:module";
import path from "node:path";
import nunjucks from "nunjucks";

const require = createRequire(import.meta.url);

/** Folders Nunjucks looks in: our layouts, module views (as "<module>/views/x.njk"), design systems. */
export function templateFolders(sourceRoot: string): string[] {
  const govuk = path.join(path.dirname(require.resolve("govuk-frontend/package.json")), "dist");
  const moj = path.dirname(require.resolve("@ministryofjustice/frontend/package.json"));
  return [path.join(sourceRoot, "web", "views"), path.join(sourceRoot, "modules"), govuk, moj];
}

export const displayTimeZone = "Asia/Baku";

const intlLocale: Record<string, string> = { az: "az-Latn-AZ", en: "en-GB", ru: "ru-RU" };

export function createViewEnvironment(
  sourceRoot: string,
  options: { watch?: boolean } = {},
): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader(templateFolders(sourceRoot), { noCache: options.watch ?? false }),
    { autoescape: true, throwOnUndefined: false, trimBlocks: true, lstripBlocks: true },
  );
  env.addFilter("dateTime", (value: Date | string | null | undefined, locale = "az") => {
    if (!value) return "";
    return new Intl.DateTimeFormat(intlLocale[locale] ?? locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: displayTimeZone,
    }).format(new Date(value));
  });
  env.addFilter("date", (value: Date | string | null | undefined, locale = "az") => {
    if (!value) return "";
    return new Intl.DateTimeFormat(intlLocale[locale] ?? locale, {
      dateStyle: "long",
      timeZone: displayTimeZone,
    }).format(new Date(value));
  });
  env.addFilter("number", (value: number | null | undefined, locale = "az") =>
    value === null || value === undefined
      ? ""
      : new Intl.NumberFormat(intlLocale[locale] ?? locale).format(value),
  );
  return env;
}
