import { describe, expect, it } from "vitest";
import { chartOption } from "./chart-option.js";

describe("the chart's options", () => {
  it("names the band's invisible lower line with the label the reader sees in the data table", () => {
    const option = chartOption({
      kind: "line",
      title: "Prognoz",
      categories: ["2026-01", "2026-02"],
      series: [{ name: "Prognoz", values: [10, 12] }],
      band: {
        name: "95% interval",
        lowerLabel: "Aşağı hədd (95%)",
        upperLabel: "Yuxarı hədd (95%)",
        lower: [8, 9],
        upper: [12, 15],
      },
    });
    const names = (Array.isArray(option.series) ? option.series : []).map((series) => series.name);
    expect(names).toEqual(["Aşağı hədd (95%)", "95% interval", "Prognoz"]);
  });
});
