import { countryProfile } from "../country/index.js";

/**
 * Dates, times, numbers and money as the reader writes them, in the country's time zone and with its
 * currency: the one place that turns a language (`az`, `en`, `ru`) into an Intl tag.
 */

/** The Intl tag of a language of the country; a language it does not offer is written as its first. */
export function intlTag(language: string | undefined): string {
  const { locales } = countryProfile();
  return (locales.find((one) => one.language === language) ?? locales[0])?.intlTag ?? "en";
}

const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

/**
 * A date-time format for the language on the country's wall clock. Formats are kept by Intl tag and
 * options and time zone (all come from code and profiles, so they are few): building one costs more than using it.
 */
export function dateTimeFormat(
  language: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const tag = intlTag(language);
  const { timeZone } = countryProfile();
  return cached(`d|${tag}|${timeZone}|${JSON.stringify(options)}`, () => {
    return new Intl.DateTimeFormat(tag, { timeZone, ...options });
  }) as Intl.DateTimeFormat;
}

/** A number format for the language (kept: building one costs more than using it). */
export function numberFormat(
  language: string | undefined,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const tag = intlTag(language);
  return cached(
    `n|${tag}|${JSON.stringify(options)}`,
    () => new Intl.NumberFormat(tag, options),
  ) as Intl.NumberFormat;
}

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => T): T {
  const profile = countryProfile();
  const fullKey = `${profile.code}|${key}`;
  const known = formats.get(fullKey);
  if (known) return known as T;
  const format = create();
  formats.set(fullKey, format);
  return format;
}

const legalDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A date in words. A legal date (YYYY-MM-DD) is a day, not an instant, so no zone moves it; an
 * instant is read on the country's wall clock.
 */
export function formatDate(
  value: Date | string,
  language: string | undefined,
  dateStyle: "long" | "medium" | "short" = "long",
): string {
  if (typeof value === "string" && legalDatePattern.test(value))
    return dateTimeFormat(language, { dateStyle, timeZone: "UTC" }).format(new Date(`${value}T00:00:00Z`));
  return dateTimeFormat(language, { dateStyle }).format(new Date(value));
}

/** An instant as date and time on the country's wall clock: "6 Dec 2026, 16:58". */
export function formatDateTime(
  value: Date | string,
  language: string | undefined,
  styles: Pick<Intl.DateTimeFormatOptions, "dateStyle" | "timeStyle"> = {
    dateStyle: "medium",
    timeStyle: "short",
  },
): string {
  return dateTimeFormat(language, styles).format(new Date(value));
}

export function formatNumber(
  value: number,
  language: string | undefined,
  options: Intl.NumberFormatOptions = {},
): string {
  return numberFormat(language, options).format(value);
}

/**
 * An amount kept in minor units (integers), in the country's currency unless another is named:
 * 1250 → "12,50 AZN". The code by default rather than the sign (₼), which many system fonts lack.
 */
export function formatMoney(
  amountMinor: number,
  language: string | undefined,
  options: { currency?: string; display?: "code" | "symbol" } = {},
): string {
  const { currency: own } = countryProfile();
  const currency = options.currency ?? own.code;
  const digits =
    currency === own.code
      ? own.minorUnits
      : (new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions()
          .maximumFractionDigits ?? 2);
  return numberFormat(language, {
    style: "currency",
    currency,
    currencyDisplay: options.display ?? "code",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amountMinor / 10 ** digits);
}
