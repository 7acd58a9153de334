import type { StateCategory } from "../definition/case-type.js";

/**
 * Lays out a workflow as an arc diagram drawn on the server: states in one row, left to right in
 * reading order (grouped in bands by category); each step an arc with its label at the top,
 * forward steps above the row, steps back below it. Arcs of the same length share a level, and
 * each longer arc rises one label-height higher, so that no two labels cover each other.
 */

export interface DiagramInput {
  /** In reading order (see `statesInReadingOrder`). */
  states: Array<{ id: string; label: string; category: StateCategory }>;
  categoryLabels: Record<StateCategory, string>;
  edges: Array<{ from: string; to: string; label: string; byApplicant: boolean }>;
}

export interface TextLine {
  text: string;
  x: number;
  y: number;
}

export interface WorkflowDiagram {
  width: number;
  height: number;
  bands: Array<{ x: number; y: number; width: number; height: number; shaded: boolean; label: TextLine }>;
  nodes: Array<{ id: string; x: number; y: number; width: number; height: number; lines: TextLine[] }>;
  edges: Array<{ from: string; to: string; path: string; dashed: boolean; lines: TextLine[] }>;
}

const margin = 16;
const column = 176;
const nodeWidth = 140;
const nodeFontSize = 14;
const nodeLineHeight = 18;
const nodePadding = 12;
const edgeFontSize = 12;
const edgeLineHeight = 15;
const bandHeaderHeight = 32;
/** An average glyph is about this share of the font size wide (Latin and Cyrillic alike). */
const glyphWidth = 0.6;

/** Coordinates to a tenth of a pixel: enough for a drawing, short in the page. */
const r = (value: number) => Math.round(value * 10) / 10;

export const diagramFontSizes = { node: nodeFontSize, edge: edgeFontSize, band: nodeFontSize };

/** Greedy word wrap; a word longer than a line gets a line of its own. */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (current && `${current} ${word}`.length > maxChars) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  return lines;
}

const nodeChars = Math.floor((nodeWidth - 16) / (nodeFontSize * glyphWidth));
const edgeChars = Math.floor((column - 16) / (edgeFontSize * glyphWidth));

export function layoutWorkflow(input: DiagramInput): WorkflowDiagram {
  const arcs = mergeArcs(input);
  const labelBlock = Math.max(1, ...arcs.map((arc) => arc.lines.length)) * edgeLineHeight;
  const room = roomForArcs(arcs, labelBlock);
  const nodeLines = input.states.map((state) => wrapText(state.label, nodeChars));
  const nodeHeight =
    nodePadding * 2 + Math.max(1, ...nodeLines.map((lines) => lines.length)) * nodeLineHeight;
  const rowTop = margin + bandHeaderHeight + room.above;
  const row = { top: rowTop, bottom: rowTop + nodeHeight };
  const width = margin * 2 + input.states.length * column;
  const height = row.bottom + room.below + margin;
  return {
    width,
    height,
    bands: layoutBands(input, height),
    nodes: layoutNodes(input.states, nodeLines, row),
    edges: layoutEdges(input.states, arcs, labelBlock, row),
  };
}

interface Arc {
  from: number;
  to: number;
  lines: string[];
  dashed: boolean;
}

/** The top and bottom of the row of states. */
interface Row {
  top: number;
  bottom: number;
}

/** The centre of the state at `position` in the row. */
const centre = (position: number) => margin + position * column + column / 2;

/** Parallel steps between the same two states share one arc, their labels one under the other. */
function mergeArcs(input: DiagramInput): Arc[] {
  const index = new Map(input.states.map((state, position) => [state.id, position]));
  const arcs = new Map<string, Arc>();
  for (const edge of input.edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from === undefined || to === undefined) continue;
    const key = `${from}>${to}`;
    const arc = arcs.get(key) ?? { from, to, lines: [], dashed: true };
    arc.lines.push(...wrapText(edge.label, edgeChars));
    arc.dashed &&= edge.byApplicant;
    arcs.set(key, arc);
  }
  return [...arcs.values()];
}

/** How far above (or below) the row the arc over `span` columns reaches. */
function reach(span: number, labelBlock: number): number {
  const levelStep = labelBlock + 10;
  return labelBlock + 14 + (Math.max(span, 1) - 1) * levelStep;
}

/** The room the longest arc forward needs above the row, and the longest arc back below it. */
function roomForArcs(arcs: Arc[], labelBlock: number): { above: number; below: number } {
  const spans = arcs.map((arc) => arc.to - arc.from);
  const longestForward = Math.max(0, ...spans.filter((span) => span >= 0).map((span) => Math.max(span, 1)));
  const longestBack = Math.max(0, ...spans.filter((span) => span < 0).map((span) => -span));
  return {
    above: longestForward > 0 ? reach(longestForward, labelBlock) + labelBlock + 8 : 8,
    below: longestBack > 0 ? reach(longestBack, labelBlock) + labelBlock + 8 : 8,
  };
}

/** One band per run of states of the same category, shaded every other band. */
function layoutBands(input: DiagramInput, height: number): WorkflowDiagram["bands"] {
  const bands: WorkflowDiagram["bands"] = [];
  input.states.forEach((state, position) => {
    const last = bands.at(-1);
    if (last && input.states[position - 1]?.category === state.category) {
      last.width += column;
      last.label.x += column / 2;
      return;
    }
    const x = margin + position * column;
    bands.push({
      x,
      y: margin,
      width: column,
      height: height - margin * 2,
      shaded: bands.length % 2 === 0,
      label: { text: input.categoryLabels[state.category], x: x + column / 2, y: margin + 22 },
    });
  });
  return bands;
}

function layoutNodes(
  states: DiagramInput["states"],
  nodeLines: string[][],
  row: Row,
): WorkflowDiagram["nodes"] {
  const nodeHeight = row.bottom - row.top;
  return states.map((state, position) => {
    const lines = nodeLines[position] ?? [];
    const firstBaseline =
      row.top + nodeHeight / 2 - ((lines.length - 1) * nodeLineHeight) / 2 + nodeFontSize * 0.35;
    return {
      id: state.id,
      x: centre(position) - nodeWidth / 2,
      y: row.top,
      width: nodeWidth,
      height: nodeHeight,
      lines: lines.map((text, line) => ({
        text,
        x: r(centre(position)),
        y: r(firstBaseline + line * nodeLineHeight),
      })),
    };
  });
}

function layoutEdges(
  states: DiagramInput["states"],
  arcs: Arc[],
  labelBlock: number,
  row: Row,
): WorkflowDiagram["edges"] {
  const ends = attachmentPoints(arcs);
  return arcs.map((arc, which) => {
    const height = reach(Math.abs(arc.to - arc.from), labelBlock);
    // A cubic curve whose control points stand at 4/3 of the height peaks exactly at the height.
    const control = (height * 4) / 3;
    const forward = arc.to >= arc.from;
    const { leave, arrive } = ends[which] ?? { leave: 0, arrive: 0 };
    const x1 = centre(arc.from) + leave;
    const x2 = centre(arc.to) + arrive;
    const y = forward ? row.top : row.bottom;
    const peak = forward ? y - control : y + control;
    return {
      from: states[arc.from]?.id ?? "",
      to: states[arc.to]?.id ?? "",
      path: `M ${r(x1)} ${r(y)} C ${r(x1)} ${r(peak)} ${r(x2)} ${r(peak)} ${r(x2)} ${r(y)}`,
      dashed: arc.dashed,
      lines: arcLabel(arc.lines, (x1 + x2) / 2, forward ? y - height - 5 : y + height + 5, forward),
    };
  });
}

/** An arc's label lines, centred on `x`: stacked up from `y` above the row, down from it below. */
function arcLabel(lines: string[], x: number, y: number, forward: boolean): TextLine[] {
  return lines.map((text, line) => ({
    text,
    x: r(x),
    y: r(forward ? y - (lines.length - 1 - line) * edgeLineHeight : y + edgeFontSize + line * edgeLineHeight),
  }));
}

/**
 * Where each arc leaves and reaches its states, as offsets from the states' centres. Forward arcs
 * use the top side, arcs back the bottom; on each side, arcs heading left attach on the left half
 * and arcs heading right on the right half, longer (outer) arcs further out, so that arcs sharing
 * a state neither cross near it nor stack their arrowheads.
 */
function attachmentPoints(
  arcs: Array<{ from: number; to: number }>,
): Array<{ leave: number; arrive: number }> {
  const inner = 14;
  const outer = nodeWidth / 2 - 10;
  type End = { arc: number; end: "leave" | "arrive"; span: number };
  const sides = new Map<string, End[]>();
  const attach = (state: number, side: string, end: End) => {
    const key = `${state}:${side}`;
    sides.set(key, [...(sides.get(key) ?? []), end]);
  };
  arcs.forEach((arc, index) => {
    const span = Math.abs(arc.to - arc.from);
    const edge = arc.to >= arc.from ? "top" : "bottom";
    // Seen from a state, the arc goes towards the other state: right when it lies to the right.
    attach(arc.from, `${edge}:${arc.to >= arc.from ? "right" : "left"}`, { arc: index, end: "leave", span });
    attach(arc.to, `${edge}:${arc.to >= arc.from ? "left" : "right"}`, { arc: index, end: "arrive", span });
  });
  const offsets = arcs.map(() => ({ leave: 0, arrive: 0 }));
  for (const [key, ends] of sides) {
    const direction = key.endsWith(":left") ? -1 : 1;
    // Shorter arcs nearer the centre, longer ones further out.
    const ordered = [...ends].sort((a, b) => a.span - b.span || a.arc - b.arc);
    ordered.forEach((end, position) => {
      const distance =
        ordered.length === 1 ? inner + 2 : inner + ((outer - inner) * position) / (ordered.length - 1);
      const offset = offsets[end.arc];
      if (offset) offset[end.end] = direction * distance;
    });
  }
  return offsets;
}
