import type { Locale, Translator } from "../../../platform/http/index.js";
import { dateTimeFormat, formatDate, formatDateTime, formatNumber } from "../../../platform/locale/index.js";

/** The language a report is written in: its labels, and its dates and numbers as readers write them. */
export interface ReportLanguage {
  locale: Locale;
  t: Translator;
  date(legalDate: string): string;
  /** A date where room is short, as in a table's column: "31 Mar 2026". */
  shortDate(legalDate: string): string;
  dateTime(instant: string): string;
  /** An indicator's or a report's period: "2026", "Q1 2026", "Jan 2026", or a day "31 Jan 2026". */
  period(period: string): string;
  number(value: number, decimals: number): string;
  /** A change, always with its sign: "+12", "−3.5". */
  change(value: number, decimals: number): string;
  percent(value: number): string;
}

export function reportLanguage(locale: Locale, t: Translator): ReportLanguage {
  const digits = (decimals: number) => ({ minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return {
    locale,
    t,
    date: (legalDate) => formatDate(legalDate, locale, "long"),
    shortDate: (legalDate) => formatDate(legalDate, locale, "medium"),
    dateTime: (instant) => formatDateTime(instant, locale),
    period: (period) => {
      const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
      if (quarter)
        return t("policyReports.quarter", {
          year: quarter[1],
          quarter: t(`policyReports.quarters.q${quarter[2]}`),
        });
      if (/^\d{4}$/.test(period)) return period;
      if (/^\d{4}-\d{2}$/.test(period))
        return dateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(
          new Date(`${period}-01T00:00:00Z`),
        );
      return formatDate(period, locale, "medium");
    },
    number: (value, decimals) => formatNumber(value, locale, digits(decimals)),
    change: (value, decimals) =>
      formatNumber(value, locale, { ...digits(decimals), signDisplay: "exceptZero" }),
    percent: (value) => formatNumber(value / 100, locale, { style: "percent", maximumFractionDigits: 0 }),
  };
}
