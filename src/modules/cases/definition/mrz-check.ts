import { type FieldName, type ParseResult, parse } from "mrz";

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

/** What a zone whose check digits hold says of the person, as printed (`<` for nothing). */
export interface ReadZone {
  documentNumber: string;
  /** Names with single spaces between their parts; empty when the zone has none. */
  surname: string;
  givenNames: string;
  /** ICAO code of the nationality, as printed (`D<<` for Germany). */
  nationality: string;
  /** YYMMDD, `<` where the document does not know a part. */
  birthDate: string;
  /** `F`, `M` or `<` (not specified). */
  sex: string;
  expiryDate: string;
}

/** Document numbers hold letters and digits only; the MRZ fills with `<`. */
export function looksLikeMrz(raw: string): boolean {
  return raw.includes("<");
}

/**
 * The characters of a field as printed: the package gives a field it finds wrong (a nationality
 * code not on ICAO's list, such as the specimens' UTO) as null, and the dates without fillers.
 */
function printed(result: ParseResult, lines: string[], field: FieldName): string {
  const range = result.details.find((detail) => detail.field === field)?.ranges[0];
  return range ? (lines[range.line] ?? "").slice(range.start, range.end) : "";
}

function readName(result: ParseResult, field: "lastName" | "firstName"): string {
  return (result.fields[field] ?? "").replace(/\s+/g, " ").trim();
}

/** The person's details in an MRZ, or the message key of what is wrong with it. */
export function readMrz(raw: string): { zone: ReadZone } | { messageKey: string } {
  const compact = raw.replace(/\s+/g, "").toUpperCase();
  const width = lineLengths[compact.length];
  if (!width || !/^[A-Z0-9<]+$/.test(compact)) return { messageKey: "cases.answers.mrz" };
  const lines = compact.match(new RegExp(`.{${width}}`, "g")) ?? [];
  let result: ParseResult;
  try {
    result = parse(lines);
  } catch {
    return { messageKey: "cases.answers.mrz" };
  }
  if (result.format !== "TD1" && result.format !== "TD3") return { messageKey: "cases.answers.mrz" };
  for (const [field, messageKey] of checkDigits) {
    if (result.details.some((detail) => detail.field === field && !detail.valid)) return { messageKey };
  }
  const documentNumber = result.documentNumber ?? result.fields.documentNumber;
  if (!documentNumber) return { messageKey: "cases.answers.mrz" };
  return {
    zone: {
      documentNumber,
      surname: readName(result, "lastName"),
      givenNames: readName(result, "firstName"),
      nationality: printed(result, lines, "nationality"),
      birthDate: printed(result, lines, "birthDate"),
      sex: printed(result, lines, "sex"),
      expiryDate: printed(result, lines, "expirationDate"),
    },
  };
}

/** The document number an MRZ carries, or the message key of what is wrong with it. */
export function checkMrz(raw: string): { number: string } | { messageKey: string } {
  const read = readMrz(raw);
  return "zone" in read ? { number: read.zone.documentNumber } : read;
}
