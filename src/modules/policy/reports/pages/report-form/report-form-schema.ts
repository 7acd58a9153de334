import { z } from "zod";
import { supportedLocales } from "../../../../../platform/http/index.js";
import { reportFormats } from "../../render-monitoring-report.js";

const period = z.string().regex(/^\d{4}-Q[1-4]$/, "policyReports.errors.period");

/**
 * The download form's choices, sent as the page's query so the form works without JavaScript. The
 * report's language is `language`: `lang` is the switch of the pages' own language.
 */
export const downloadQuerySchema = z.object({
  period,
  language: z.enum(supportedLocales, "policyReports.errors.language"),
  edition: z.enum(["full", "public"], "policyReports.errors.edition"),
  format: z.enum(reportFormats, "policyReports.errors.format"),
});

export const publishFormSchema = z.object({ publishPeriod: period });

export const downloadFields = ["period", "language", "edition", "format"] as const;
