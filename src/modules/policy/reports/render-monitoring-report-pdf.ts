import type { Content, TableCell } from "pdfmake/interfaces.js";
import { documentFont, renderPdf } from "../../../platform/pdf/index.js";
import type { FactRow, ReportBlock, ReportOutline } from "./report-outline.js";

/** A4 with 56 pt margins leaves this much width for content. */
const CONTENT_WIDTH = 595.28 - 2 * 56;
const TEXT_COLOUR = "#0b0c0c";
const QUIET_COLOUR = "#505a5f";
const RULE_COLOUR = "#b1b4b6";

const tableLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0,
  hLineColor: () => RULE_COLOUR,
  paddingTop: () => 3,
  paddingBottom: () => 3,
};

function factsTable(rows: FactRow[]): Content {
  return {
    table: {
      widths: [170, "*"],
      body: rows.map(([label, value]): TableCell[] => [{ text: label, bold: true }, { text: value }]),
    },
    layout: tableLayout,
    margin: [0, 4, 0, 10],
  };
}

function dataTable(head: string[], rows: string[][], widths: Array<number | "*">, fontSize = 9): Content {
  return {
    table: {
      headerRows: 1,
      // Rows are short: one that is split over two pages is harder to read than a gap.
      dontBreakRows: true,
      widths,
      body: [
        head.map((cell): TableCell => ({ text: cell, bold: true, fillColor: "#f3f2f1" })),
        ...rows.map((row) => row.map((cell): TableCell => ({ text: cell }))),
      ],
    },
    layout: tableLayout,
    fontSize,
    margin: [0, 4, 0, 10],
  };
}

function headingContent(block: Extract<ReportBlock, { kind: "heading" }>): Content {
  const styles = { 1: "heading1", 2: "heading2", 3: "heading3" } as const;
  return {
    text: block.text,
    style: styles[block.level],
    ...(block.listed ? { tocItem: true, tocMargin: [(block.level - 1) * 14, 0, 0, 0] } : {}),
    ...(block.newPage ? { pageBreak: "before" as const } : {}),
    // A section that does not start a page is set apart from what comes before it.
    ...(block.level === 1 && !block.newPage ? { margin: [0, 20, 0, 8] } : {}),
  } as Content;
}

function chartContent(block: Extract<ReportBlock, { kind: "chart" }>): Content {
  const width = Math.min(CONTENT_WIDTH, block.width);
  const height = block.width > 0 ? (block.height * width) / block.width : 0;
  return { svg: block.svg, width, height, font: documentFont, margin: [0, 4, 0, 0] } as Content;
}

function chartTable(block: Extract<ReportBlock, { kind: "chart" }>): Content {
  const { head, rows } = block.table;
  return dataTable(
    head,
    rows,
    head.map((_, column) => (column === 0 ? "*" : 90)),
  );
}

function blockContent(block: ReportBlock): Content {
  switch (block.kind) {
    case "heading":
      return headingContent(block);
    case "paragraph":
      return {
        text: block.text,
        ...(block.style === "note" ? { color: QUIET_COLOUR, italics: true } : {}),
        ...(block.style === "label" ? { bold: true, margin: [0, 4, 0, 2] } : { margin: [0, 2, 0, 6] }),
      } as Content;
    case "facts":
      return factsTable(block.rows);
    case "table": {
      const total = block.widths.reduce((sum, width) => sum + width, 0);
      // Cell padding (4 pt each side) comes on top of the widths pdfmake is given.
      const usable = CONTENT_WIDTH - block.widths.length * 8;
      return dataTable(
        block.head,
        block.rows,
        block.widths.map((width) => (width / total) * usable),
      );
    }
    case "chart":
      return {
        stack: [chartContent(block), chartTable(block)],
      };
    case "agencyText":
      return {
        stack: [
          { text: block.heading, bold: true },
          { text: block.byline, color: QUIET_COLOUR, fontSize: 9, margin: [0, 1, 0, 3] },
          { text: block.text },
        ],
        margin: [10, 4, 0, 8],
        unbreakable: true,
      };
  }
}

/**
 * Blocks as pdfmake content. A small heading stays on one page with the facts under it and the
 * chart after them (an indicator's name, figures and picture are read together); a label stays
 * with its paragraph. The chart's data table may run on to the next page, its header repeated.
 */
function contentOf(blocks: ReportBlock[]): Content[] {
  const content: Content[] = [];
  for (let index = 0; index < blocks.length; index += 1) {
    const block = blocks[index] as ReportBlock;
    const next = blocks[index + 1];
    const afterNext = blocks[index + 2];
    if (block.kind === "heading" && block.level === 3 && next?.kind === "facts") {
      const chart = afterNext?.kind === "chart" ? afterNext : undefined;
      content.push({
        stack: [headingContent(block), factsTable(next.rows), ...(chart ? [chartContent(chart)] : [])],
        unbreakable: true,
      });
      if (chart) {
        content.push(chartTable(chart));
      }
      index += chart ? 2 : 1;
    } else if (block.kind === "paragraph" && block.style === "label" && next?.kind === "paragraph") {
      content.push({ stack: [blockContent(block), blockContent(next)], unbreakable: true });
      index += 1;
    } else {
      content.push(blockContent(block));
    }
  }
  return content;
}

/** The report as a PDF: a cover with the contents, then a section per objective, numbered pages. */
export function renderMonitoringReportPdf(outline: ReportOutline): Promise<Buffer> {
  return renderPdf({
    info: { title: `${outline.kind}: ${outline.strategyTitle}`, subject: outline.edition },
    language: outline.language,
    pageSize: "A4",
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { fontSize: 10, lineHeight: 1.2, color: TEXT_COLOUR },
    styles: {
      heading1: { fontSize: 17, bold: true, margin: [0, 0, 0, 8] },
      heading2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      heading3: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
    },
    footer: (page, pages) => ({
      columns: [
        { text: `${outline.strategyTitle} · ${outline.edition}`, color: QUIET_COLOUR },
        { text: outline.pageLabel(page, pages), alignment: "right", width: "auto" },
      ],
      fontSize: 8,
      margin: [56, 20, 56, 0],
    }),
    content: [
      { text: outline.kind, fontSize: 12, color: QUIET_COLOUR },
      { text: outline.strategyTitle, fontSize: 22, bold: true, margin: [0, 2, 0, 4] },
      { text: outline.edition, fontSize: 11, bold: true, margin: [0, 0, 0, 12] },
      factsTable(outline.cover),
      {
        toc: { title: { text: outline.contentsHeading, style: "heading2" }, outlines: true },
        margin: [0, 12, 0, 0],
      } as Content,
      ...contentOf(outline.blocks),
    ],
  });
}
