import { displayTimeZone, type Locale } from "../../../platform/http/index.js";

const intlLocale: Record<Locale, string> = { az: "az-Latn-AZ", en: "en-GB", ru: "ru-RU" };

/** A legal date (YYYY-MM-DD) in words, as the pages' `date` filter writes it. */
export function formatLegalDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

/** An instant on the wall clock of Baku, for e-mails (pages use the `dateTime` filter). */
export function formatInstant(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: displayTimeZone,
  }).format(at);
}

/** A file size the way people read it: 850 KB, 2.4 MB. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const format = (value: number, unit: string) =>
    `${new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1 }).format(value)} ${unit}`;
  if (bytes < 1024 * 1024) return format(Math.max(1, Math.round(bytes / 1024)), "KB");
  return format(bytes / (1024 * 1024), "MB");
}
