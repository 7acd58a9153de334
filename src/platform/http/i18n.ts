import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import i18next, { type TFunction } from "i18next";

export const supportedLocales = ["az", "en", "ru"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "az";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

type Tree = { [key: string]: string | Tree };

function mergeInto(target: Tree, source: Tree, file: string, prefix = ""): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (typeof value === "string") {
      if (existing !== undefined)
        throw new Error(`${file}: translation key ${prefix}${key} is defined twice`);
      target[key] = value;
    } else {
      if (typeof existing === "string")
        throw new Error(`${file}: ${prefix}${key} is both a text and a group`);
      const child: Tree = existing ?? {};
      target[key] = child;
      mergeInto(child, value, file, `${prefix}${key}.`);
    }
  }
}

/** Every `locales/<lang>.json` file below the source root; each module owns its strings. */
export function findLocaleFiles(root: string, locale: Locale): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === "node_modules") continue;
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (path.basename(dir) === "locales" && entry === `${locale}.json`) found.push(full);
    }
  };
  walk(root);
  return found.sort();
}

export function loadTranslations(root: string): Record<Locale, Tree> {
  const result = {} as Record<Locale, Tree>;
  for (const locale of supportedLocales) {
    const tree: Tree = {};
    for (const file of findLocaleFiles(root, locale)) {
      mergeInto(tree, JSON.parse(readFileSync(file, "utf8")) as Tree, file);
    }
    result[locale] = tree;
  }
  return result;
}

export type Translator = TFunction;

export interface I18n {
  t(locale: Locale): Translator;
  has(locale: Locale, key: string): boolean;
}

export async function createI18n(root: string): Promise<I18n> {
  const translations = loadTranslations(root);
  const instance = i18next.createInstance();
  await instance.init({
    resources: Object.fromEntries(
      supportedLocales.map((locale) => [locale, { translation: translations[locale] }]),
    ),
    lng: defaultLocale,
    fallbackLng: false,
    supportedLngs: [...supportedLocales],
    // Nunjucks escapes on output; escaping here too would show entities to users.
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: false,
  });
  return {
    t: (locale) => instance.getFixedT(locale),
    has: (locale, key) => instance.exists(key, { lng: locale }),
  };
}
