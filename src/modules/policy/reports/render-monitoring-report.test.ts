import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { sourceRoot } from "../../../app.js";
import { createI18n, type I18n, type Locale } from "../../../platform/http/index.js";
import { pdfTextRuns } from "../../../platform/pdf/pdf-text-runs.js";
import { publicVersion } from "./monitoring-report.js";
import {
  type RenderedReport,
  type ReportFormat,
  renderMonitoringReport,
} from "./render-monitoring-report.js";
import { sampleMonitoringReport } from "./test-support/sample-monitoring-report.js";

let i18n: I18n;
beforeAll(async () => {
  i18n = await createI18n(sourceRoot);
});

const rendered = new Map<string, Promise<RenderedReport>>();

/** The sample report rendered once per format, language and version, whichever test asks first. */
function sample(format: ReportFormat, locale: Locale, edition: "full" | "public" = "full") {
  const key = `${format}|${locale}|${edition}`;
  const report = edition === "public" ? publicVersion(sampleMonitoringReport()) : sampleMonitoringReport();
  const document = rendered.get(key) ?? renderMonitoringReport(report, format, locale, i18n.t(locale));
  rendered.set(key, document);
  return document;
}

/**
 * What a PDF says and how many pages it has. Runs are joined as they are: a line's words carry
 * their spaces, and a word broken at a hyphen or dash runs on into the next line's first word.
 */
function pdfText(pdf: Buffer): { text: string; pages: number } {
  const runs = pdfTextRuns(pdf);
  return {
    text: runs
      .map((run) => run.text)
      .join("")
      .replace(/\s+/g, " "),
    pages: Math.max(...runs.map((run) => run.page)),
  };
}

interface DocxParts {
  documentXml: string;
  settingsXml: string;
  text: string;
  footerXml: string;
  media: string[];
}

async function docxParts(docx: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(docx);
  const documentXml = (await zip.file("word/document.xml")?.async("string")) ?? "";
  const footers = zip.file(/^word\/footer\d*\.xml$/);
  return {
    documentXml,
    settingsXml: (await zip.file("word/settings.xml")?.async("string")) ?? "",
    // Each run's text, joined: Word splits text into runs wherever formatting changes.
    text: [...documentXml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join(" "),
    footerXml: (await Promise.all(footers.map((file) => file.async("string")))).join(""),
    media: Object.keys(zip.files).filter((name) => name.startsWith("word/media/")),
  };
}

const expected: Record<
  Locale,
  { kind: string; contents: string; late: string; status: string; page: string }
> = {
  az: {
    kind: "Monitorinq hesabatı",
    contents: "Mündəricat",
    late: "Gecikir",
    status: "Qüvvədədir",
    page: "Səhifə 1 / ",
  },
  en: {
    kind: "Monitoring report",
    contents: "Contents",
    late: "Late",
    status: "In force",
    page: "Page 1 of ",
  },
  ru: {
    kind: "Отчёт о мониторинге",
    contents: "Содержание",
    late: "Просрочено",
    status: "Действует",
    page: "Страница 1 из ",
  },
};

const headings: Record<Locale, string> = {
  az: "Məqsəd 1: Faster residence procedures",
  en: "Objective 1: Faster residence procedures",
  ru: "Цель 1: Faster residence procedures",
};

/** Texts of items marked internal in the sample report. */
const internalTexts = [
  "Not for publication",
  "Exchange of data with the border service",
  "Connect the watch-list interface",
  "Readmission agreements in force",
  "Appeals upheld",
];

describe("the monitoring report in three languages", () => {
  for (const locale of ["az", "en", "ru"] as const) {
    it(`writes the PDF in ${locale} with its labels, texts, chart data and page numbers`, async () => {
      const { body, contentType, fileName } = await sample("pdf", locale);
      expect(contentType).toBe("application/pdf");
      expect(fileName).toBe(`monitoring-report-2026-Q3-${locale}.pdf`);
      const { text, pages } = pdfText(body);
      for (const label of Object.values(expected[locale])) expect(text).toContain(label);
      expect(text).toContain(headings[locale]);
      expect(text).toContain("Miqrasiya Strategiyası 2026–2030");
      expect(text).toContain("E-xidmətlər 2026-cı ilin mart ayında istifadəyə verildi");
      // The chart's own labels are drawn as text in the PDF, and its data table follows it.
      expect(text).toContain("Days to decide a temporary residence permit (days)");
      expect(text).toContain("Решения, отменённые судом");
      expect(text).toContain(`${expected[locale].page}${pages}`);
      expect(body.toString("latin1")).toContain("/Outlines");
    });

    it(`writes the DOCX in ${locale} with Word headings, tables, charts and page fields`, async () => {
      const { body, fileName } = await sample("docx", locale);
      expect(fileName.endsWith(`-${locale}.docx`)).toBe(true);
      const docx = await docxParts(body);
      for (const [name, label] of Object.entries(expected[locale]))
        if (name !== "page") expect(docx.text).toContain(label);
      expect(docx.text).toContain(headings[locale]);
      expect(docx.text).toContain("Miqrasiya Strategiyası 2026–2030");
      expect(docx.documentXml).toContain('<w:pStyle w:val="Heading1"/>');
      expect(docx.documentXml).toContain('<w:pStyle w:val="Heading3"/>');
      expect(docx.documentXml).toContain("<w:tblHeader/>");
      // Two charts, each an SVG with a PNG for applications that cannot show SVG.
      expect(docx.media.filter((name) => name.endsWith(".svg"))).toHaveLength(2);
      expect(docx.media.filter((name) => name.endsWith(".png"))).toHaveLength(2);
      expect(docx.footerXml).toContain("PAGE");
      expect(docx.footerXml).toContain("NUMPAGES");
      // Word's table of contents: a TOC field over headings 1–2, each entry with its page number
      // written (the objective starts a page after the cover), updated again when Word opens it.
      expect(docx.documentXml).toContain("TOC \\h \\o &quot;1-2&quot;");
      expect(docx.settingsXml).toContain("<w:updateFields/>");
      const entries = [
        ...docx.documentXml.matchAll(/<w:hyperlink w:history="1" w:anchor="(_Toc\d+)">(.*?)<\/w:hyperlink>/g),
      ].map(([, anchor, xml]) => ({
        anchor,
        text: /<w:t[^>]*>([^<]*)<\/w:t>/.exec(xml ?? "")?.[1],
        page: Number(
          /PAGEREF _Toc\d+ \\h<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)</.exec(
            xml ?? "",
          )?.[1],
        ),
      }));
      const objective = entries.find((entry) => entry.text === headings[locale]);
      expect(objective?.page).toBeGreaterThan(1);
      expect(docx.documentXml).toContain(`<w:bookmarkStart w:name="${objective?.anchor}"`);
    });
  }
});

describe("the public version of the report", () => {
  const pageTexts = async (format: ReportFormat, publicOnly: boolean) => {
    const { body } = await sample(format, "en", publicOnly ? "public" : "full");
    return format === "pdf" ? pdfText(body).text : (await docxParts(body)).text;
  };

  it("leaves out in PDF and DOCX what the full version shows as internal", async () => {
    for (const format of ["pdf", "docx"] as const) {
      const full = await pageTexts(format, false);
      const open = await pageTexts(format, true);
      for (const internal of internalTexts) {
        expect(full).toContain(internal);
        expect(open).not.toContain(internal);
      }
      expect(full).toContain("[Internal]");
      expect(open).not.toContain("Internal");
      expect(open).toContain("Public version");
      expect(open).toContain("Open e-services for temporary residence");
    }
  });
});
