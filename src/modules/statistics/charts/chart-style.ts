/**
 * Series colours with at least 3:1 contrast against white, as WCAG 2.2 AA asks of graphical objects
 * (1.4.11), and distinguishable from each other. Lighter brand tones fail that and are left out.
 */
export const CHART_PALETTE = ["#1d70b8", "#d4351c", "#00703c", "#6f3c97", "#505a5f", "#912b88", "#8a5a00"];

/** Fills of a band are background, not information, so they can be light. */
export const BAND_FILL = "rgba(29, 112, 184, 0.18)";

export const TEXT_COLOUR = "#0b0c0c";

/** No quotes: echarts writes the family into an SVG attribute, where a double quote would end it. */
export const CHART_FONT_FAMILY =
  "system-ui, -apple-system, Segoe UI, Roboto, Helvetica Neue, Arial, sans-serif";
