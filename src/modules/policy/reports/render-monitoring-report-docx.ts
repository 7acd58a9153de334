import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { estimatePageNumbers } from "docx/layout";
import { intlTag } from "../../../platform/locale/index.js";
import { chartPng } from "./chart-picture.js";
import type { FactRow, ReportBlock, ReportOutline } from "./report-outline.js";

/** A4 with 2 cm margins, in twentieths of a point; 17 cm of text width is about 640 px at 96 dpi. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const CONTENT_WIDTH_PX = 640;
const TEXT_COLOUR = "0B0C0C";
const QUIET_COLOUR = "505A5F";
const RULE = { style: BorderStyle.SINGLE, size: 4, color: "B1B4B6" };
const NO_RULE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 };

function cell(text: string, options: { header?: boolean; widthPercent?: number } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: options.header ?? false })] })],
    ...(options.widthPercent ? { width: { size: options.widthPercent, type: WidthType.PERCENTAGE } } : {}),
    ...(options.header ? { shading: { type: ShadingType.CLEAR, fill: "F3F2F1", color: "auto" } } : {}),
    borders: { top: RULE, bottom: RULE, left: NO_RULE, right: NO_RULE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  });
}

/** A real Word table: the first row repeats on every page and is marked as the header for screen readers. */
function table(head: string[] | undefined, rows: string[][], widths: number[]): Table {
  const total = widths.reduce((sum, width) => sum + width, 0);
  const percent = widths.map((width) => (width / total) * 100);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...(head
        ? [
            new TableRow({
              tableHeader: true,
              cantSplit: true,
              children: head.map((text, index) =>
                cell(text, { header: true, widthPercent: percent[index] ?? 0 }),
              ),
            }),
          ]
        : []),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, index) => cell(text, { widthPercent: percent[index] ?? 0 })),
          }),
      ),
    ],
  });
}

function factsTable(rows: FactRow[]): Table {
  return table(undefined, rows, [35, 65]);
}

function spacer(): Paragraph {
  return new Paragraph({ text: "" });
}

async function chartBlock(block: Extract<ReportBlock, { kind: "chart" }>): Promise<Array<Paragraph | Table>> {
  const width = Math.min(CONTENT_WIDTH_PX, block.width);
  const height = block.width > 0 ? Math.round((block.height * width) / block.width) : 0;
  const png = await chartPng(block.svg, width * 2);
  const picture = new ImageRun({
    type: "svg",
    data: Buffer.from(block.svg, "utf8"),
    fallback: { type: "png", data: png },
    transformation: { width, height },
    altText: { name: block.title, title: block.title, description: block.title },
  });
  return [
    new Paragraph({ children: [picture], keepNext: true }),
    table(
      block.table.head,
      block.table.rows,
      block.table.head.map((_, index) => (index === 0 ? 2 : 1)),
    ),
    spacer(),
  ];
}

async function blockElements(block: ReportBlock): Promise<Array<Paragraph | Table>> {
  switch (block.kind) {
    case "heading":
      return [
        new Paragraph({
          heading: headingLevels[block.level],
          pageBreakBefore: block.newPage ?? false,
          keepNext: true,
          children: [new TextRun(block.text)],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          keepNext: block.style === "label",
          children: [
            new TextRun({
              text: block.text,
              bold: block.style === "label",
              italics: block.style === "note",
              ...(block.style === "note" ? { color: QUIET_COLOUR } : {}),
            }),
          ],
        }),
      ];
    case "facts":
      return [factsTable(block.rows), spacer()];
    case "table":
      return [table(block.head, block.rows, block.widths), spacer()];
    case "chart":
      return chartBlock(block);
    case "agencyText":
      return [
        new Paragraph({ keepNext: true, children: [new TextRun({ text: block.heading, bold: true })] }),
        new Paragraph({
          keepNext: true,
          children: [new TextRun({ text: block.byline, color: QUIET_COLOUR, size: 18 })],
        }),
        new Paragraph({ style: "Quote", text: block.text }),
      ];
  }
}

/**
 * Word's own table of contents (a TOC field over the heading styles 1 and 2), its entries linked to
 * the headings. Its page numbers are written with the document from a layout of its pages, so every
 * reader shows them; Word lays the pages out again and updates the field when it opens the file.
 */
function contents(outline: ReportOutline): Array<Paragraph | TableOfContents> {
  return [
    // Word's "TOC Heading" style: looks like a heading, but is not one of the contents' own entries.
    new Paragraph({ style: "TOCHeading", text: outline.contentsHeading }),
    new TableOfContents(outline.contentsHeading, { hyperlink: true, headingStyleRange: "1-2" }),
  ];
}

/** "Page {{page}} of {{pages}}" in the reader's language, with Word's page fields in the places. */
function pageFooter(outline: ReportOutline): Footer {
  const parts = outline.pageLabel(-1, -2).split(/(-1|-2)/);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: [
          new TextRun({
            size: 16,
            children: parts
              .filter((part) => part !== "")
              .map((part) =>
                part === "-1" ? PageNumber.CURRENT : part === "-2" ? PageNumber.TOTAL_PAGES : part,
              ),
          }),
        ],
      }),
    ],
  });
}

/**
 * The report as an editable Word document: the same blocks as the PDF, with headings in Word's
 * heading styles (navigation pane, accessibility checker), tables as tables, and each chart as an
 * SVG picture with a PNG fallback and its data table after it.
 */
export async function renderMonitoringReportDocx(outline: ReportOutline): Promise<Buffer> {
  const body = (await Promise.all(outline.blocks.map(blockElements))).flat();
  const document = new Document({
    pageNumbers: estimatePageNumbers,
    features: { updateFields: true },
    creator: "Karvan",
    title: `${outline.kind}: ${outline.strategyTitle}`,
    subject: outline.edition,
    styles: {
      default: {
        document: { run: { font: "Arial", size: 20, language: { value: intlTag(outline.language) } } },
        title: { run: { size: 44, bold: true, color: TEXT_COLOUR }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { size: 34, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 360, after: 160 } },
        },
        heading2: {
          run: { size: 26, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 240, after: 80 } },
        },
        heading3: {
          run: { size: 22, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 160, after: 60 } },
        },
      },
      paragraphStyles: [
        {
          id: "TOCHeading",
          name: "TOC Heading",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          run: { size: 26, bold: true, color: TEXT_COLOUR },
          paragraph: { spacing: { before: 240, after: 80 }, keepNext: true },
        },
        {
          id: "Quote",
          name: "Quote",
          basedOn: "Normal",
          next: "Normal",
          quickFormat: true,
          paragraph: { indent: { left: 360 }, spacing: { after: 200 } },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        footers: { default: pageFooter(outline) },
        children: [
          new Paragraph({ children: [new TextRun({ text: outline.kind, color: QUIET_COLOUR, size: 24 })] }),
          new Paragraph({ heading: HeadingLevel.TITLE, text: outline.strategyTitle }),
          new Paragraph({ children: [new TextRun({ text: outline.edition, bold: true })] }),
          factsTable(outline.cover),
          spacer(),
          ...contents(outline),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
