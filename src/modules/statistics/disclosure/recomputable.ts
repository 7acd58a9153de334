import { bridges, compareKeys } from "./hidden-graph.js";
import { type CellKey, type CountTable, cellKey, linearRelations, parseCellKey } from "./table.js";

/** A key outside the table would silently never be "hidden"; refusing it keeps callers honest. */
export function assertKeysInTable(table: CountTable, keys: Iterable<CellKey>): void {
  for (const key of keys) {
    const { row, column } = parseCellKey(key);
    if (!(row >= 0 && row <= table.rows.length && column >= 0 && column <= table.columns.length)) {
      throw new RangeError(`cell ${key} is not in a ${table.rows.length}x${table.columns.length} table`);
    }
  }
}

/**
 * The attack every reader can do with a calculator: in a row or column where exactly one member (a cell
 * or the total) is hidden, it equals the total minus the others. Once derived it counts as known, so the
 * check repeats until nothing new falls out (derivations chain across rows and columns).
 * Returns the hidden cells that can be recomputed, in grid order; empty means the table resists this attack.
 */
export function isRecomputable(table: CountTable, hidden: ReadonlySet<CellKey>): CellKey[] {
  assertKeysInTable(table, hidden);
  const unknown = new Set(hidden);
  const derived: CellKey[] = [];
  const relations = linearRelations(table).map((members) => members.map(cellKey));
  let changed = true;
  while (changed) {
    changed = false;
    for (const members of relations) {
      const missing = members.filter((key) => unknown.has(key));
      const only = missing[0];
      if (missing.length === 1 && only !== undefined) {
        unknown.delete(only);
        derived.push(only);
        changed = true;
      }
    }
  }
  return derived.sort(compareKeys);
}

/**
 * The stronger attack: solving all row and column relations together as a linear system. A hidden cell is
 * determined exactly when it lies on no cycle of hidden cells (see hidden-graph.ts), which catches
 * combinations the one-at-a-time check misses, e.g. two protected blocks joined by a single hidden cell.
 * Bounds from non-negativity (interval attacks) are not considered.
 */
export function determinedCells(table: CountTable, hidden: ReadonlySet<CellKey>): CellKey[] {
  assertKeysInTable(table, hidden);
  return bridges(hidden);
}
