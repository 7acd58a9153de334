import type { Queryable } from "../../../../platform/db/index.js";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { Locale, Translator } from "../../../../platform/http/index.js";
import { findPublishedReport } from "../published-report-repository.js";
import {
  type RenderedReport,
  type ReportFormat,
  renderMonitoringReport,
} from "../render-monitoring-report.js";

/**
 * The files last written from published reports, oldest first. The portal serves the same few
 * reports to many readers; writing one costs a fifth of a second of CPU, keeping one about 70 KB.
 */
const renderedFiles = new Map<string, RenderedReport>();
const renderedFilesCap = 24;

/**
 * The published public version of a monitoring report as PDF or DOCX, for anyone: it holds nothing
 * internal and nothing personal, so it needs no sign-in and leaves no audit record.
 */
export async function renderPublishedReport(
  db: Queryable,
  id: string,
  format: ReportFormat,
  locale: Locale,
  t: Translator,
): Promise<RenderedReport> {
  const published = await findPublishedReport(db, id);
  if (!published) throw new NotFoundError("policy_report_not_published");
  // A published report changes only when published again, which changes its time: the key.
  const key = `${id}|${published.publishedAt.toISOString()}|${format}|${locale}`;
  const known = renderedFiles.get(key);
  if (known) return known;
  const rendered = await renderMonitoringReport(published.reports[locale], format, locale, t);
  if (renderedFiles.size >= renderedFilesCap) {
    const oldest = renderedFiles.keys().next().value;
    if (oldest !== undefined) renderedFiles.delete(oldest);
  }
  renderedFiles.set(key, rendered);
  return rendered;
}
