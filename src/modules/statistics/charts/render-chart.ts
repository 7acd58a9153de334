import { labelSvg } from "./accessible-svg.js";
import { chartLayout, chartOption } from "./chart-option.js";
import type { ChartSpec } from "./chart-spec.js";
import { echartsLibrary } from "./echarts-library.js";

let renderCount = 0;

/**
 * Renders a chart to an SVG string on the server, so pages show charts without client JavaScript.
 * The chart is always disposed: an undisposed echarts instance keeps an animation timer alive and
 * stops Node from exiting.
 */
export function renderChartSvg(spec: ChartSpec): string {
  const option = chartOption(spec);
  const legendNames = [...(spec.band ? [spec.band.name] : []), ...spec.series.map((s) => s.name)];
  const { width, height } = chartLayout(spec, legendNames);
  const chart = echartsLibrary().init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption(option);
    renderCount += 1;
    return labelSvg(
      withoutInlineStyles(chart.renderToSVGString()),
      spec.title,
      `karvan-chart-title-${renderCount}`,
    );
  } finally {
    chart.dispose();
  }
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
