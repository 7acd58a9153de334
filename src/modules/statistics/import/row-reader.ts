import type { ImportErrorList } from "./import-error.js";
import type { TableRow } from "./read-csv-table.js";

type Parsed<T> = { ok: true; value: T } | { ok: false; code: string; message: string };

export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const REGION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CASE_TYPE_PATTERN = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const MAX_ID_LENGTH = 100;

export function isRealDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * Reads the cells of one row, reporting each bad cell with its file, line and column. Accessors
 * return `undefined` for a bad or missing required value (already reported) and `null` for an empty
 * optional one; `valid` tells whether the whole row was correct.
 */
export class RowReader {
  valid = true;

  constructor(
    private readonly file: string,
    private readonly row: TableRow,
    private readonly errors: ImportErrorList,
    private readonly today: string,
  ) {}

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
            message: `${column} must be a kebab-case code such as asylum or work-permit.`,
          },
    );
  }

  requiredDate(column: string, options: { notInFuture: boolean }): string | undefined {
    return this.required(column, (value) => this.parseDate(column, value, options.notInFuture));
  }

  optionalDate(column: string, options: { notInFuture: boolean }): string | null | undefined {
    return this.optional(column, (value) => this.parseDate(column, value, options.notInFuture));
  }

  choice<const T extends string>(column: string, allowed: readonly T[]): T | undefined {
    return this.required(column, (value) =>
      (allowed as readonly string[]).includes(value)
        ? { ok: true, value: value as T }
        : { ok: false, code: "unknown_value", message: `${column} must be one of ${allowed.join(", ")}.` },
    );
  }

  /** yes/no flags default to no, so a previous system that never recorded them can leave them out. */
  yesNo(column: string): boolean | undefined {
    const value = this.optional(column, (raw): Parsed<boolean> => {
      if (raw === "yes") return { ok: true, value: true };
      if (raw === "no") return { ok: true, value: false };
      return { ok: false, code: "unknown_value", message: `${column} must be yes or no (or empty for no).` };
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
            message: `${column} must be an ISO 3166-2 code such as AZ-BA, or empty.`,
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

  private parseDate(column: string, value: string, notInFuture: boolean): Parsed<string> {
    if (!isRealDate(value)) {
      return {
        ok: false,
        code: "invalid_date",
        message: `${column} must be a real date written YYYY-MM-DD.`,
      };
    }
    if (notInFuture && value > this.today) {
      return {
        ok: false,
        code: "date_in_future",
        message: `${column} cannot be after today (${this.today}).`,
      };
    }
    return { ok: true, value };
  }
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
