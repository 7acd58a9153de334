function escapeXml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;");
}

/**
 * Marks a chart SVG as one image named by its title, so screen readers announce the title instead of
 * walking hundreds of unlabelled paths. The id must be unique on the page because one page may hold
 * several charts.
 */
export function labelSvg(svg: string, title: string, titleId: string): string {
  const open = svg.indexOf("<svg");
  const close = open < 0 ? -1 : svg.indexOf(">", open);
  if (close < 0) throw new Error("chart renderer returned no <svg> element");
  const selfClosing = svg[close - 1] === "/";
  const attributesEnd = selfClosing ? close - 1 : close;
  const id = escapeXml(titleId);
  const opening = `${svg.slice(0, attributesEnd)} role="img" aria-labelledby="${id}">`;
  const titleElement = `<title id="${id}">${escapeXml(title)}</title>`;
  const rest = selfClosing ? "</svg>" : svg.slice(close + 1);
  return `${opening}${titleElement}${rest}`;
}
