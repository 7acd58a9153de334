import type { PaymentCurrency } from "./payment-provider.js";

const intlLocale: Record<string, string> = { az: "az-Latn-AZ", en: "en-GB", ru: "ru-RU" };

/**
 * Minor units (integers) in the reader's language: 1250 → "12,50 AZN". The code rather than the
 * manat sign (₼), which many system fonts still lack.
 */
export function formatMoney(amountMinor: number, currency: PaymentCurrency, locale: string): string {
  const format = new Intl.NumberFormat(intlLocale[locale] ?? locale, {
    style: "currency",
    currency,
    currencyDisplay: "code",
  });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}
