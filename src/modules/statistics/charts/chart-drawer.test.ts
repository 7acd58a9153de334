import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../platform/config/index.js";
import { chartDrawer } from "./chart-drawer.js";
import type { ChartSpec } from "./chart-spec.js";
import { drawChartSvg, numberedChartSvg } from "./render-chart.js";

const months = Array.from(
  { length: 30 },
  (_, i) => `20${24 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`,
);
const values = (offset: number) => months.map((_, i) => (i === 7 ? null : offset + ((i * 37) % 50)));

const specs: ChartSpec[] = [
  {
    kind: "line",
    title: "Prognoz",
    categories: months,
    series: [{ name: "Ərizələr", values: values(100) }],
    band: {
      name: "95% interval",
      lower: months.map((_, i) => (i < 20 ? null : 80 + i)),
      upper: months.map((_, i) => (i < 20 ? null : 140 + i)),
    },
    yAxisLabel: "Nəfər",
  },
  {
    kind: "bar",
    title: "Applications & decisions",
    categories: months,
    series: [
      { name: "Applications", values: values(120) },
      { name: "Decisions", values: values(90) },
    ],
  },
  {
    kind: "stacked-bar",
    title: "Заявления по времени ожидания",
    categories: months,
    series: ["до 30 дней", "30–60 дней", "более 60 дней"].map((name, i) => ({
      name,
      values: values(i * 10),
    })),
  },
  {
    kind: "bar",
    horizontal: true,
    title: "By region",
    categories: ["Bakı", "Gəncə", "Sumqayıt", "Unknown or other region"],
    series: [{ name: "Persons", values: [400, 120, 95, 3] }],
    width: 480,
  },
];

const drawer = chartDrawer(loadConfig({ NODE_ENV: "test" }).countryProfile, 1);
afterAll(() => drawer.close());

describe("drawing charts in a thread", () => {
  it("draws every kind of chart exactly as the caller's thread does", async () => {
    // The thread has drawn fewer charts than this one: echarts' own numbering differs until renumbered.
    for (const spec of specs) drawChartSvg(spec);
    const drawn = await Promise.all(specs.map((spec) => drawer.draw(spec)));
    const page = (svgs: string[]) =>
      svgs.map((svg, at) => numberedChartSvg(specs[at] as ChartSpec, svg, at + 1));
    expect(page(drawn)).toEqual(page(specs.map((spec) => drawChartSvg(spec))));
    expect(drawn.every((svg) => svg.includes("<svg"))).toBe(true);
  });

  it("answers a chart it cannot draw with the drawing's error, and draws the next", async () => {
    const broken: ChartSpec = {
      kind: "bar",
      title: "x",
      categories: ["a"],
      series: [{ name: "Short", values: [] }],
    };
    await expect(drawer.draw(broken)).rejects.toThrow(/Short/);
    const spec = specs[1] as ChartSpec;
    expect(numberedChartSvg(spec, await drawer.draw(spec), 1)).toBe(
      numberedChartSvg(spec, drawChartSvg(spec), 1),
    );
  });
});
