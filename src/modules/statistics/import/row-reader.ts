import type { ImportErrorSink } from "./import-error.js";

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

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

const ZERO = 48;
const HYPHEN = 45;

/** The number written by the ASCII digits `value[from, to)`, or -1 when one is not a digit. */
function digitsAt(value: string, from: number, to: number): number {
  let number = 0;
  for (let i = from; i < to; i++) {
    const digit = value.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return -1;
    number = number * 10 + digit;
  }
  return number;
}

/**
 * A date of the proleptic Gregorian calendar written YYYY-MM-DD (four, two and two ASCII digits),
 * checked character by character: a Date, or a pattern and three slices, per cell cost.
 */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== HYPHEN || value.charCodeAt(7) !== HYPHEN) return false;
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 5, 7);
  const day = digitsAt(value, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0));
}

let lastToday = "";
let lastLatestUntil = "";

/** The latest `valid_to` accepted on `today`; every reader of an import asks, with the same day. */
function latestUntilOf(today: string): string {
  if (today !== lastToday) {
    lastLatestUntil = `${String(Number(today.slice(0, 4)) + LATEST_UNTIL_YEARS).padStart(4, "0")}${today.slice(4)}`;
    lastToday = today;
  }
  return lastLatestUntil;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is rejected
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;
const NO_FIELDS: readonly string[] = [];
const NO_COLUMNS: ReadonlyMap<string, number> = new Map();

/**
 * Reads the cells of one row, reporting each bad cell with its file, line and column. Accessors
 * return `undefined` for a bad or missing required value (already reported) and `null` for an empty
 * optional one; `valid` tells whether the whole row was correct.
 *
 * One reader serves every row of a file (`read` moves it to the next): the rows of an import are
 * counted in millions, and a reader, a map of cells and a closure per cell made much of its garbage.
 */
export class RowReader {
  valid = true;
  line = 0;
  private fields: readonly string[] = NO_FIELDS;
  private columns: ReadonlyMap<string, number> = NO_COLUMNS;
  private readonly latestUntil: string;

  constructor(
    private readonly file: string,
    private readonly errors: ImportErrorSink,
    private readonly today: string,
  ) {
    this.latestUntil = latestUntilOf(today);
  }

  /**
   * Moves to a row: its physical line, its untrimmed fields in the header's order, and the field
   * index of each column the header has (a column absent from it has none, which tells it apart
   * from an empty cell).
   */
  read(line: number, fields: readonly string[], columns: ReadonlyMap<string, number>): this {
    this.valid = true;
    this.line = line;
    this.fields = fields;
    this.columns = columns;
    return this;
  }

  fail(field: string | null, code: string, message: string): void {
    this.valid = false;
    this.errors.add({ file: this.file, line: this.line, field, code, message });
  }

  required<T>(column: string, parse: (value: string) => Parsed<T>): T | undefined {
    const value = this.cell(column, true, parse);
    return value === null ? undefined : value;
  }

  optional<T>(column: string, parse: (value: string) => Parsed<T>): T | null | undefined {
    return this.cell(column, false, parse);
  }

  id(column: string): string | undefined {
    const value = this.text(column, true);
    return value == null ? undefined : this.checkedId(column, value);
  }

  optionalId(column: string): string | null | undefined {
    const value = this.text(column, false);
    return value == null ? value : this.checkedId(column, value);
  }

  caseType(column: string): string | undefined {
    const value = this.text(column, true);
    if (value == null) return undefined;
    if (CASE_TYPE_PATTERN.test(value)) return value;
    const lower = value.toLowerCase();
    return this.refuse(
      column,
      value,
      "invalid_value",
      `${column} must be a kebab-case code such as asylum or work-permit.${caseHint(value, lower, CASE_TYPE_PATTERN.test(lower))}`,
    );
  }

  requiredDate(column: string, kind: DateKind): string | undefined {
    const value = this.text(column, true);
    return value == null ? undefined : this.checkedDate(column, value, kind);
  }

  optionalDate(column: string, kind: DateKind): string | null | undefined {
    const value = this.text(column, false);
    return value == null ? value : this.checkedDate(column, value, kind);
  }

  choice<const T extends string>(column: string, allowed: readonly T[]): T | undefined {
    const value = this.text(column, true);
    return value == null ? undefined : this.checkedChoice(column, value, allowed, "");
  }

  /** As `choice`, for a column that may be left empty. */
  optionalChoice<const T extends string>(column: string, allowed: readonly T[]): T | null | undefined {
    const value = this.text(column, false);
    return value == null ? value : this.checkedChoice(column, value, allowed, " (or empty)");
  }

  /** yes/no flags default to no, so a previous system that never recorded them can leave them out. */
  yesNo(column: string): boolean | undefined {
    const value = this.text(column, false);
    if (value === null) return false;
    if (value === undefined) return undefined;
    if (value === "yes") return true;
    if (value === "no") return false;
    const lower = value.toLowerCase();
    return this.refuse(
      column,
      value,
      "unknown_value",
      `${column} must be yes or no (or empty for no).${caseHint(value, lower, lower === "yes" || lower === "no")}`,
    );
  }

  region(column: string): string | null | undefined {
    const value = this.text(column, false);
    if (value == null || REGION_PATTERN.test(value)) return value;
    const upper = value.toUpperCase();
    return this.refuse(
      column,
      value,
      "invalid_value",
      `${column} must be an ISO 3166-2 code such as AZ-BA, or empty.${caseHint(value, upper, REGION_PATTERN.test(upper))}`,
    );
  }

  /**
   * The trimmed cell of `column`: null when an optional cell is empty or its column absent,
   * undefined when a required one is (an empty cell is reported here, an absent column was
   * reported once for the file, as missing_column).
   */
  private text(column: string, required: boolean): string | null | undefined {
    const index = this.columns.get(column);
    if (index === undefined) {
      if (!required) return null;
      this.valid = false;
      return undefined;
    }
    const raw = (this.fields[index] ?? "").trim();
    if (raw !== "") return raw;
    if (!required) return null;
    this.fail(column, "required", `${column} is required.`);
    return undefined;
  }

  private cell<T>(
    column: string,
    required: boolean,
    parse: (value: string) => Parsed<T>,
  ): T | null | undefined {
    const raw = this.text(column, required);
    if (raw == null) return raw;
    const parsed = parse(raw);
    if (parsed.ok) return parsed.value;
    return this.refuse(column, raw, parsed.code, parsed.message);
  }

  /** Reports a bad value; undefined, the accessors' answer for it. */
  private refuse(column: string, raw: string, code: string, message: string): undefined {
    this.fail(column, code, `${message} Found ${JSON.stringify(raw)}.`);
    return undefined;
  }

  private checkedId(column: string, value: string): string | undefined {
    if (value.length > MAX_ID_LENGTH) {
      return this.refuse(
        column,
        value,
        "invalid_value",
        `An identifier can have at most ${MAX_ID_LENGTH} characters.`,
      );
    }
    if (CONTROL_CHARACTER.test(value)) {
      return this.refuse(
        column,
        value,
        "invalid_value",
        "An identifier cannot contain line breaks or control characters.",
      );
    }
    return value;
  }

  private checkedChoice<const T extends string>(
    column: string,
    value: string,
    allowed: readonly T[],
    orEmpty: string,
  ): T | undefined {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    const other = allowed.find((code) => code.toLowerCase() === value.toLowerCase());
    return this.refuse(
      column,
      value,
      "unknown_value",
      `${column} must be one of ${allowed.join(", ")}${orEmpty}.${other ? caseHint(value, other, true) : ""}`,
    );
  }

  private checkedDate(column: string, value: string, kind: DateKind): string | undefined {
    if (!isRealDate(value)) {
      return this.refuse(column, value, "invalid_date", `${column} must be a real date written YYYY-MM-DD.`);
    }
    const earliest = kind === "birth" ? EARLIEST_BIRTH_DATE : EARLIEST_EVENT_DATE;
    if (value < earliest) {
      return this.refuse(
        column,
        value,
        "date_too_early",
        kind === "birth"
          ? `${column} cannot be before ${earliest}; leave it empty when it is not known.`
          : `${column} cannot be before ${earliest}.`,
      );
    }
    if (kind !== "until" && value > this.today) {
      return this.refuse(column, value, "date_in_future", `${column} cannot be after today (${this.today}).`);
    }
    if (kind === "until" && value > this.latestUntil) {
      return this.refuse(
        column,
        value,
        "date_too_late",
        `${column} cannot be more than ${LATEST_UNTIL_YEARS} years ahead (after ${this.latestUntil}).`,
      );
    }
    return value;
  }
}

/** Codes are case-sensitive; when the value only differs in case from a valid one, the message says so. */
export function caseHint(value: string, fixed: string, fixedIsValid: boolean): string {
  return fixedIsValid && fixed !== value ? ` Codes are case-sensitive: write ${fixed}.` : "";
}
