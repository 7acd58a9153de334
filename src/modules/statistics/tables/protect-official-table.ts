import { protectTable } from "../disclosure/protect-table.js";
import { roundToNearest } from "../disclosure/round-to-five.js";
import { tableFromRecords } from "../disclosure/table.js";
import type { ExactTable } from "./compute-official-table.js";
import type { OfficialObservation } from "./official-table.js";
import type { TableDimension } from "./table-definitions.js";

const AGGREGATES = new Set(["Y_LT18", "TOTAL_POS"]);

/**
 * What the public sees of a table: the two-way view its definition names (the other dimensions at
 * their totals), rounded to the nearest 5 for asylum and enforcement figures as Eurostat does, or
 * with cells of 1-4 hidden, and enough others hidden that none can be recomputed from the totals.
 */
export function protectOfficialTable(table: ExactTable): OfficialObservation[] {
  const { definition } = table;
  const rowsDimension = definition.dimensions.find(
    (dimension) => dimension.id === definition.publicView.rows,
  );
  const columnsDimension = definition.dimensions.find(
    (dimension) => dimension.id === definition.publicView.columns,
  );
  if (!rowsDimension || !columnsDimension)
    throw new Error(`${definition.code}: public view names unknown dimensions`);
  const others = definition.dimensions.filter(
    (dimension) => dimension !== rowsDimension && dimension !== columnsDimension,
  );
  const inView = table.observations.filter((observation) =>
    others.every((dimension) => observation.key[dimension.id] === dimension.total),
  );
  const leaves = (dimension: TableDimension) =>
    [...new Set(inView.map((observation) => observation.key[dimension.id] as string))]
      .filter(
        (code) => code !== dimension.total && !AGGREGATES.has(code) && !dimension.aggregates?.includes(code),
      )
      .sort();
  const rows = leaves(rowsDimension);
  const columns = leaves(columnsDimension);
  // A period without cases publishes no observations (an SDMX file with its header only), not a row of zeros.
  if (rows.length === 0 || columns.length === 0) return [];
  const records = inView
    .filter(
      (observation) =>
        rows.includes(observation.key[rowsDimension.id] as string) &&
        columns.includes(observation.key[columnsDimension.id] as string),
    )
    .map((observation) => ({
      row: observation.key[rowsDimension.id] as string,
      column: observation.key[columnsDimension.id] as string,
      count: observation.value ?? 0,
    }));
  const counts = tableFromRecords(rows, columns, records);
  const keyOf = (row: string, column: string): Record<string, string> =>
    Object.fromEntries(
      definition.dimensions.map((dimension) => [
        dimension.id,
        dimension === rowsDimension ? row : dimension === columnsDimension ? column : dimension.total,
      ]),
    );
  const rowCodes = [...rows, rowsDimension.total];
  const columnCodes = [...columns, columnsDimension.total];
  if (definition.publicView.protection === "round") {
    return rowCodes.flatMap((row, rowIndex) =>
      columnCodes.map((column, columnIndex) => ({
        key: keyOf(row, column),
        value: roundToNearest(counts.grid[rowIndex]?.[columnIndex] ?? 0),
        flag: "",
      })),
    );
  }
  const shown = protectTable(counts, { audience: "public", round: false });
  return rowCodes.flatMap((row, rowIndex) =>
    columnCodes.map((column, columnIndex) => {
      const cell =
        rowIndex < rows.length
          ? columnIndex < columns.length
            ? shown.cells[rowIndex]?.[columnIndex]
            : shown.rowTotals[rowIndex]
          : columnIndex < columns.length
            ? shown.columnTotals[columnIndex]
            : shown.grandTotal;
      return { key: keyOf(row, column), value: cell?.value ?? null, flag: cell?.flag ?? "c" };
    }),
  );
}
