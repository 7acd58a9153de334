import { countryProfile } from "../../../platform/country/index.js";
import { dateTimeFormat, intlTag } from "../../../platform/locale/index.js";
import type { Translate } from "./build-dashboard.js";

interface Formats {
  time: Intl.DateTimeFormat;
  dateAndTime: Intl.DateTimeFormat;
  relative: Intl.RelativeTimeFormat;
}

/** Made once per language and time zone: making them was most of the time a kept dashboard took. */
const formatsByLanguage = new Map<string, Formats>();

function formatsOf(language: string): Formats {
  const locale = intlTag(language);
  const key = `${locale}|${countryProfile().timeZone}`;
  const made = formatsByLanguage.get(key);
  if (made) return made;
  const formats = {
    time: dateTimeFormat(language, { timeStyle: "short" }),
    dateAndTime: dateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  };
  formatsByLanguage.set(key, formats);
  return formats;
}

/**
 * "Figures as of 10:42, 3 minutes ago": when the figures shown were read from the cubes, in the
 * country's time, and how long ago that was, so that a kept dashboard never passes for live.
 */
export function figuresAsOf(computedAt: Date, now: Date, language: string, t: Translate): string {
  const formats = formatsOf(language);
  const { calendar } = countryProfile();
  const sameDay = calendar.legalDate(computedAt) === calendar.legalDate(now);
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
