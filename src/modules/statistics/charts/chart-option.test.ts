import { describe, expect, it } from "vitest";
import { chartLayout, chartOption, textWidth } from "./chart-option.js";
import { renderChartSvg } from "./render-chart.js";

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

describe("the chart's layout", () => {
  const names = [
    "Регистрация по месту пребывания",
    "Продление срока временного пребывания",
    "Разрешение на временное проживание",
    "Разрешение на постоянное проживание",
    "Разрешение на работу",
    "Убежище",
    "Неизвестный или иной регион",
  ];
  const spec = {
    kind: "stacked-bar" as const,
    title: "Заявления, ожидающие рассмотрения в конце месяца, по времени ожидания с момента подачи",
    categories: ["2026-01", "2026-02"],
    series: names.map((name) => ({ name, values: [1, 2] })),
  };

  it("draws every legend entry whole, inside the picture and above the plot", () => {
    const layout = chartLayout(spec, names);
    const svg = renderChartSvg(spec);
    expect(svg).toContain(`height="${layout.height}"`);
    for (const name of names) {
      const at = new RegExp(`transform="translate\\(([\\d.]+) ([\\d.]+)\\)"[^>]*>${name}</text>`).exec(svg);
      expect(at, name).not.toBeNull();
      const [x, y] = [Number(at?.[1]), Number(at?.[2])];
      expect(x + textWidth(name, 12)).toBeLessThanOrEqual(layout.width);
      expect(y).toBeLessThan(layout.gridTop - 10);
      expect(y).toBeGreaterThan(layout.legendTop - 1);
    }
  });

  it("wraps a long title instead of running it off the edge", () => {
    const svg = renderChartSvg(spec);
    const titleLines = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
      .map((match) => match[1] as string)
      .filter((text) => spec.title.includes(text) && text.length > 10);
    expect(titleLines.length).toBeGreaterThan(1);
    expect(titleLines.join(" ").replace(/\s+/g, " ").trim()).toBe(spec.title);
  });

  it("gives horizontal bars a row each, so long region names are all written", () => {
    const regions = Array.from({ length: 20 }, (_, index) => `Region number ${index + 1} District`);
    const horizontal = {
      kind: "bar" as const,
      horizontal: true,
      title: "Registrations",
      categories: regions,
      series: [{ name: "Registrations", values: regions.map((_, index) => index) }],
    };
    const svg = renderChartSvg(horizontal);
    for (const region of regions) expect(svg).toContain(`>${region}</text>`);
  });
});
