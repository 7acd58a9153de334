import { type CellKey, type CellRef, parseCellKey } from "./table.js";

/**
 * The hidden cells of a 2D table seen as a bipartite graph: one node per row and per column (the total
 * row and column included), one edge per hidden cell joining its row and its column. With totals counted
 * as cells every node's relation reads "signed sum of its cells = 0", so the unknowns are fixed exactly
 * when their edge lies on no cycle: a cycle lets a reader shift +d/-d around it without breaking any total,
 * while an edge on no cycle (a bridge) has one value only. Cell suppression in 2D tables is classically
 * solved on this graph (Cox 1980, JASA 75; ESS Handbook on SDC, chapter on tabular data).
 */
export type GraphNode = `r${number}` | `c${number}`;

export function rowNode(row: number): GraphNode {
  return `r${row}`;
}

export function columnNode(column: number): GraphNode {
  return `c${column}`;
}

export function endpoints(ref: CellRef): [GraphNode, GraphNode] {
  return [rowNode(ref.row), columnNode(ref.column)];
}

type Adjacency = Map<GraphNode, Array<{ node: GraphNode; key: CellKey }>>;

function adjacency(hidden: Iterable<CellKey>): Adjacency {
  const graph: Adjacency = new Map();
  for (const key of hidden) {
    const [a, b] = endpoints(parseCellKey(key));
    if (!graph.has(a)) graph.set(a, []);
    if (!graph.has(b)) graph.set(b, []);
    graph.get(a)?.push({ node: b, key });
    graph.get(b)?.push({ node: a, key });
  }
  return graph;
}

function connectedWithout(graph: Adjacency, from: GraphNode, to: GraphNode, skip: CellKey): boolean {
  const seen = new Set<GraphNode>([from]);
  const queue: GraphNode[] = [from];
  while (queue.length > 0) {
    const node = queue.shift() as GraphNode;
    if (node === to) return true;
    for (const edge of graph.get(node) ?? []) {
      if (edge.key === skip || seen.has(edge.node)) continue;
      seen.add(edge.node);
      queue.push(edge.node);
    }
  }
  return false;
}

/** Hidden cells on no cycle of the hidden graph: exactly the ones a reader can solve for. */
export function bridges(hidden: ReadonlySet<CellKey>): CellKey[] {
  const graph = adjacency(hidden);
  const found: CellKey[] = [];
  for (const key of hidden) {
    const [a, b] = endpoints(parseCellKey(key));
    if (!connectedWithout(graph, a, b, key)) found.push(key);
  }
  return found.sort(compareKeys);
}

export function compareKeys(a: CellKey, b: CellKey): number {
  const left = parseCellKey(a);
  const right = parseCellKey(b);
  return left.row - right.row || left.column - right.column;
}
