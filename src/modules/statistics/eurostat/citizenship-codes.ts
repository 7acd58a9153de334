/**
 * Eurostat citizenship codes. Eurostat follows ISO 3166-1 alpha-2 with two historical exceptions
 * inherited from EU interinstitutional style: Greece is `EL` (ISO `GR`) and the United Kingdom is
 * `UK` (ISO `GB`). Getting these wrong silently drops Greek and British nationals from a table, so
 * conversion is explicit in both directions and the ISO/Eurostat-only codes are rejected on the
 * wrong side.
 */

/** Non-country codes: stateless persons, unknown citizenship, and the all-citizenships aggregate. */
export const STATELESS = "STLS";
export const UNKNOWN_CITIZENSHIP = "UNK";
export const TOTAL_CITIZENSHIP = "TOTAL";

export type SpecialCitizenshipCode = typeof STATELESS | typeof UNKNOWN_CITIZENSHIP | typeof TOTAL_CITIZENSHIP;

const ISO_TO_EUROSTAT: Readonly<Record<string, string>> = { GR: "EL", GB: "UK" };
const EUROSTAT_TO_ISO: Readonly<Record<string, string>> = { EL: "GR", UK: "GB" };
const TWO_LETTERS = /^[A-Z]{2}$/;

export class CitizenshipCodeError extends Error {
  override name = "CitizenshipCodeError";
}

/**
 * Eurostat code for a person's citizenship. `null` means the case file does not record it (→ `UNK`)
 * unless the person is recorded as stateless (→ `STLS`). A stateless person with a citizenship is a
 * data error, so it throws rather than guessing which fact is right.
 */
export function eurostatCitizenship(iso2: string | null, options: { stateless?: boolean } = {}): string {
  if (options.stateless) {
    if (iso2 !== null) {
      throw new CitizenshipCodeError(
        `a stateless person cannot also have citizenship ${JSON.stringify(iso2)}`,
      );
    }
    return STATELESS;
  }
  if (iso2 === null) return UNKNOWN_CITIZENSHIP;
  if (!TWO_LETTERS.test(iso2)) {
    throw new CitizenshipCodeError(
      `citizenship must be an ISO 3166-1 alpha-2 code (two uppercase letters), got ${JSON.stringify(iso2)}`,
    );
  }
  // EL is not an ISO code and UK is only "exceptionally reserved"; seeing them here means the value
  // was already converted, and converting twice would be wrong.
  if (iso2 in EUROSTAT_TO_ISO) {
    throw new CitizenshipCodeError(
      `${iso2} is a Eurostat code, not ISO 3166-1; use ${EUROSTAT_TO_ISO[iso2]}`,
    );
  }
  return ISO_TO_EUROSTAT[iso2] ?? iso2;
}

/**
 * ISO 3166-1 alpha-2 code for a Eurostat citizenship code, or null for STLS/UNK/TOTAL which have no
 * country. Aggregates such as `EU27_2020` are not citizenships of a person and are rejected.
 */
export function isoFromEurostat(code: string): string | null {
  if (code === STATELESS || code === UNKNOWN_CITIZENSHIP || code === TOTAL_CITIZENSHIP) return null;
  if (!TWO_LETTERS.test(code)) {
    throw new CitizenshipCodeError(`not a Eurostat country citizenship code: ${JSON.stringify(code)}`);
  }
  if (code in ISO_TO_EUROSTAT) {
    throw new CitizenshipCodeError(`${code} is an ISO code; Eurostat uses ${ISO_TO_EUROSTAT[code]}`);
  }
  return EUROSTAT_TO_ISO[code] ?? code;
}
