// Public face of the statistics module (issue 4, in progress): the Eurostat dimensions, SDMX-CSV
// and statistical disclosure control that the official tables will be built on.
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
