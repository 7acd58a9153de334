export {
  allPairsCount,
  type BlockingKey,
  type CandidatePairs,
  candidatePairs,
  pairsCompleteness,
  reductionRatio,
} from "./matching/blocking.js";
export {
  compareDates,
  type DateAgreement,
  type PartialDate,
  parsePartialDate,
} from "./matching/compare-dates.js";
export {
  estimateModel,
  type FellegiSunterModel,
  levelWeights,
  MISSING_LEVEL,
} from "./matching/fellegi-sunter.js";
export { jaro, jaroWinkler } from "./matching/jaro-winkler.js";
export {
  type FieldComparison,
  type LinkOptions,
  type LinkResult,
  linkRecords,
  type MatchBand,
  type ScoredPair,
} from "./matching/link-records.js";
export { type NameNormaliser, plainNameNormaliser } from "./matching/normalise.js";
export {
  type NameReading,
  type PersonForMatching,
  type PreparedPerson,
  personBlockingKeys,
  personComparisons,
  preparePerson,
} from "./matching/person-comparisons.js";
export { soundex } from "./matching/soundex.js";
export { type NameKeys, type NameScript, nameKeys, passportSpelling } from "./names/normalise.js";
