import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  actionStatuses,
  type MonitoringReport,
  publicVersion,
  type ReportAction,
  type ReportIndicator,
  reportSummary,
} from "./monitoring-report.js";
import { sampleMonitoringReport } from "./test-support/sample-monitoring-report.js";

const code = fc.string({ minLength: 1, maxLength: 4 });

const action: fc.Arbitrary<ReportAction> = fc.record({
  code,
  title: fc.string(),
  agency: fc.string(),
  dueDate: fc.constantFrom(null, "2026-06-30"),
  status: fc.constantFrom(...actionStatuses),
  percentDone: fc.option(fc.integer({ min: 0, max: 100 })),
  late: fc.boolean(),
  done: fc.boolean(),
  internal: fc.boolean(),
  agencyText: fc.option(
    fc.record({
      agency: fc.string(),
      text: fc.string(),
      submittedAt: fc.constant(null),
      internal: fc.boolean(),
    }),
  ),
});

const indicator: fc.Arbitrary<ReportIndicator> = fc.record({
  code,
  title: fc.string(),
  unit: fc.constant("%"),
  decimals: fc.constant(0),
  higherIsBetter: fc.boolean(),
  baseline: fc.constant(null),
  target: fc.constant(null),
  series: fc.constant([]),
  chart: fc.constant("line" as const),
  internal: fc.boolean(),
});

const report: fc.Arbitrary<MonitoringReport> = fc
  .array(
    fc.record({
      code,
      title: fc.string(),
      progressPercent: fc.option(fc.integer({ min: 0, max: 100 })),
      internal: fc.boolean(),
      measures: fc.array(
        fc.record({
          code,
          title: fc.string(),
          internal: fc.boolean(),
          actions: fc.array(action, { maxLength: 4 }),
        }),
        { maxLength: 3 },
      ),
      indicators: fc.array(indicator, { maxLength: 3 }),
    }),
    { maxLength: 4 },
  )
  .map((objectives) => ({ ...sampleMonitoringReport(), objectives }));

interface Item {
  code?: string;
  text?: string;
  internal: boolean;
}

/** Every item of the report with the chain of items it sits in, outermost first. */
function chains(of: MonitoringReport): Item[][] {
  return of.objectives.flatMap((objective) => [
    [objective],
    ...objective.indicators.map((indicator) => [objective, indicator]),
    ...objective.measures.flatMap((measure) => [
      [objective, measure],
      ...measure.actions.flatMap((action) => [
        [objective, measure, action],
        ...(action.agencyText ? [[objective, measure, action, action.agencyText]] : []),
      ]),
    ]),
  ]);
}

/** Where an item sits, by the codes of its chain (an agency's text by its own text). */
const signature = (chain: Item[]) => chain.map((item) => item.code ?? `text:${item.text}`).join(" > ");

describe("the public version", () => {
  it("keeps exactly the items that neither are nor sit inside an internal item", () => {
    fc.assert(
      fc.property(report, (full) => {
        const kept = publicVersion(full);
        expect(kept.audience).toBe("public");
        expect(chains(kept).every((chain) => !chain.at(-1)?.internal)).toBe(true);
        const open = chains(full).filter((chain) => chain.every((item) => !item.internal));
        expect(chains(kept).map(signature)).toEqual(open.map(signature));
      }),
    );
  });

  it("counts its summary from what is left", () => {
    const summary = reportSummary(publicVersion(sampleMonitoringReport()));
    expect(summary).toEqual({ objectives: 1, actions: 2, done: 1, late: 1, averageProgress: 62 });
    expect(reportSummary(sampleMonitoringReport()).actions).toBe(3);
  });
});
