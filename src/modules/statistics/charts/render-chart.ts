import { labelSvg } from "./accessible-svg.js";
import { chartLayout, chartOption } from "./chart-option.js";
import type { ChartSpec } from "./chart-spec.js";
import { echartsLibrary } from "./echarts-library.js";

let renderCount = 0;

/**
 * Renders a chart to an SVG string on the server, so pages show charts without client JavaScript.
 */
export function renderChartSvg(spec: ChartSpec): string {
  return labelChartSvg(spec, drawChartSvg(spec));
}

/**
 * Draws the chart with echarts: the slow part, which a drawing thread can do (chart-drawer.ts).
 * The chart is always disposed: an undisposed echarts instance keeps an animation timer alive and
 * stops Node from exiting.
 */
export function drawChartSvg(spec: ChartSpec): string {
  const option = chartOption(spec);
  const legendNames = [...(spec.band ? [spec.band.name] : []), ...spec.series.map((s) => s.name)];
  const { width, height } = chartLayout(spec, legendNames);
  const chart = echartsLibrary().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    return withoutInlineStyles(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Names a drawn chart by its title, with a number this process has not given a chart before. */
export function labelChartSvg(spec: ChartSpec, svg: string): string {
  renderCount += 1;
  return numberedChartSvg(spec, svg, renderCount);
}

/**
 * The chart's title, clip-path ids and classes carry the chart's number. echarts numbers them by how
 * many charts the drawing thread drew before, so two threads would give two charts of one page the
 * same clip-path ids; renumbered here, a chart is the same whichever thread drew it.
 */
export function numberedChartSvg(spec: ChartSpec, svg: string, chartNumber: number): string {
  const numbers = new Map<string, Map<string, number>>();
  const renumbered = svg.replace(
    /(["#\s])zr\d+-([a-z]+-?)(\d+)/g,
    (_, before: string, kind: string, drawn: string) => {
      const ofKind = numbers.get(kind) ?? new Map<string, number>();
      numbers.set(kind, ofKind);
      const number = ofKind.get(drawn) ?? ofKind.size;
      ofKind.set(drawn, number);
      return `${before}zr${chartNumber}-${kind}${number}`;
    },
  );
  return labelSvg(renumbered, spec.title, `karvan-chart-title-${chartNumber}`);
}

/**
 * The page's Content-Security-Policy refuses inline styles, so the text styles echarts writes as
 * `style` attributes become SVG presentation attributes, and its hover-only style sheet goes.
 */
export function withoutInlineStyles(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/ style="([^"]*)"/g, (_, declarations: string) =>
      declarations
        .split(";")
        .map((declaration) => declaration.split(":"))
        .filter(
          ([property, value]) =>
            property && value && /^(font-(size|family|weight|style)|fill|opacity)$/.test(property.trim()),
        )
        .map(([property, value]) => ` ${property?.trim()}="${value?.trim()}"`)
        .join(""),
    );
}
