/**
 * A two-dimensional count table with its marginal totals, addressed as one (rows+1) x (columns+1) grid:
 * the extra last row holds the column totals, the extra last column the row totals, and the corner the
 * grand total. Treating totals as ordinary cells lets suppression hide a total exactly like an interior
 * cell, which is what a published table needs (a total of 3 discloses as much as a cell of 3).
 */
export interface CountTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly grid: readonly (readonly number[])[];
}

/** Position in the grid; `row === rows.length` is the total row, `column === columns.length` the total column. */
export interface CellRef {
  readonly row: number;
  readonly column: number;
}

/** Cells as strings so sets of hidden cells compare by value. */
export type CellKey = `${number}:${number}`;

export function cellKey(ref: CellRef): CellKey {
  return `${ref.row}:${ref.column}`;
}

export function parseCellKey(key: CellKey): CellRef {
  const [row, column] = key.split(":").map(Number);
  return { row: row ?? 0, column: column ?? 0 };
}

export function totalRow(table: CountTable): number {
  return table.rows.length;
}

export function totalColumn(table: CountTable): number {
  return table.columns.length;
}

export function cellValue(table: CountTable, ref: CellRef): number {
  const value = table.grid[ref.row]?.[ref.column];
  if (value === undefined)
    throw new RangeError(`no cell ${cellKey(ref)} in a ${table.rows.length}x${table.columns.length} table`);
  return value;
}

/** Every cell of the grid, totals included, row by row. */
export function allCells(table: CountTable): CellRef[] {
  const refs: CellRef[] = [];
  for (let row = 0; row <= table.rows.length; row++) {
    for (let column = 0; column <= table.columns.length; column++) refs.push({ row, column });
  }
  return refs;
}

/**
 * The additive relations a reader can use against a table: each row (totals row included) sums to its
 * row total, each column (totals column included) to its column total. The last member is the total.
 */
export function linearRelations(table: CountTable): CellRef[][] {
  const rowCount = table.rows.length;
  const columnCount = table.columns.length;
  const relations: CellRef[][] = [];
  for (let row = 0; row <= rowCount; row++) {
    const members: CellRef[] = [];
    for (let column = 0; column <= columnCount; column++) members.push({ row, column });
    relations.push(members);
  }
  for (let column = 0; column <= columnCount; column++) {
    const members: CellRef[] = [];
    for (let row = 0; row <= rowCount; row++) members.push({ row, column });
    relations.push(members);
  }
  return relations;
}

function assertCount(value: number, where: string): void {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${where}: counts must be non-negative integers, got ${value}`);
}

/**
 * Builds a table from interior counts (`counts[row][column]`); the totals are computed, never supplied.
 * A table without rows or columns is valid: a period in which nothing happened has only its totals, 0.
 */
export function buildTable(
  rows: readonly string[],
  columns: readonly string[],
  counts: readonly (readonly number[])[],
): CountTable {
  if (new Set(rows).size !== rows.length) throw new RangeError("row labels must be unique");
  if (new Set(columns).size !== columns.length) throw new RangeError("column labels must be unique");
  if (counts.length !== rows.length)
    throw new RangeError(`expected ${rows.length} rows of counts, got ${counts.length}`);
  const columnTotals = new Array<number>(columns.length + 1).fill(0);
  const grid = counts.map((line, row) => {
    if (line.length !== columns.length) {
      throw new RangeError(`row ${rows[row]}: expected ${columns.length} counts, got ${line.length}`);
    }
    let rowTotal = 0;
    line.forEach((value, column) => {
      assertCount(value, `${rows[row]} / ${columns[column]}`);
      rowTotal += value;
      columnTotals[column] = (columnTotals[column] ?? 0) + value;
    });
    columnTotals[columns.length] = (columnTotals[columns.length] ?? 0) + rowTotal;
    return [...line, rowTotal];
  });
  grid.push(columnTotals);
  return { rows: [...rows], columns: [...columns], grid };
}

export interface CountRecord {
  readonly row: string;
  readonly column: string;
  readonly count: number;
}

/** Builds a table from keyed records, e.g. a GROUP BY result; repeated keys add up, missing keys are 0. */
export function tableFromRecords(
  rows: readonly string[],
  columns: readonly string[],
  records: Iterable<CountRecord>,
): CountTable {
  const counts = rows.map(() => new Array<number>(columns.length).fill(0));
  for (const record of records) {
    const row = rows.indexOf(record.row);
    const column = columns.indexOf(record.column);
    if (row < 0) throw new RangeError(`unknown row ${record.row}`);
    if (column < 0) throw new RangeError(`unknown column ${record.column}`);
    assertCount(record.count, `${record.row} / ${record.column}`);
    const line = counts[row] as number[];
    line[column] = (line[column] ?? 0) + record.count;
  }
  return buildTable(rows, columns, counts);
}
