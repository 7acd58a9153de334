/** One attack tried and what Karvan did: `held` (refused as promised), `FOUND` (a hole) or `skipped`. */
export interface Finding {
  point: string;
  attack: string;
  result: "held" | "FOUND" | "skipped";
  note: string;
}

export function verdict(point: string, attack: string, held: boolean, note: string): Finding {
  return { point, attack, result: held ? "held" : "FOUND", note };
}

export function skipped(point: string, attack: string, note: string): Finding {
  return { point, attack, result: "skipped", note };
}

/** A plain table for a terminal or a CI log: one line per attack, columns padded. */
export function findingsTable(findings: Finding[]): string {
  const rows = [
    ["point", "attack tried", "result", "note"],
    ...findings.map((one) => [one.point, one.attack, one.result, one.note]),
  ];
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column < 3 ? cell.padEnd(widths[column] ?? 0) : cell))
      .join("  ")
      .trimEnd();
  const [heading = [], ...body] = rows;
  return [line(heading), widths.map((width) => "-".repeat(width)).join("  "), ...body.map(line)].join("\n");
}

/** Characters that hide or turn text around: shown as `\\uXXXX` so that the table reads true. */
function hidden(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** Text shortened for a table cell, with control and direction characters made visible. */
export function shown(text: string, max = 60): string {
  const visible = [...text]
    .map((char) => (hidden(char) ? `\\u${char.codePointAt(0)?.toString(16).padStart(4, "0")}` : char))
    .join("");
  return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}
