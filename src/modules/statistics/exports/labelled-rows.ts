import type { OfficialTable } from "../tables/official-table.js";
import type { ExportTexts } from "./export-texts.js";

export interface LabelledRow {
  /** Label and code of every dimension, in pairs, then the period. */
  texts: string[];
  value: number | null;
  flag: string;
}

export interface LabelledRows {
  head: string[];
  rows: LabelledRow[];
}

/**
 * The row layout shared by the CSV and XLSX exports. Each dimension gets a label column for people
 * and a code column for machines, so one file serves both and nobody has to join code lists.
 */
export function labelledRows(table: OfficialTable, texts: ExportTexts): LabelledRows {
  const { headings } = texts;
  const head: string[] = [];
  for (const dim of table.dimensions) {
    const label = table.labels.dimensions[dim] ?? dim;
    head.push(label, `${label} (${headings.code})`);
  }
  head.push(headings.period, headings.value, headings.flag);

  const rows = table.observations.map((obs, index): LabelledRow => {
    const texts: string[] = [];
    for (const dim of table.dimensions) {
      const code = obs.key[dim];
      if (code === undefined) throw new Error(`observation ${index} has no code for dimension ${dim}`);
      texts.push(table.labels.codes[dim]?.[code] ?? code, code);
    }
    texts.push(table.period);
    return { texts, value: obs.value, flag: obs.flag };
  });
  return { head, rows };
}
