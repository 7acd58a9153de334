import type { Locale, Translator } from "../../../platform/http/index.js";
import { formatMoney as formatAmount, numberFormat } from "../../../platform/locale/index.js";
import type { LegalTime, LocalizedText } from "../definition/case-type.js";

/** What the catalogue's presenters need to speak the reader's language. */
export interface CatalogueReader {
  locale: Locale;
  t: Translator;
}

export function inLanguage(text: LocalizedText, reader: CatalogueReader): string {
  return text[reader.locale];
}

/** A fee in minor units as the reader writes money, with the sign where the language has one: "30,00 ₼". */
export function formatMoney(amountMinor: number, currency: string, reader: CatalogueReader): string {
  return formatAmount(amountMinor, reader.locale, { currency, display: "symbol" });
}

/** "2,5 gün", "2.5 days", "2,5 дня": Intl knows every language's plural of a unit. */
export function formatUnit(
  amount: number,
  unit: "day" | "month" | "year",
  reader: CatalogueReader,
  maximumFractionDigits = 0,
): string {
  return numberFormat(reader.locale, {
    style: "unit",
    unit,
    unitDisplay: "long",
    maximumFractionDigits,
  }).format(amount);
}

/** A legal time: "20 working days" (the plural from the language's rules), or calendar days. */
export function formatLegalTime(legalTime: LegalTime, reader: CatalogueReader): string {
  if (legalTime.unit === "calendar") return formatUnit(legalTime.amount, "day", reader);
  const form = new Intl.PluralRules(reader.locale).select(legalTime.amount);
  const number = numberFormat(reader.locale).format(legalTime.amount);
  return `${number} ${reader.t(`catalogue.units.workingDays.${form}`)}`;
}

/** A validity in months, said in years when it is whole years ("5 years", not "60 months"). */
export function formatMonths(months: number, reader: CatalogueReader): string {
  return months % 12 === 0 ? formatUnit(months / 12, "year", reader) : formatUnit(months, "month", reader);
}

export function listOf(
  items: string[],
  type: "conjunction" | "disjunction",
  reader: CatalogueReader,
): string {
  return new Intl.ListFormat(reader.locale, { style: "long", type }).format(items);
}
