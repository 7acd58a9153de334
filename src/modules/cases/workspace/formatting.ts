import type { Locale } from "../../../platform/http/index.js";
import { formatDate, formatDateTime, formatNumber } from "../../../platform/locale/index.js";

/** A legal date (YYYY-MM-DD) in words, as the pages' `date` filter writes it. */
export function formatLegalDate(isoDate: string, locale: Locale): string {
  return formatDate(isoDate, locale);
}

/** An instant on the country's wall clock, for e-mails (pages use the `dateTime` filter). */
export function formatInstant(at: Date, locale: Locale): string {
  return formatDateTime(at, locale);
}

/** A file size the way people read it: 850 KB, 2.4 MB. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const format = (value: number, unit: string) =>
    `${formatNumber(value, locale, { maximumFractionDigits: 1 })} ${unit}`;
  if (bytes < 1024 * 1024) return format(Math.max(1, Math.round(bytes / 1024)), "KB");
  return format(bytes / (1024 * 1024), "MB");
}
