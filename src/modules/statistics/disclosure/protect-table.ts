/**
 * Statistical disclosure control for published migration tables.
 *
 * Why: a published count of 1-4 people (e.g. "2 unaccompanied minors from country X returned from
 * region Y") can identify individuals, and hiding only that cell is not enough when the row and column
 * totals let a reader subtract it back out. The rules below follow the sources the tables are built for:
 *
 * - Rounding: Eurostat publishes asylum and managed-migration counts rounded to the nearest 5
 *   (0 stays 0, 1-2 -> 0, 3-7 -> 5, ...), rounding totals independently so tables need not add up.
 *   The counts themselves are those transmitted under Regulation (EC) No 862/2007 on Community
 *   statistics on migration and international protection, as amended by Regulation (EU) 2020/851; the
 *   rounding is Eurostat's dissemination practice for those datasets, applied here so our public tables
 *   match what Eurostat publishes from the same data.
 * - Suppression: the ESS Handbook on Statistical Disclosure Control (Eurostat / ESSnet SDC) describes the
 *   threshold rule (primary suppression of cells below a minimum count) and secondary suppression so no
 *   suppressed cell can be recomputed from the margins. Suppressed cells carry Eurostat's flag "c"
 *   (confidential) so exports can say why a figure is missing rather than printing a misleading blank.
 *
 * Order: suppression decides on exact counts, then shown cells are rounded. Rounding first would let a
 * true 3 (rounded to 5) escape the threshold, and suppression patterns built on rounded values would not
 * protect the exact ones.
 *
 * Internal users (caseworkers, planners with access to the register) see exact figures: disclosure control
 * protects against readers outside the organisation, and rounding internal dashboards only causes
 * reconciliation errors.
 */
import { roundToNearest } from "./round-to-five.js";
import { secondarySuppression } from "./secondary-suppression.js";
import { type PrimarySuppressionOptions, primarySuppression } from "./suppress-small-cells.js";
import { type CellKey, type CountTable, cellKey } from "./table.js";

export type Audience = "public" | "internal";

/** Eurostat observation flag: "" for a published figure, "c" for confidential. */
export type ConfidentialityFlag = "" | "c";

export interface ProtectedCell {
  readonly value: number | null;
  readonly flag: ConfidentialityFlag;
}

export interface ProtectTableOptions extends PrimarySuppressionOptions {
  readonly audience: Audience;
  /** Round shown public figures (Eurostat practice). Ignored for internal users, who see exact figures. */
  readonly round: boolean;
  /** Rounding base; Eurostat uses 5. */
  readonly base?: number;
}

export interface ProtectedTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** `cells[row][column]` for interior cells. */
  readonly cells: readonly (readonly ProtectedCell[])[];
  readonly rowTotals: readonly ProtectedCell[];
  readonly columnTotals: readonly ProtectedCell[];
  readonly grandTotal: ProtectedCell;
  /** Cells withheld, totals included, in the grid addressing of table.ts. Empty for internal users. */
  readonly hidden: ReadonlySet<CellKey>;
}

/** Which cells a public release must withhold: primary small cells plus their complements. */
export function suppressionPattern(table: CountTable, options: PrimarySuppressionOptions = {}): Set<CellKey> {
  return secondarySuppression(table, primarySuppression(table, options));
}

export function protectTable(table: CountTable, options: ProtectTableOptions): ProtectedTable {
  const isPublic = options.audience === "public";
  const hidden = isPublic ? suppressionPattern(table, options) : new Set<CellKey>();
  const shouldRound = isPublic && options.round;
  const grid: ProtectedCell[][] = table.grid.map((line, row) =>
    line.map((value, column): ProtectedCell => {
      if (hidden.has(cellKey({ row, column }))) return { value: null, flag: "c" };
      return { value: shouldRound ? roundToNearest(value, options.base) : value, flag: "" };
    }),
  );
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const totalsLine = grid[rowCount] ?? [];
  return {
    rows: table.rows,
    columns: table.columns,
    cells: grid.slice(0, rowCount).map((line) => line.slice(0, columnCount)),
    rowTotals: grid.slice(0, rowCount).map((line) => line[columnCount] as ProtectedCell),
    columnTotals: totalsLine.slice(0, columnCount),
    grandTotal: totalsLine[columnCount] as ProtectedCell,
    hidden,
  };
}
