import { describe, expect, it } from "vitest";
import type { ChartSpec } from "./chart-spec.js";
import { chartCsv, chartDataTable } from "./chart-table.js";

const spec: ChartSpec = {
  kind: "line",
  title: "Asylum applications, forecast",
  categories: ["2025-01", "2025-02", "2025-03"],
  categoryLabel: "Month",
  series: [
    { name: "Observed", values: [1234.5, 1300, null] },
    { name: "Forecast, central", values: [null, 1300, 1410] },
  ],
  band: { name: "80% interval", lower: [1234.5, 1300, 1200], upper: [1234.5, 1300, 1620] },
};

describe("chartDataTable", () => {
  it("has a row per category and a column per series, gaps empty", () => {
    expect(chartDataTable({ ...spec, band: undefined })).toEqual({
      caption: "Asylum applications, forecast",
      head: ["Month", "Observed", "Forecast, central"],
      rows: [
        ["2025-01", "1234.5", ""],
        ["2025-02", "1300", "1300"],
        ["2025-03", "", "1410"],
      ],
    });
  });

  it("formats numbers with the given function and adds the band bounds", () => {
    const table = chartDataTable(spec, (value) => value.toLocaleString("en-GB"));
    expect(table.head).toEqual([
      "Month",
      "Observed",
      "Forecast, central",
      "80% interval (lower)",
      "80% interval (upper)",
    ]);
    expect(table.rows[2]).toEqual(["2025-03", "", "1,410", "1,200", "1,620"]);
    expect(table.rows[0]?.[1]).toBe("1,234.5");
  });
});

describe("chartCsv", () => {
  it("writes raw numbers, quotes where needed and leaves gaps empty", () => {
    expect(chartCsv(spec)).toBe(
      [
        'Month,Observed,"Forecast, central",80% interval (lower),80% interval (upper)',
        "2025-01,1234.5,,1234.5,1234.5",
        "2025-02,1300,1300,1300,1300",
        "2025-03,,1410,1200,1620",
        "",
      ].join("\n"),
    );
  });

  it("writes hostile labels as text a spreadsheet will not run, and negative figures as numbers", () => {
    const hostile: ChartSpec = {
      kind: "bar",
      title: "Changes",
      categories: ['=HYPERLINK("http://evil.example")', "@SUM(A1)"],
      categoryLabel: "+Region",
      series: [{ name: "-Net", values: [-3, 2] }],
    };
    expect(chartCsv(hostile)).toBe(
      ["'+Region,'-Net", '"\'=HYPERLINK(""http://evil.example"")",-3', "'@SUM(A1),2", ""].join("\n"),
    );
  });
});
