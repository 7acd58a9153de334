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
  const translators = new Map(
    supportedLocales.map((locale) => [locale, rememberingTexts(instance.getFixedT(locale))]),
  );
  return {
    t: (locale) => translators.get(locale) ?? instance.getFixedT(locale),
    has: (locale, key) => instance.exists(key, { lng: locale }),
  };
}

/** Beyond this many remembered texts a language's translator stops remembering new ones. */
const rememberedTextsCap = 20_000;

/**
 * Every page asks for the same few hundred texts, and i18next resolves each call anew (a tenth of
 * a page's server time). The resources never change while the process runs, so a key asked alone
 * or with plain values (texts, numbers, yes/no: interpolation, plurals) is resolved once per
 * language and those values; any other call goes to i18next. The cap bounds memory if a key or a
 * value is ever built from a request.
 */
function rememberingTexts(translate: TFunction): TFunction {
  const texts = new Map<string, string>();
  const resolve = translate as unknown as (...args: unknown[]) => unknown;
  const remembering = (...args: unknown[]) => {
    const memo = memoKeyOf(args);
    if (memo === null) return resolve(...args);
    const known = texts.get(memo);
    if (known !== undefined) return known;
    const text = resolve(...args);
    if (typeof text === "string" && texts.size < rememberedTextsCap) texts.set(memo, text);
    return text;
  };
  return remembering as unknown as TFunction;
}

/** The call's key and plain values as one text; null when the call cannot be remembered. */
function memoKeyOf(args: unknown[]): string | null {
  const [key, values] = args;
  if (typeof key !== "string" || args.length > 2) return null;
  if (args.length === 1 || values === undefined) return key;
  if (typeof values !== "object" || values === null || Array.isArray(values)) return null;
  const parts = [key];
  for (const [name, value] of Object.entries(values)) {
    const kind = typeof value;
    if (kind !== "string" && kind !== "number" && kind !== "boolean") return null;
    parts.push(name, kind, String(value));
  }
  return JSON.stringify(parts);
}
