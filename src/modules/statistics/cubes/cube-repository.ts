import { type SQL, sql } from "drizzle-orm";
import pg from "pg";
import {
  driverConnection,
  type Queryable,
  queryRows,
  queryRowsPrepared,
} from "../../../platform/db/index.js";
import { copyConnection, copyLinesInto, copyValue } from "./copy-text.js";
import { type CubeCell, type CubeTable, sumCells } from "./cube-cell.js";

/** Cells per statement: the columns travel as arrays (`unnest`), so one statement carries many. */
const CELLS_PER_STATEMENT = 20_000;
/**
 * From this many cells on, inside a transaction on a server, the changes go in by COPY to a temporary table:
 * arrays of many thousands of parameters cost the driver and the server more than COPY's text,
 * while for the few cells of a case a temporary table would cost more than it saves.
 */
const COPY_FROM_CELLS = 2_000;

const KEY_COLUMNS = "table_code, period, citizen, sex, age, d1, d2, d3";
const SAME_CELL = sql.raw(
  KEY_COLUMNS.split(", ")
    .map((column) => `c.${column} = r.${column}`)
    .join(" and "),
);

/**
 * Adds changes to the cubes; cells that come to nothing go. Returns how many cells changed.
 * `copyFromCells` is where COPY takes over from array parameters (the tests try both ways).
 */
export async function addToCubes(
  db: Queryable,
  changes: Iterable<CubeCell>,
  copyFromCells = COPY_FROM_CELLS,
): Promise<number> {
  // One statement cannot change a row twice: changes to the same cell are added up first. Rows are
  // changed in key order, so that every writer locks them in the same order.
  const summed = [...sumCells(changes)]
    .filter(([, cell]) => cell.n !== 0 || cell.total !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, cell]) => cell);
  if (summed.length === 0) return 0;
  // A server transaction's own connection: the temporary table lives as long as the transaction.
  // The embedded database reads a COPY's blob more slowly than array parameters.
  if (summed.length >= copyFromCells && !("$client" in db) && driverConnection(db) instanceof pg.Client) {
    await addByCopy(db, summed);
    return summed.length;
  }
  for (let index = 0; index < summed.length; index += CELLS_PER_STATEMENT) {
    const cells = summed.slice(index, index + CELLS_PER_STATEMENT);
    const column = <T>(value: (cell: CubeCell) => T) => sql.param(cells.map(value));
    const recordset = sql`unnest(${column((c) => c.tableCode)}::text[], ${column((c) => c.period)}::text[],
      ${column((c) => c.citizen)}::text[], ${column((c) => c.sex)}::text[], ${column((c) => c.age)}::text[],
      ${column((c) => c.d1)}::text[], ${column((c) => c.d2)}::text[], ${column((c) => c.d3)}::text[],
      ${column((c) => c.n)}::bigint[], ${column((c) => c.total)}::bigint[])
      as r(table_code, period, citizen, sex, age, d1, d2, d3, n, total)`;
    await applyChanges(db, recordset);
  }
  return summed.length;
}

/** Adds the changes in `r` (a recordset of cells) to the cubes, then removes cells that came to nothing. */
async function applyChanges(db: Queryable, changes: SQL): Promise<void> {
  await db.execute(sql`insert into stat_cube (table_code, period, citizen, sex, age, d1, d2, d3, n, total)
    select * from ${changes}
    on conflict (table_code, period, citizen, sex, age, d1, d2, d3)
    do update set n = stat_cube.n + excluded.n, total = stat_cube.total + excluded.total`);
  await db.execute(sql`delete from stat_cube c using ${changes}
    where ${SAME_CELL} and c.n = 0 and c.total = 0`);
}

/**
 * The changes COPYed into a temporary table of the transaction first. The table is read in the
 * order it was written, the key order, which keeps the lock order of the upsert.
 */
async function addByCopy(tx: Queryable, cells: readonly CubeCell[]): Promise<void> {
  await tx.execute(sql`create temporary table stat_cube_changes (
      table_code text, period text, citizen text, sex text, age text, d1 text, d2 text, d3 text,
      n bigint, total bigint
    ) on commit drop`);
  let lines = "";
  for (const c of cells) {
    lines += `${copyValue(c.tableCode)}\t${copyValue(c.period)}\t${copyValue(c.citizen)}\t${copyValue(c.sex)}\t${copyValue(c.age)}\t${copyValue(c.d1)}\t${copyValue(c.d2)}\t${copyValue(c.d3)}\t${c.n}\t${c.total}\n`;
  }
  await copyLinesInto(copyConnection(tx), `stat_cube_changes (${KEY_COLUMNS}, n, total)`, lines);
  await applyChanges(tx, sql`stat_cube_changes r`);
  // Dropped now rather than at commit: a transaction may move the cubes more than once.
  await tx.execute(sql`drop table stat_cube_changes`);
}

export interface CubeSum {
  citizen: string;
  sex: string;
  age: string;
  d1: string;
  d2: string;
  d3: string;
  n: number;
  total: number;
}

const CUBE_COLUMNS = ["citizen", "sex", "age", "d1", "d2", "d3"] as const;
type CubeColumn = (typeof CUBE_COLUMNS)[number];

/**
 * Sums a cube over months: the months of a flow's period, or every month up to the reference
 * month of a stock. `by` keeps only the columns a table breaks down by (the others come back
 * empty) and `where` keeps only cells with these codes (those columns come back with their code):
 * the database adds up what the table would add up anyway, and fewer rows travel.
 */
export async function sumCube(
  db: Queryable,
  tableCode: CubeTable,
  months: { in: string[] } | { upTo: string },
  options: { by?: readonly CubeColumn[]; where?: Partial<Record<CubeColumn, string>> } = {},
): Promise<CubeSum[]> {
  // The months as a list of values: (table_code, period) is then one or a few ranges of the key,
  // whatever the planner believes about the table.
  const period =
    "in" in months
      ? months.in.length === 0
        ? sql`false`
        : sql`period in (${sql.join(
            months.in.map((month) => sql`${month}`),
            sql`, `,
          )})`
      : sql`period <= ${months.upTo}`;
  const where = options.where ?? {};
  const fixed = (column: CubeColumn) => where[column] !== undefined;
  // A column fixed by `where` holds one code in every row: it comes back with that code without
  // being grouped by, so a table's filter still sees its cells.
  const kept = CUBE_COLUMNS.filter(
    (column) => !fixed(column) && (!options.by || options.by.includes(column)),
  );
  const selected = CUBE_COLUMNS.map((column) =>
    kept.includes(column)
      ? sql.identifier(column)
      : fixed(column)
        ? sql`${where[column]}::text as ${sql.identifier(column)}`
        : sql`''::text as ${sql.identifier(column)}`,
  );
  const codes = Object.entries(where).map(([column, code]) => sql` and ${sql.identifier(column)} = ${code}`);
  const grouping =
    kept.length > 0
      ? sql`group by ${sql.join(
          kept.map((column) => sql.identifier(column)),
          sql`, `,
        )}`
      : sql``;
  // Prepared: a table is asked for often, and planning costs as much as running.
  return queryRowsPrepared<CubeSum>(
    db,
    sql`select ${sql.join(selected, sql`, `)}, sum(n)::int as n, sum(total)::bigint::float8 as total
        from stat_cube where table_code = ${tableCode} and ${period}${sql.join(codes, sql``)}
        ${grouping} having sum(n) <> 0 or sum(total) <> 0`,
  );
}

/** Monthly totals of a cube for charts (optionally filtered on its dimensions). */
export async function monthlySeries(
  db: Queryable,
  tableCode: CubeTable,
  range: { from: string; to: string },
  filter: Partial<Record<"citizen" | "d1" | "d2" | "d3", string>> = {},
  splitBy?: "d1" | "d2" | "d3" | "citizen",
): Promise<Array<{ period: string; split: string; n: number; total: number }>> {
  const conditions = Object.entries(filter).map(
    ([column, value]) => sql`${sql.identifier(column)} = ${value}`,
  );
  const split = splitBy ? sql.identifier(splitBy) : sql`''`;
  return queryRows(
    db,
    sql`select period, ${split} as split, sum(n)::int as n, sum(total)::bigint::float8 as total from stat_cube
        where table_code = ${tableCode} and period >= ${range.from} and period <= ${range.to}
        ${conditions.length > 0 ? sql`and ${sql.join(conditions, sql` and `)}` : sql``}
        group by period, split order by period, split`,
  );
}

/** The whole cube in a fixed order: what a rebuild must reproduce. */
export async function cubeSnapshot(db: Queryable): Promise<string> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select table_code, period, citizen, sex, age, d1, d2, d3, n, total from stat_cube
        order by table_code, period, citizen, sex, age, d1, d2, d3`,
  );
  return JSON.stringify(rows);
}
