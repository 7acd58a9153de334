/** One problem found in the import files, precise enough for a user to find and fix it. */
export interface ImportError {
  /** The file name (`persons.csv`), or `""` for a problem with the set of files as a whole. */
  file: string;
  /** Physical line in the file (the header is line 1), or null when the problem is not on one line. */
  line: number | null;
  /** Column name, or null. */
  field: string | null;
  /** Machine-readable code (`required`, `invalid_date`, `unknown_person`, ...). */
  code: string;
  /** English explanation for the person fixing the file. */
  message: string;
}

export const MAX_IMPORT_ERRORS = 1000;

/** Where the checks put the errors they find. */
export interface ImportErrorSink {
  add(error: ImportError): void;
}

/**
 * Errors found ahead, kept until the list may take them: the lines of the next batch are read while
 * the current batch is checked, and their errors join the list after the current batch's, in the
 * order they would have had without reading ahead (the cap of the list keeps the same ones).
 */
export class PendingImportErrors implements ImportErrorSink {
  private errors: ImportError[] = [];

  add(error: ImportError): void {
    // Past the cap the list keeps none but the one that notes the overflow.
    if (this.errors.length <= MAX_IMPORT_ERRORS) this.errors.push(error);
  }

  moveTo(list: ImportErrorSink): void {
    for (const error of this.errors) list.add(error);
    this.errors = [];
  }
}

/**
 * Collects every error rather than stopping at the first, so that one run shows the user all they
 * must fix; capped because a file in the wrong format would otherwise yield an error per cell.
 */
export class ImportErrorList implements ImportErrorSink {
  readonly errors: ImportError[] = [];
  private overflowed = false;

  add(error: ImportError): void {
    if (this.errors.length < MAX_IMPORT_ERRORS) {
      this.errors.push(error);
      return;
    }
    if (this.overflowed) return;
    this.overflowed = true;
    this.errors.push({
      file: error.file,
      line: null,
      field: null,
      code: "too_many_errors",
      message: `More than ${MAX_IMPORT_ERRORS} errors; the rest are not listed. Fix these and import again.`,
    });
  }

  /**
   * The errors file by file in the given order, then by line, so that cross-file checks (run after
   * every file was read) appear beside the other errors of their line; the overflow note stays last.
   */
  sorted(fileOrder: readonly string[]): ImportError[] {
    const rank = (file: string) => fileOrder.indexOf(file);
    const listed = this.errors.filter((error) => error.code !== "too_many_errors");
    listed.sort((a, b) => rank(a.file) - rank(b.file) || (a.line ?? 0) - (b.line ?? 0));
    return this.overflowed ? [...listed, ...this.errors.filter((e) => e.code === "too_many_errors")] : listed;
  }

  get isEmpty(): boolean {
    return this.errors.length === 0;
  }
}
