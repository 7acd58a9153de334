import { CsvFormatError, parseCsv } from "../../cases/index.js";
import type { EnforcementContext } from "../enforcement-context.js";
import { auditWatchList, authorizeWatchList } from "../watchlist/entry-access.js";
import { type NewEntry, newEntrySchema } from "../watchlist/watch-list-entry.js";
import { insertEntries } from "../watchlist/watch-list-repository.js";

/** The columns of a watch-list file, in the order of its header line. */
export const watchListCsvColumns = [
  "list",
  "names",
  "birthDate",
  "sex",
  "citizenships",
  "documentNumbers",
  "legalBasis",
  "issuingAuthority",
  "validFrom",
  "validUntil",
] as const;

/** At most this many entries in one file: one transaction, kept short. */
const maxEntriesPerFile = 5000;

/** What is wrong with one line of the file (`field` empty when the line as a whole is wrong). */
export interface ImportProblem {
  line: number;
  field: string;
  messageKey: string;
}

export class WatchListFileRefusedError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`watch-list file refused: ${problems.length} problems`);
    this.name = "WatchListFileRefusedError";
  }
}

/** Every line of the file as a checked entry, or every problem of the file. */
function readWatchListCsv(text: string): { entries: NewEntry[]; problems: ImportProblem[] } {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvFormatError) {
      return { entries: [], problems: [{ line: error.line, field: "", messageKey: error.messageKey }] };
    }
    throw error;
  }
  const [header, ...lines] = records;
  const columns = header?.fields.map((field) => field.trim()) ?? [];
  const missing = watchListCsvColumns.filter((column) => !columns.includes(column));
  if (!header || missing.length > 0) {
    return {
      entries: [],
      problems: [{ line: 1, field: missing.join(", "), messageKey: "enforcement.import.header" }],
    };
  }
  if (lines.length === 0)
    return { entries: [], problems: [{ line: 1, field: "", messageKey: "enforcement.import.empty" }] };
  if (lines.length > maxEntriesPerFile) {
    return { entries: [], problems: [{ line: 1, field: "", messageKey: "enforcement.import.tooMany" }] };
  }
  const entries: NewEntry[] = [];
  const problems: ImportProblem[] = [];
  for (const record of lines) {
    const values = Object.fromEntries(columns.map((column, index) => [column, record.fields[index] ?? ""]));
    const parsed = newEntrySchema.safeParse(values);
    if (parsed.success) entries.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        problems.push({
          line: record.line,
          field: issue.path.map(String).join("."),
          messageKey: issue.message,
        });
      }
    }
  }
  return { entries, problems };
}

/**
 * An officer imports a file of entries, ALL OR NOTHING: one wrong line and nothing is stored; the
 * refusal names every wrong line and field. Returns how many entries were added.
 */
export async function importWatchListEntries(context: EnforcementContext, text: string): Promise<number> {
  const userId = await authorizeWatchList(context);
  const { entries, problems } = readWatchListCsv(text);
  if (problems.length > 0) throw new WatchListFileRefusedError(problems);
  return context.db.transaction(async (tx) => {
    const ids = await insertEntries(tx, entries, { userId, at: context.clock.now() });
    await auditWatchList(context, tx, "watch_list_entry.imported", { details: { count: ids.length } });
    return ids.length;
  });
}
