import path from "node:path";
import { describe, expect, it } from "vitest";
import { sourceRoot } from "../../app.js";
import { createI18n, loadTranslations, supportedLocales } from "./i18n.js";

function flatten(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === "string") flat.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) flat.set(k, v);
  }
  return flat;
}

describe("translations", () => {
  const translations = loadTranslations(sourceRoot);
  const byLocale = Object.fromEntries(
    supportedLocales.map((locale) => [locale, flatten(translations[locale])]),
  );

  it("has every key in Azerbaijani, English and Russian", () => {
    const all = new Set(supportedLocales.flatMap((locale) => [...(byLocale[locale]?.keys() ?? [])]));
    expect(all.size).toBeGreaterThan(50);
    for (const locale of supportedLocales) {
      const missing = [...all].filter((key) => !byLocale[locale]?.has(key));
      expect(missing, `missing in ${locale}`).toEqual([]);
    }
  });

  it("has no empty text and keeps the same interpolation variables in every language", () => {
    for (const [key, english] of byLocale.en ?? []) {
      const variables = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const locale of supportedLocales) {
        const text = byLocale[locale]?.get(key) ?? "";
        expect(text.trim(), `${locale} ${key}`).not.toBe("");
        expect(variables(text), `${locale} ${key}`).toEqual(variables(english));
      }
    }
  });

  it("every t() key used in templates and code exists", async () => {
    const { execSync } = await import("node:child_process");
    const used = execSync(
      `grep -rhoE "(^|[^a-zA-Z_])t\\(\\"[a-zA-Z][a-zA-Z0-9_]*\\.[a-zA-Z0-9_.]+\\"" ${path.join(sourceRoot)} || true`,
      { encoding: "utf8" },
    )
      .split("\n")
      .map((match) => /"([^"]+)"/.exec(match)?.[1])
      .filter((key): key is string => Boolean(key?.includes(".")));
    // A key may name a text or, read with `returnObjects`, a whole group of texts.
    const english = [...(byLocale.en?.keys() ?? [])];
    // A key ending in "." is the fixed start of a key completed at run time, such as a status name.
    const exists = (key: string) =>
      byLocale.en?.has(key) || english.some((known) => known.startsWith(key.endsWith(".") ? key : `${key}.`));
    const missing = [...new Set(used)].filter((key) => !exists(key));
    expect(missing).toEqual([]);
  });
});

describe("the translator", () => {
  it("gives each language's own text, the same when asked again, and keeps values apart", async () => {
    const i18n = await createI18n(sourceRoot);
    const english = flatten(loadTranslations(sourceRoot).en);
    const russian = flatten(loadTranslations(sourceRoot).ru);
    const [plainKey, plainText] = [...english].find(
      ([key, text]) => !text.includes("{{") && !text.includes("$t(") && russian.get(key) !== text,
    ) as [string, string];
    const [valueKey, valueText] = [...english].find(([, text]) => /\{\{\s*\w+\s*\}\}/.test(text)) as [
      string,
      string,
    ];
    const name = /\{\{\s*(\w+)\s*\}\}/.exec(valueText)?.[1] as string;
    const en = i18n.t("en");
    expect(en(plainKey)).toBe(plainText);
    expect(en(plainKey)).toBe(plainText);
    expect(i18n.t("ru")(plainKey)).toBe(russian.get(plainKey));
    const first = en(valueKey, { [name]: "Aysel" });
    expect(first).toContain("Aysel");
    expect(en(valueKey, { [name]: "Boris" })).toContain("Boris");
    expect(en(valueKey, { [name]: "Aysel" })).toBe(first);
    expect(en(valueKey, { [name]: new Date(0) } as Record<string, unknown>)).not.toContain("Aysel");
  });
});
