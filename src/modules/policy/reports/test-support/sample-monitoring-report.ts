import type { MonitoringReport, ReportSeriesPoint } from "../monitoring-report.js";

/** The months of 2026, measured up to September, falling from 44 days towards the target of 20 in 2030. */
function decisionDays(): ReportSeriesPoint[] {
  const actual = [44, 43, 45, 41, 38, 36, 35, 33, 34, null, null, null];
  return actual.map((value, month) => ({
    period: `2026-${String(month + 1).padStart(2, "0")}`,
    actual: value,
    trajectory: Math.round((45 - ((month + 1) * 25) / 60) * 10) / 10,
  }));
}

/**
 * A fixed monitoring report with one of everything: done, late and internal actions, agencies' texts
 * (one internal), indicators with a trajectory and an interrupted time series, and an internal
 * objective. Titles carry Azerbaijani and Cyrillic letters to prove the fonts.
 */
export function sampleMonitoringReport(): MonitoringReport {
  return {
    strategy: {
      title: "Miqrasiya Strategiyası 2026–2030",
      reference: "DMX-2026/1",
      owner: "Dövlət Miqrasiya Xidməti",
      status: "in_force",
      version: 2,
    },
    period: { code: "2026-Q3", from: "2026-07-01", to: "2026-09-30" },
    generatedAt: "2026-11-05T08:30:00.000Z",
    audience: "internal",
    objectives: [
      {
        code: "1",
        title: "Faster residence procedures",
        progressPercent: 62,
        internal: false,
        measures: [
          {
            code: "1.1",
            title: "Applications online",
            internal: false,
            actions: [
              {
                code: "1.1.1",
                title: "Open e-services for temporary residence",
                agency: "Dövlət Miqrasiya Xidməti",
                dueDate: "2026-03-31",
                status: "done",
                percentDone: 100,
                late: false,
                done: true,
                internal: false,
                agencyText: {
                  agency: "Dövlət Miqrasiya Xidməti",
                  text: "E-xidmətlər 2026-cı ilin mart ayında istifadəyə verildi; müraciətlərin 71 faizi onlayn daxil olur.",
                  submittedAt: "2026-11-02T10:15:00.000Z",
                  internal: false,
                },
              },
              {
                code: "1.1.2",
                title: "Train regional staff in case handling",
                agency: "Gəncə regional idarəsi",
                dueDate: "2026-06-30",
                status: "in_progress",
                percentDone: 40,
                late: true,
                done: false,
                internal: false,
                agencyText: {
                  agency: "Gəncə regional idarəsi",
                  text: "Staff shortage in the regional office: two trainers left in May. Not for publication.",
                  submittedAt: null,
                  internal: true,
                },
              },
            ],
          },
          {
            code: "1.2",
            title: "Exchange of data with the border service",
            internal: true,
            actions: [
              {
                code: "1.2.1",
                title: "Connect the watch-list interface",
                agency: "Dövlət Sərhəd Xidməti",
                dueDate: "2026-12-31",
                status: "in_progress",
                percentDone: 55,
                late: false,
                done: false,
                internal: true,
                agencyText: null,
              },
            ],
          },
        ],
        indicators: [
          {
            code: "1.a",
            title: "Days to decide a temporary residence permit",
            unit: "days",
            decimals: 0,
            higherIsBetter: false,
            baseline: { value: 45, period: "2025-12" },
            target: { value: 20, period: "2030" },
            series: decisionDays(),
            interruptedTimeSeries: {
              interruptionDate: "2026-04-01",
              levelChange: -3.2,
              levelChangeInterval: [-5.1, -1.3],
              slopeChange: -0.84,
              slopeChangeInterval: [-1.4, -0.3],
            },
            chart: "line",
            internal: false,
          },
          {
            code: "1.b",
            title: "Appeals upheld (Решения, отменённые судом)",
            unit: "%",
            decimals: 1,
            higherIsBetter: false,
            baseline: { value: 12.5, period: "2025" },
            target: { value: 8, period: "2030" },
            series: [
              { period: "2025", actual: 12.5, trajectory: null },
              { period: "2026", actual: 11.9, trajectory: null },
            ],
            chart: "bar",
            internal: true,
          },
        ],
      },
      {
        code: "2",
        title: "Readmission agreements in force",
        progressPercent: null,
        internal: true,
        measures: [],
        indicators: [],
      },
    ],
  };
}
