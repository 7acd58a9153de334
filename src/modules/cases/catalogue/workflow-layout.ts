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
  const index = new Map(input.states.map((state, position) => [state.id, position]));
  const centre = (position: number) => margin + position * column + column / 2;

  // Parallel steps between the same two states share one arc, their labels one under the other.
  const arcs = new Map<string, { from: number; to: number; lines: string[]; dashed: boolean }>();
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
  const labelLines = Math.max(1, ...[...arcs.values()].map((arc) => arc.lines.length));
  const labelBlock = labelLines * edgeLineHeight;
  const levelStep = labelBlock + 10;
  /** How far above (or below) the row the arc over `span` columns reaches. */
  const reach = (span: number) => labelBlock + 14 + (Math.max(span, 1) - 1) * levelStep;

  const spans = [...arcs.values()].map((arc) => arc.to - arc.from);
  const longestForward = Math.max(0, ...spans.filter((span) => span >= 0).map((span) => Math.max(span, 1)));
  const longestBack = Math.max(0, ...spans.filter((span) => span < 0).map((span) => -span));
  const above = longestForward > 0 ? reach(longestForward) + labelBlock + 8 : 8;
  const below = longestBack > 0 ? reach(longestBack) + labelBlock + 8 : 8;

  const nodeLines = input.states.map((state) => wrapText(state.label, nodeChars));
  const nodeHeight =
    nodePadding * 2 + Math.max(1, ...nodeLines.map((lines) => lines.length)) * nodeLineHeight;
  const rowTop = margin + bandHeaderHeight + above;
  const rowBottom = rowTop + nodeHeight;
  const width = margin * 2 + input.states.length * column;
  const height = rowBottom + below + margin;

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

  const nodes = input.states.map((state, position) => {
    const lines = nodeLines[position] ?? [];
    const firstBaseline =
      rowTop + nodeHeight / 2 - ((lines.length - 1) * nodeLineHeight) / 2 + nodeFontSize * 0.35;
    return {
      id: state.id,
      x: centre(position) - nodeWidth / 2,
      y: rowTop,
      width: nodeWidth,
      height: nodeHeight,
      lines: lines.map((text, line) => ({
        text,
        x: r(centre(position)),
        y: r(firstBaseline + line * nodeLineHeight),
      })),
    };
  });

  const ends = attachmentPoints([...arcs.values()]);
  const edges = [...arcs.values()].map((arc, which) => {
    const span = Math.abs(arc.to - arc.from);
    const height = reach(span);
    // A cubic curve whose control points stand at 4/3 of the height peaks exactly at the height.
    const control = (height * 4) / 3;
    const forward = arc.to >= arc.from;
    const { leave, arrive } = ends[which] ?? { leave: 0, arrive: 0 };
    const x1 = centre(arc.from) + leave;
    const x2 = centre(arc.to) + arrive;
    const y = forward ? rowTop : rowBottom;
    const peak = forward ? y - control : y + control;
    const middle = (x1 + x2) / 2;
    const lines = arc.lines.map((text, line) => ({
      text,
      x: r(middle),
      y: r(
        forward
          ? y - height - 5 - (arc.lines.length - 1 - line) * edgeLineHeight
          : y + height + 5 + edgeFontSize + line * edgeLineHeight,
      ),
    }));
    return {
      from: input.states[arc.from]?.id ?? "",
      to: input.states[arc.to]?.id ?? "",
      path: `M ${r(x1)} ${r(y)} C ${r(x1)} ${r(peak)} ${r(x2)} ${r(peak)} ${r(x2)} ${r(y)}`,
      dashed: arc.dashed,
      lines,
    };
  });

  return { width, height, bands, nodes, edges };
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
