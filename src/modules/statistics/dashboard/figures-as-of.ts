import { displayTimeZone } from "../../../platform/http/index.js";
import type { Translate } from "./build-dashboard.js";

/** The conventions of each language where it is spoken here (a 24-hour clock in English too). */
const intlLocale: Record<string, string> = { az: "az-Latn-AZ", en: "en-GB", ru: "ru-RU" };

interface Formats {
  time: Intl.DateTimeFormat;
  dateAndTime: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

/** Made once per language: making them was most of the time a kept dashboard took. */
const formatsByLanguage = new Map<string, Formats>();
const calendarDay = new Intl.DateTimeFormat("en-CA", { dateStyle: "short", timeZone: displayTimeZone });

function formatsOf(language: string): Formats {
  const made = formatsByLanguage.get(language);
  if (made) return made;
  const locale = intlLocale[language] ?? language;
  const formats = {
    time: new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: displayTimeZone }),
    dateAndTime: new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: displayTimeZone,
    }),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  };
  formatsByLanguage.set(language, formats);
  return formats;
}

/**
 * "Figures as of 10:42, 3 minutes ago": when the figures shown were read from the cubes, in the
 * country's time, and how long ago that was, so that a kept dashboard never passes for live.
 */
export function figuresAsOf(computedAt: Date, now: Date, language: string, t: Translate): string {
  const formats = formatsOf(language);
  const sameDay = calendarDay.format(computedAt) === calendarDay.format(now);
  const time = (sameDay ? formats.time : formats.dateAndTime).format(computedAt);
  const seconds = Math.max(0, Math.round((now.getTime() - computedAt.getTime()) / 1000));
  const ago =
    seconds < 60
      ? formats.relative.format(-seconds, "second")
      : seconds < 3600
        ? formats.relative.format(-Math.floor(seconds / 60), "minute")
        : formats.relative.format(-Math.floor(seconds / 3600), "hour");
  return t("statistics.dashboard.asOf", { time, ago });
}
