import type { ImportErrorSink } from "./import-error.js";
import type { TableRow } from "./read-csv-table.js";

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const REGION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CASE_TYPE_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 100;

/**
 * Which dates are plausible. Birth dates: from 1900 up to today. Events (an application lodged, a
 * decision, a detention...): from 1950 up to today; a migration register holds nothing older, so an
 * earlier date is a typing error or a placeholder such as 0001-01-01. Ends that may lie ahead (a
 * permit's valid_to): from 1950 up to a hundred years from today.
 */
export type DateKind = "birth" | "event" | "until";
const EARLIEST_BIRTH_DATE = "1900-01-01";
const EARLIEST_EVENT_DATE = "1950-01-01";
const LATEST_UNTIL_YEARS = 100;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A date of the proleptic Gregorian calendar written YYYY-MM-DD (checked by hand: a Date per cell costs). */
export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

let lastToday = "";
let lastLatestUntil = "";

/** The latest `valid_to` accepted on `today`; one reader per line asks, with the same day each time. */
function latestUntilOf(today: string): string {
  if (today !== lastToday) {
    lastLatestUntil = `${String(Number(today.slice(0, 4)) + LATEST_UNTIL_YEARS).padStart(4, "0")}${today.slice(4)}`;
    lastToday = today;
  }
  return lastLatestUntil;
}

/**
 * Reads the cells of one row, reporting each bad cell with its file, line and column. Accessors
 * return `undefined` for a bad or missing required value (already reported) and `null` for an empty
 * optional one; `valid` tells whether the whole row was correct.
 */
export class RowReader {
  valid = true;
  private readonly latestUntil: string;

  constructor(
    private readonly file: string,
    private readonly row: TableRow,
    private readonly errors: ImportErrorSink,
    private readonly today: string,
  ) {
    this.latestUntil = latestUntilOf(today);
  }

  get line(): number {
    return this.row.line;
  }

  fail(field: string | null, code: string, message: string): void {
    this.valid = false;
    this.errors.add({ file: this.file, line: this.row.line, field, code, message });
  }

  required<T>(column: string, parse: (value: string) => Parsed<T>): T | undefined {
    const value = this.cell(column, true, parse);
    return value === null ? undefined : value;
  }

  optional<T>(column: string, parse: (value: string) => Parsed<T>): T | null | undefined {
    return this.cell(column, false, parse);
  }

  id(column: string): string | undefined {
    return this.required(column, parseId);
  }

  optionalId(column: string): string | null | undefined {
    return this.optional(column, parseId);
  }

  caseType(column: string): string | undefined {
    return this.required(column, (value) =>
      CASE_TYPE_PATTERN.test(value)
        ? { ok: true, value }
        : {
            ok: false,
            code: "invalid_value",
            message: `${column} must be a kebab-case code such as asylum or work-permit.${caseHint(value, value.toLowerCase(), CASE_TYPE_PATTERN.test(value.toLowerCase()))}`,
          },
    );
  }

  requiredDate(column: string, kind: DateKind): string | undefined {
    return this.required(column, (value) => this.parseDate(column, value, kind));
  }

  optionalDate(column: string, kind: DateKind): string | null | undefined {
    return this.optional(column, (value) => this.parseDate(column, value, kind));
  }

  choice<const T extends string>(column: string, allowed: readonly T[]): T | undefined {
    return this.required(column, (value) => choiceOf(column, value, allowed));
  }

  /** As `choice`, for a column that may be left empty. */
  optionalChoice<const T extends string>(column: string, allowed: readonly T[]): T | null | undefined {
    return this.optional(column, (value) => choiceOf(column, value, allowed, " (or empty)"));
  }

  /** yes/no flags default to no, so a previous system that never recorded them can leave them out. */
  yesNo(column: string): boolean | undefined {
    const value = this.optional(column, (raw): Parsed<boolean> => {
      if (raw === "yes") return { ok: true, value: true };
      if (raw === "no") return { ok: true, value: false };
      const lower = raw.toLowerCase();
      return {
        ok: false,
        code: "unknown_value",
        message: `${column} must be yes or no (or empty for no).${caseHint(raw, lower, lower === "yes" || lower === "no")}`,
      };
    });
    return value === null ? false : value;
  }

  region(column: string): string | null | undefined {
    return this.optional(column, (value) =>
      REGION_PATTERN.test(value)
        ? { ok: true, value }
        : {
            ok: false,
            code: "invalid_value",
            message: `${column} must be an ISO 3166-2 code such as AZ-BA, or empty.${caseHint(value, value.toUpperCase(), REGION_PATTERN.test(value.toUpperCase()))}`,
          },
    );
  }

  private cell<T>(
    column: string,
    required: boolean,
    parse: (value: string) => Parsed<T>,
  ): T | null | undefined {
    const raw = this.row.cells.get(column);
    if (raw === undefined) {
      // A column left out of the header: for a required one that was reported once, as missing_column.
      if (required) this.valid = false;
      return required ? undefined : null;
    }
    if (raw === "") {
      if (!required) return null;
      this.fail(column, "required", `${column} is required.`);
      return undefined;
    }
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    this.fail(column, parsed.code, `${parsed.message} Found ${JSON.stringify(raw)}.`);
    return undefined;
  }

  private parseDate(column: string, value: string, kind: DateKind): Parsed<string> {
    if (!isRealDate(value)) {
      return {
        ok: false,
        code: "invalid_date",
        message: `${column} must be a real date written YYYY-MM-DD.`,
      };
    }
    const earliest = kind === "birth" ? EARLIEST_BIRTH_DATE : EARLIEST_EVENT_DATE;
    if (value < earliest) {
      return {
        ok: false,
        code: "date_too_early",
        message:
          kind === "birth"
            ? `${column} cannot be before ${earliest}; leave it empty when it is not known.`
            : `${column} cannot be before ${earliest}.`,
      };
    }
    if (kind !== "until" && value > this.today) {
      return {
        ok: false,
        code: "date_in_future",
        message: `${column} cannot be after today (${this.today}).`,
      };
    }
    if (kind === "until" && value > this.latestUntil) {
      return {
        ok: false,
        code: "date_too_late",
        message: `${column} cannot be more than ${LATEST_UNTIL_YEARS} years ahead (after ${this.latestUntil}).`,
      };
    }
    return { ok: true, value };
  }
}

/** Codes are case-sensitive; when the value only differs in case from a valid one, the message says so. */
export function caseHint(value: string, fixed: string, fixedIsValid: boolean): string {
  return fixedIsValid && fixed !== value ? ` Codes are case-sensitive: write ${fixed}.` : "";
}

function choiceOf<const T extends string>(
  column: string,
  value: string,
  allowed: readonly T[],
  orEmpty = "",
): Parsed<T> {
  if ((allowed as readonly string[]).includes(value)) return { ok: true, value: value as T };
  const other = allowed.find((code) => code.toLowerCase() === value.toLowerCase());
  return {
    ok: false,
    code: "unknown_value",
    message: `${column} must be one of ${allowed.join(", ")}${orEmpty}.${other ? caseHint(value, other, true) : ""}`,
  };
}

function parseId(value: string): Parsed<string> {
  if (value.length > MAX_ID_LENGTH) {
    return {
      ok: false,
      code: "invalid_value",
      message: `An identifier can have at most ${MAX_ID_LENGTH} characters.`,
    };
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    return {
      ok: false,
      code: "invalid_value",
      message: "An identifier cannot contain line breaks or control characters.",
    };
  }
  return { ok: true, value };
}
