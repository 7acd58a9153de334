import { type SQL, sql } from "drizzle-orm";

/**
 * `column = ${anyOf(values)}`: a list of values as one JSON parameter (any length, one statement
 * text). Written as `= any(array(…))` rather than `in (select …)` on purpose: the planner then
 * looks the values up in the column's index, whereas a semi-join on a set-returning function,
 * estimated at 100 rows whatever the list holds, is often planned as a hash of the whole table,
 * a full scan per call that grows with the table.
 */
export function anyOf(values: readonly string[], type: "text" | "uuid" = "text"): SQL {
  const elements = sql`jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)`;
  return type === "uuid" ? sql`any(array(select ${elements}::uuid))` : sql`any(array(select ${elements}))`;
}
