import { bridges, columnNode, type GraphNode, rowNode } from "./hidden-graph.js";
import { assertKeysInTable } from "./recomputable.js";
import { allCells, type CellKey, type CountTable, cellKey, cellValue, parseCellKey } from "./table.js";

/**
 * Secondary (complementary) suppression: hides further cells until no hidden cell can be solved for from
 * the published totals. A hidden cell is safe when it lies on a cycle of hidden cells in the row/column
 * graph (hidden-graph.ts), which implies the ESS rule that every row and column holding a hidden cell holds
 * at least two (totals counted). For each exposed hidden cell the cheapest cycle through it is completed
 * with a shortest path over the other cells, so complements are the smallest counts available (least
 * information lost), ties going to fewer cells. Repeats until stable; cells only ever get added.
 *
 * Zeros are taken as complements only when nothing else closes the cycle: a zero that readers know to be
 * structural (e.g. an impossible combination) protects nothing when hidden.
 */
export function secondarySuppression(table: CountTable, primary: ReadonlySet<CellKey>): Set<CellKey> {
  assertKeysInTable(table, primary);
  const hidden = new Set(primary);
  const cells = allCells(table);
  // Lexicographic cost as one integer: total value hidden first, number of cells second, zeros last resort.
  const scale = cells.length + 1;
  const grand = cellValue(table, { row: table.rows.length, column: table.columns.length });
  // The grid holds the grand total four times over (cells, row totals, column totals, corner), so one
  // zero costs more than every non-zero cell together.
  const zeroPenalty = (4 * grand + 2) * scale;
  const cost = (key: CellKey, value: number): number => {
    if (hidden.has(key)) return 0;
    return value === 0 ? zeroPenalty : value * scale + 1;
  };

  for (;;) {
    const exposed = bridges(hidden)[0];
    if (exposed === undefined) return hidden;
    for (const key of cheapestPath(table, exposed, cost)) hidden.add(key);
  }
}

/** Dijkstra over the complete row/column graph without `exposed`, from its row to its column. */
function cheapestPath(
  table: CountTable,
  exposed: CellKey,
  cost: (key: CellKey, value: number) => number,
): CellKey[] {
  const { row: exposedRow, column: exposedColumn } = parseCellKey(exposed);
  const rowCount = table.rows.length + 1;
  const columnCount = table.columns.length + 1;
  const distance = new Map<GraphNode, number>();
  const via = new Map<GraphNode, { from: GraphNode; key: CellKey }>();
  const done = new Set<GraphNode>();
  const nodes: GraphNode[] = [];
  for (let row = 0; row < rowCount; row++) nodes.push(rowNode(row));
  for (let column = 0; column < columnCount; column++) nodes.push(columnNode(column));
  const start = rowNode(exposedRow);
  const goal = columnNode(exposedColumn);
  distance.set(start, 0);

  while (!done.has(goal)) {
    let current: GraphNode | undefined;
    for (const node of nodes) {
      const d = distance.get(node);
      if (done.has(node) || d === undefined) continue;
      if (current === undefined || d < (distance.get(current) ?? Number.POSITIVE_INFINITY)) current = node;
    }
    // The graph is complete bipartite with >= 2 nodes a side, so the goal is always reachable.
    if (current === undefined) throw new Error(`no complement can protect cell ${exposed}`);
    done.add(current);
    const base = distance.get(current) ?? 0;
    const index = Number(current.slice(1));
    const isRow = current.startsWith("r");
    const neighbours = isRow ? columnCount : rowCount;
    for (let other = 0; other < neighbours; other++) {
      const ref = isRow ? { row: index, column: other } : { row: other, column: index };
      const key = cellKey(ref);
      if (key === exposed) continue;
      const next = isRow ? columnNode(other) : rowNode(other);
      if (done.has(next)) continue;
      const candidate = base + cost(key, cellValue(table, ref));
      if (candidate < (distance.get(next) ?? Number.POSITIVE_INFINITY)) {
        distance.set(next, candidate);
        via.set(next, { from: current, key });
      }
    }
  }

  const path: CellKey[] = [];
  for (let node = goal; node !== start; ) {
    const step = via.get(node);
    if (step === undefined) break;
    path.push(step.key);
    node = step.from;
  }
  return path;
}
