import { sql } from "drizzle-orm";
import { countryProfile } from "../../../platform/country/index.js";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import { type CubeTable, cubeTables } from "./cube-cell.js";

/** The columns a series of a cube may be narrowed by (sex and age are not kept in every cube). */
export const cubeFilterColumns = ["citizen", "d1", "d2", "d3"] as const;
export type CubeFilterColumn = (typeof cubeFilterColumns)[number];

/**
 * Codes a cube's column takes by definition (see `cubeTables`), offered even before any figure
 * carries them; "regions" is the country profile's regions code list. Columns not named here
 * (case types, outcomes, reasons, citizenships) take the codes the figures hold.
 */
const definedCodes: Partial<
  Record<CubeTable, Partial<Record<CubeFilterColumn, readonly string[] | "regions">>>
> = {
  asylum_applicants: { d1: ["ASY_APP", "NASY_APP"] },
  asylum_withdrawn: { d1: ["EXPL", "IMPL", "UNK"] },
  asylum_pending_stock: { d1: ["FIRST", "APPEAL"] },
  permits_issued: { d2: ["FIRST", "RENEWAL", "CHANGE", "UNK"] },
  enforcement: { d1: ["REFUSED", "ILLEGAL", "ORDERED", "RETURNED"] },
  detention_stock: { d1: "regions" },
  registrations: { d1: "regions" },
  applications: { d2: "regions" },
  decisions: { d3: "regions" },
  processing: { d2: ["WITHIN", "LATE", "UNK"] },
  backlog_stock: { d2: ["M_LT1", "M1-2", "M3-5", "M6-11", "M_GE12"] },
  violations: { d1: "regions" },
};

/** The columns of a cube that hold something: citizenship, and the free dimensions it describes. */
export function cubeColumns(cube: CubeTable): CubeFilterColumn[] {
  const described: Partial<Record<string, string>> = cubeTables[cube];
  return cubeFilterColumns.filter((column) => column === "citizen" || Boolean(described[column]));
}

/**
 * The codes each column of a cube may be narrowed to: those it takes by definition and those its
 * figures hold. A column of no codes yet (an empty cube's citizenship) is an empty list.
 */
export async function cubeColumnCodes(
  db: Queryable,
  cube: CubeTable,
): Promise<Partial<Record<CubeFilterColumn, string[]>>> {
  const columns = cubeColumns(cube);
  const found = await queryRows<{ column: CubeFilterColumn; code: string }>(
    db,
    sql.join(
      columns.map(
        (column) =>
          sql`(select ${column}::text as column, ${sql.identifier(column)} as code from stat_cube
               where table_code = ${cube} and ${sql.identifier(column)} <> '' group by ${sql.identifier(column)})`,
      ),
      sql` union all `,
    ),
  );
  const codes: Partial<Record<CubeFilterColumn, string[]>> = {};
  for (const column of columns) {
    const defined = definedCodes[cube]?.[column];
    const fixed =
      defined === "regions" ? countryProfile().regions.map((region) => region.code) : (defined ?? []);
    const seen = found.filter((row) => row.column === column).map((row) => row.code);
    // The defined codes in their own order (backlog ages run young to old), then the others found.
    codes[column] = [...new Set([...fixed, ...seen.sort()])];
  }
  return codes;
}
