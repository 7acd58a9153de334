import { parse } from "mrz";

/**
 * The machine-readable zone of a passport (TD3: 2 lines of 44 characters) or an identity card
 * (TD1: 3 lines of 30), as a document reader or a careful typist gives it. Its check digits
 * (ICAO 9303) prove it was read right; the answer kept is the document number it carries, so a
 * scanned passport and a typed number give the same answer.
 */

const lineLengths: Record<number, number> = { 88: 44, 90: 30 };

/** The check digits in the order the MRZ gives them, with the message naming each. */
const checkDigits = [
  ["documentNumberCheckDigit", "cases.answers.mrzDocumentNumberCheck"],
  ["birthDateCheckDigit", "cases.answers.mrzBirthDateCheck"],
  ["expirationDateCheckDigit", "cases.answers.mrzExpiryDateCheck"],
  ["personalNumberCheckDigit", "cases.answers.mrzPersonalNumberCheck"],
  ["compositeCheckDigit", "cases.answers.mrzCompositeCheck"],
] as const;

/** Document numbers hold letters and digits only; the MRZ fills with `<`. */
export function looksLikeMrz(raw: string): boolean {
  return raw.includes("<");
}

/** The document number an MRZ carries, or the message key of what is wrong with it. */
export function checkMrz(raw: string): { number: string } | { messageKey: string } {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  const width = lineLengths[compact.length];
  if (!width || !/^[A-Z0-9<]+$/.test(compact)) return { messageKey: "cases.answers.mrz" };
  const lines = compact.match(new RegExp(`.{${width}}`, "g")) ?? [];
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch {
    return { messageKey: "cases.answers.mrz" };
  }
  if (result.format !== "TD1" && result.format !== "TD3") return { messageKey: "cases.answers.mrz" };
  for (const [field, messageKey] of checkDigits) {
    if (result.details.some((detail) => detail.field === field && !detail.valid)) return { messageKey };
  }
  const number = result.documentNumber ?? result.fields.documentNumber;
  return number ? { number } : { messageKey: "cases.answers.mrz" };
}
