/**
 * Words that appear inside exported files. Callers pass them in the reader's language; the English
 * defaults keep exports usable from scripts and tests that have no translation at hand.
 */
export interface ExportTexts {
  headings: {
    period: string;
    value: string;
    flag: string;
    /** Added in brackets after a dimension label to name its code column, e.g. `Sex (code)`. */
    code: string;
  };
  notes: {
    /** Lead-in before the reference period, e.g. `Reference period`. */
    period: string;
    /** Says the figures are exact, for internal tables. */
    exact: string;
    /** Says the figures are rounded and small counts suppressed, for public tables. */
    published: string;
    /** Meaning of flag `c`. */
    confidential: string;
  };
}

export interface ExportOptions {
  headings?: Partial<ExportTexts["headings"]>;
  notes?: Partial<ExportTexts["notes"]>;
}

export const ENGLISH_EXPORT_TEXTS: ExportTexts = {
  headings: { period: "Period", value: "Value", flag: "Flag", code: "code" },
  notes: {
    period: "Reference period",
    exact: "Exact figures for internal use, not for publication.",
    published: "Figures are rounded and small counts are suppressed.",
    confidential: "confidential",
  },
};

export function resolveExportTexts(options: ExportOptions = {}): ExportTexts {
  return {
    headings: { ...ENGLISH_EXPORT_TEXTS.headings, ...options.headings },
    notes: { ...ENGLISH_EXPORT_TEXTS.notes, ...options.notes },
  };
}
