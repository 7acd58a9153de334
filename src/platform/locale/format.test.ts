import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatMoney, formatNumber, intlTag } from "./index.js";

/** Intl separates with no-break spaces; the tests compare the words. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formats for the reference country (Azerbaijan)", () => {
  it("writes each language with the country's Intl tag", () => {
    expect(intlTag("az")).toBe("az-Latn-AZ");
    expect(intlTag("en")).toBe("en-GB");
    expect(intlTag("ru")).toBe("ru-RU");
  });

  it("reads instants on Baku's clock and legal dates as the day they name", () => {
    // 20:30 UTC is already the next day in Baku (UTC+4).
    const evening = new Date("2026-03-19T20:30:00Z");
    expect(formatDate(evening, "en")).toBe("20 March 2026");
    expect(plain(formatDateTime(evening, "en"))).toBe("20 Mar 2026, 00:30");
    expect(formatDate("2026-03-19", "en")).toBe("19 March 2026");
    expect(formatDate("2026-03-19", "az")).toBe("19 mart 2026");
  });

  it("writes money from minor units with the currency's code, in the reader's language", () => {
    expect(plain(formatMoney(1250, "az"))).toBe("12,50 AZN");
    expect(plain(formatMoney(100000, "en"))).toBe("AZN 1,000.00");
    expect(plain(formatMoney(100000, "ru"))).toBe("1 000,00 AZN");
    expect(plain(formatMoney(100000, "az", { display: "symbol" }))).toBe("1.000,00 ₼");
    expect(plain(formatMoney(1250, "en", { currency: "JPY" }))).toBe("JPY 1,250");
    expect(plain(formatNumber(1234.5, "ru"))).toBe("1 234,5");
  });
});
