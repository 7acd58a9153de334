import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readSdmxCsv } from "../eurostat/sdmx-csv.js";
import type { OfficialTable } from "../tables/official-table.js";
import { exportOfficialTable } from "./export-table.js";

const table: OfficialTable = {
  code: "asylum-applicants-monthly",
  dataflow: "ESTAT:MIGR_ASYAPPCTZM(1.0)",
  title: "Asylum applicants by citizenship, sex and age",
  period: "2025-03",
  dimensions: ["citizen", "sex", "age"],
  labels: {
    dimensions: { citizen: "Country of citizenship", sex: "Sex" },
    codes: { citizen: { SY: "Syria", CI: "Côte d'Ivoire, Republic of" }, sex: { F: "Females", T: "Total" } },
  },
  unit: "PER",
  observations: [
    { key: { citizen: "SY", sex: "T", age: "TOTAL" }, value: 1235, flag: "" },
    { key: { citizen: "CI", sex: "F", age: "Y_LT14" }, value: null, flag: "c" },
    { key: { citizen: "ER", sex: "F", age: "Y14-17" }, value: 15, flag: "" },
  ],
  audience: "public",
};

describe("exportOfficialTable as SDMX-CSV", () => {
  it.each([
    ["sdmx-csv-1.0", "1.0", "asylum-applicants-monthly_2025-03_sdmx-1.0.csv", "version=1.0.0"],
    ["sdmx-csv-2.0", "2.0", "asylum-applicants-monthly_2025-03_sdmx-2.0.csv", "version=2.0.0"],
  ] as const)(
    "%s reads back as the table's observations",
    async (format, version, fileName, mediaVersion) => {
      const file = await exportOfficialTable(table, format);
      expect(file.fileName).toBe(fileName);
      expect(file.mediaType).toBe(`application/vnd.sdmx.data+csv; ${mediaVersion}`);
      expect(readSdmxCsv(file.body.toString("utf8"))).toEqual({
        version,
        dataflow: table.dataflow,
        dimensions: ["citizen", "sex", "age"],
        observations: table.observations.map((obs) => ({ ...obs, period: "2025-03" })),
      });
    },
  );
});

describe("exportOfficialTable as SDMX-CSV with hostile codes", () => {
  it.each(["sdmx-csv-1.0", "sdmx-csv-2.0"] as const)(
    "%s writes codes as text a spreadsheet will not run, and reads them back unchanged",
    async (format) => {
      const hostile: OfficialTable = {
        ...table,
        dimensions: ["citizen"],
        observations: [{ key: { citizen: "=1+1" }, value: -3, flag: "@x" }],
      };
      const text = (await exportOfficialTable(hostile, format)).body.toString("utf8");
      expect(text).toContain(",'=1+1,2025-03,-3,'@x\n");
      for (const line of text.split("\n"))
        for (const cell of line.split(",")) expect(cell).not.toMatch(/^[=+@\t\r]/);
      expect(readSdmxCsv(text).observations).toEqual([
        { key: { citizen: "=1+1" }, period: "2025-03", value: -3, flag: "@x" },
      ]);
    },
  );
});

describe("exportOfficialTable as CSV", () => {
  it("writes a BOM, labelled and coded columns, and hidden cells empty with flag c", async () => {
    const file = await exportOfficialTable(table, "csv");
    expect(file.fileName).toBe("asylum-applicants-monthly_2025-03.csv");
    expect(file.mediaType).toBe("text/csv; charset=utf-8");
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.body.toString("utf8")).toBe(
      [
        "\uFEFFCountry of citizenship,Country of citizenship (code),Sex,Sex (code),age,age (code),Period,Value,Flag",
        "Syria,SY,Total,T,TOTAL,TOTAL,2025-03,1235,",
        `"Côte d'Ivoire, Republic of",CI,Females,F,Y_LT14,Y_LT14,2025-03,,c`,
        "ER,ER,Females,F,Y14-17,Y14-17,2025-03,15,",
        "",
      ].join("\r\n"),
    );
  });

  it("writes labels and codes a spreadsheet would run as text, and negative values as numbers", async () => {
    const hostile: OfficialTable = {
      ...table,
      dimensions: ["citizen"],
      labels: { dimensions: { citizen: "=cmd|' /C calc'!A0" }, codes: { citizen: { XX: "@SUM(1+1)" } } },
      observations: [
        { key: { citizen: "XX" }, value: -3, flag: "" },
        { key: { citizen: "-1" }, value: 2, flag: "+e" },
      ],
    };
    const file = await exportOfficialTable(hostile, "csv");
    expect(file.body.toString("utf8")).toBe(
      [
        "\uFEFF'=cmd|' /C calc'!A0,'=cmd|' /C calc'!A0 (code),Period,Value,Flag",
        "'@SUM(1+1),XX,2025-03,-3,",
        "'-1,'-1,2025-03,2,'+e",
        "",
      ].join("\r\n"),
    );
  });

  it("uses the caller's headings", async () => {
    const file = await exportOfficialTable(table, "csv", {
      headings: { period: "Période", value: "Valeur", flag: "Indicateur", code: "code" },
    });
    const header = file.body.toString("utf8").split("\r\n")[0];
    expect(header?.endsWith("Période,Valeur,Indicateur")).toBe(true);
  });
});

interface SheetCell {
  readonly value: string | number;
  readonly bold: boolean;
}

interface ReadSheet {
  readonly name: string;
  readonly frozenRows: number;
  readonly widths: readonly number[];
  cell(ref: string): SheetCell | undefined;
}

const xmlEntities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => xmlEntities[name] ?? "");
}

/** The first sheet of a workbook as a spreadsheet would read it: text, numbers, bold, frozen rows. */
async function readFirstSheet(body: Buffer): Promise<ReadSheet> {
  const zip = await JSZip.loadAsync(body);
  const part = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const workbook = await part("xl/workbook.xml");
  const sheet = await part("xl/worksheets/sheet1.xml");
  const shared = [...(await part("xl/sharedStrings.xml")).matchAll(/<si>(.*?)<\/si>/gs)].map((match) =>
    xmlText([...(match[1] ?? "").matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join("")),
  );
  const styles = await part("xl/styles.xml");
  const fonts = [
    ...(styles.match(/<fonts[^>]*>(.*?)<\/fonts>/s)?.[1] ?? "").matchAll(/<font>(.*?)<\/font>/gs),
  ];
  const xfs = [...(styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)?.[1] ?? "").matchAll(/<xf([^>]*)>/g)];
  const boldStyle = (style: number) => {
    const fontId = Number(xfs[style]?.[1]?.match(/fontId="(\d+)"/)?.[1] ?? 0);
    return (fonts[fontId]?.[1] ?? "").includes("<b/>");
  };
  const cells = new Map<string, SheetCell>();
  for (const match of sheet.matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)) {
    const [, ref = "", attributes = "", inner = ""] = match;
    const raw = inner.match(/<v>(.*?)<\/v>/s)?.[1] ?? "";
    const value = attributes.includes('t="s"') ? (shared[Number(raw)] ?? "") : Number(raw);
    cells.set(ref, { value, bold: boldStyle(Number(attributes.match(/s="(\d+)"/)?.[1] ?? 0)) });
  }
  const pane = sheet.match(/<pane([^>]*)\/>/)?.[1] ?? "";
  return {
    name: xmlText(workbook.match(/<sheet [^>]*name="([^"]*)"/)?.[1] ?? ""),
    frozenRows: pane.includes('state="frozen"') ? Number(pane.match(/ySplit="(\d+)"/)?.[1] ?? 0) : 0,
    widths: [...sheet.matchAll(/<col [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1])),
    cell: (ref) => cells.get(ref),
  };
}

describe("exportOfficialTable as XLSX", () => {
  it("writes title, note, frozen header and numeric cells that read back", async () => {
    const file = await exportOfficialTable(table, "xlsx");
    expect(file.fileName).toBe("asylum-applicants-monthly_2025-03.xlsx");
    expect(file.mediaType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    const sheet = await readFirstSheet(file.body);
    expect(sheet.name).toBe("2025-03");
    expect(sheet.cell("A1")).toEqual({ value: table.title, bold: true });
    expect(String(sheet.cell("A2")?.value)).toContain("2025-03");
    expect(String(sheet.cell("A2")?.value)).toContain("rounded");
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.cell("A4")).toEqual({ value: "Country of citizenship", bold: true });
    expect(sheet.widths[0]).toBeGreaterThan(8);

    const data = [5, 6, 7].map((rowNumber) => ({
      code: sheet.cell(`B${rowNumber}`)?.value,
      value: sheet.cell(`H${rowNumber}`)?.value ?? null,
      flag: sheet.cell(`I${rowNumber}`)?.value ?? "",
    }));
    // A hidden count is an empty cell, not 0, and counts are numbers a spreadsheet can sum.
    expect(data).toEqual([
      { code: "SY", value: 1235, flag: "" },
      { code: "CI", value: null, flag: "c" },
      { code: "ER", value: 15, flag: "" },
    ]);
  });

  it("says internal figures are exact", async () => {
    const file = await exportOfficialTable({ ...table, audience: "internal" }, "xlsx");
    const sheet = await readFirstSheet(file.body);
    expect(String(sheet.cell("A2")?.value)).toContain("Exact figures");
  });
});
