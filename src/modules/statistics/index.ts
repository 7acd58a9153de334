// Public face of the statistics module: statistical records and cubes kept current from case events,
// imports of earlier data, official tables, their exports, and disclosure control.

export {
  type ChartDrawer,
  chartDrawer,
  chartDrawingTask,
  drawChartsInThread,
} from "./charts/chart-drawer.js";
export type { ChartSpec } from "./charts/chart-spec.js";
export { type ChartDataTable, chartDataTable } from "./charts/chart-table.js";
export { renderChartSvg } from "./charts/render-chart.js";
export { registerComparisonRoutes } from "./comparison/comparison-routes.js";
export {
  FiguresLoadError,
  loadComparisonFigures,
  parseSelection,
} from "./comparison/load-figures.js";
export { cubeTables } from "./cubes/cube-cell.js";
export { type CubeFilterColumn, cubeColumnCodes, cubeColumns } from "./cubes/cube-codes.js";
export { cubeSnapshot } from "./cubes/cube-repository.js";
export { addDays, addMonthsToDate, addMonthsToMonth, daysBetween } from "./cubes/months.js";
export {
  type Audience,
  type ProtectedCell,
  type ProtectedTable,
  protectTable,
  suppressionPattern,
} from "./disclosure/protect-table.js";
export { roundToNearest } from "./disclosure/round-to-five.js";
export { buildTable, type CountTable, tableFromRecords } from "./disclosure/table.js";
export { type AgeGroup, ageCodesFor, ageGroupOn } from "./eurostat/age-groups.js";
export { eurostatCitizenship, isoFromEurostat } from "./eurostat/citizenship-codes.js";
export {
  type EurostatTable,
  readEurostatBulkCsv,
  readEurostatLabelledCsv,
} from "./eurostat/eurostat-bulk-csv.js";
export { readSdmxCsv, type SdmxDataset, writeSdmxCsv } from "./eurostat/sdmx-csv.js";
export { parseSexCode, type SexCode } from "./eurostat/sex-codes.js";
export { exportOfficialTable } from "./exports/export-table.js";
export { anonymousAnswers } from "./facts/anonymous-answers.js";
export { followRegister } from "./facts/follow-register.js";
export { importFiles, importStatisticalRecords } from "./facts/import-records.js";
export { type ImportedPersonLine, importedPersonsOf } from "./facts/imported-persons.js";
export { registerParkedCaseMetrics } from "./facts/parked-case-metrics.js";
export { listParkedCases, type ParkedCase } from "./facts/parked-case-repository.js";
export {
  type ParallelReplay,
  type RebuildProgress,
  type RebuildReport,
  rebuildStatistics,
} from "./facts/rebuild-statistics.js";
export { loadRecordsInPeriod } from "./facts/record-repository.js";
export {
  type PersonKeyChange,
  type PersonRecords,
  type RekeyReport,
  registerPersonKey,
  rekeyPersons,
} from "./facts/rekey-persons.js";
export { type CaseRange, replayCaseRange } from "./facts/replay-case-range.js";
export { replayInThreads, replayRangeInThread, replayTask } from "./facts/replay-in-threads.js";
export { retryParkedCases } from "./facts/retry-parked-cases.js";
export type { DecisionOutcome, PersonFacts, StatisticalRecord } from "./facts/statistical-record.js";
export { catchUpStatistics, startStatisticsProjector } from "./facts/statistics-projector.js";
export type { ImportFile } from "./import/import-source.js";
export { ImportDirectoryError, readImportDirectory } from "./import/read-import-directory.js";
export { builtinIndicators } from "./indicators/builtin-indicators.js";
export { evaluateIndicator, progressTowardsTarget } from "./indicators/indicator.js";
export {
  type IndicatorDefinition,
  indicatorPeriod,
  periodMidpoint,
  type SeriesRef,
} from "./indicators/indicator-definition.js";
export { registerIndicatorRoutes } from "./indicators/indicator-routes.js";
export { loadSeriesResolver } from "./indicators/resolve-series.js";
export type { StatisticsContext } from "./statistics-context.js";
export { codeLabel as statisticsCodeLabel } from "./tables/official-tables.js";
export { registerOpenDataRoutes } from "./web/open-data-routes.js";
export type { StatisticsModule } from "./web/statistics-module.js";
export { registerStatisticsRoutes } from "./web/statistics-routes.js";
