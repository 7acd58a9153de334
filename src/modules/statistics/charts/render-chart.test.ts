import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "./chart-spec.js";
import { CHART_PALETTE } from "./chart-style.js";
import { drawChartSvg, numberedChartSvg, renderChartSvg } from "./render-chart.js";

const months = ["2025-01", "2025-02", "2025-03"];

const barSpec: ChartSpec = {
  kind: "bar",
  title: "Applications & decisions <2025>",
  categories: months,
  series: [
    { name: "Applications", values: [120, 135, 150] },
    { name: "Decisions", values: [100, 110, 140] },
  ],
  yAxisLabel: "Persons",
};

function count(text: string, pattern: RegExp): number {
  return text.match(pattern)?.length ?? 0;
}

function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) =>
    c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  );
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe("renderChartSvg", () => {
  it("labels the SVG as one image named by its escaped title", () => {
    const svg = renderChartSvg(barSpec);
    const root = svg.slice(svg.indexOf("<svg"), svg.indexOf(">", svg.indexOf("<svg")) + 1);
    expect(root).toContain('role="img"');
    const id = root.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(id).toBeDefined();
    expect(svg).toContain(`<title id="${id}">Applications &amp; decisions &lt;2025&gt;</title>`);
    expect(svg.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("gives every rendering its own title id", () => {
    const idOf = (svg: string) => svg.match(/aria-labelledby="([^"]+)"/)?.[1];
    expect(idOf(renderChartSvg(barSpec))).not.toBe(idOf(renderChartSvg(barSpec)));
  });

  it("numbers a chart's ids by the chart, not by how many charts its thread drew before", () => {
    const line: ChartSpec = { ...barSpec, kind: "line" };
    const first = drawChartSvg(line);
    const later = drawChartSvg(line);
    expect(later).not.toBe(first);
    expect(numberedChartSvg(line, later, 3)).toBe(numberedChartSvg(line, first, 3));
    const ids = (svg: string) => [...svg.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]);
    const third = ids(numberedChartSvg(line, first, 3));
    const fourth = ids(numberedChartSvg(line, first, 4));
    expect(third.length).toBeGreaterThan(1);
    expect(third.filter((id) => fourth.includes(id))).toEqual([]);
  });

  it("draws one shape per bar and none for a gap", () => {
    const svg = renderChartSvg({ ...barSpec, series: [{ name: "Applications", values: [120, null, 150] }] });
    expect(count(svg, /fill="#1d70b8"/g)).toBe(2);
  });

  it("draws stacked bars, lines and a forecast band", () => {
    expect(renderChartSvg({ ...barSpec, kind: "stacked-bar" })).toContain("<svg");
    const svg = renderChartSvg({
      kind: "line",
      title: "Forecast",
      categories: months,
      series: [{ name: "Forecast", values: [10, 12, 14] }],
      band: { name: "80% interval", lower: [8, 9, 10], upper: [12, 15, 18] },
    });
    expect(svg).toContain("80% interval");
    expect(svg).toMatch(/fill="rgb\(29,112,184\)" fill-opacity="0\.18"/);
  });

  it("leaves gaps for null values", () => {
    for (const kind of ["line", "bar", "stacked-bar"] as const) {
      const svg = renderChartSvg({
        ...barSpec,
        kind,
        series: [
          { name: "Applications", values: [120, null, 150] },
          { name: "Decisions", values: [null, null, null] },
        ],
      });
      expect(svg).toContain("<svg");
    }
  });

  it("sets the requested size", () => {
    const svg = renderChartSvg({ ...barSpec, width: 320, height: 200 });
    expect(svg).toMatch(/<svg[^>]*width="320"[^>]*height="200"/);
  });

  it("rejects series that do not match the categories", () => {
    expect(() => renderChartSvg({ ...barSpec, series: [{ name: "Short", values: [1] }] })).toThrow(/Short/);
  });

  it("disposes every chart so no timers keep Node alive", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    await sleep(20);
    const before = timers();
    for (let i = 0; i < 50; i++) renderChartSvg(barSpec);
    await sleep(50);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it("uses series colours with at least 3:1 contrast on white", () => {
    for (const colour of CHART_PALETTE) {
      expect(1.05 / (relativeLuminance(colour) + 0.05), colour).toBeGreaterThanOrEqual(3);
    }
  });
});
