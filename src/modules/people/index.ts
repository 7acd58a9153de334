/**
 * The person register and its matcher. The register (operations/, tables in schema.ts): every person
 * who appears in a case or an imported record is linked to one register entry —
 * `registerOccurrence` scores the occurrence against the candidates `findCandidates` proposes and
 * links it, sends it to review (`decideReview`) or creates a new person; `mergePersons` and
 * `undoMerge` join and part two records of one person; `personRecord` reads a person (audited);
 * `estimateRegisterModel` re-estimates the weights from the register itself. The matcher
 * (matching/, names/) is pure: blocking, comparisons, Fellegi-Sunter, names across scripts.
 */

export {
  applyDeduplication,
  type DedupeOptions,
  type DeduplicationApplied,
  type DeduplicationApplyOptions,
  type DuplicateDecision,
  type DuplicatePair,
  type DuplicateReviewOutcome,
  decideDuplicateReview,
  dedupeRegister,
  type RegisterDeduplication,
  writeDedupeReport,
} from "./dedupe/index.js";
export { casePersonStandings } from "./entry/case-person-standing.js";
export { mainPersonsOfCases } from "./entry/main-persons-of-cases.js";
export {
  type CasePersonOutcome,
  prepareCasePersons,
  registerCasePersons,
} from "./entry/register-case-persons.js";
export {
  decideReviewFollowed,
  mergePersonsFollowed,
  type RegisterChangeFollower,
  type RegisterLinkChange,
  undoMergeFollowed,
} from "./entry/register-changes.js";
export {
  type ImportedPerson,
  type ImportLinking,
  linkImportedPersons,
} from "./import-persons/link-imported-persons.js";
export {
  defaultPeopleFileThresholds,
  type LinkPeopleFileOptions,
  linkPeopleFile,
  type PeopleFileLinkage,
  type PeopleFilePair,
  type PeopleFileSummary,
} from "./link-file/link-people-file.js";
export { clustersCsv, pairsCsv } from "./link-file/people-file-output.js";
export { type PeopleFileProblem, peopleFileColumns } from "./link-file/read-people-file.js";
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
export { crossScriptNameReading } from "./names/cross-script-reading.js";
export { type NameKeys, type NameScript, nameKeys, passportSpelling } from "./names/normalise.js";
export { decideReview, type ReviewDecision, type ReviewOutcome } from "./operations/decide-review.js";
export {
  type EstimationOptions as RegisterEstimationOptions,
  estimateRegisterModel,
} from "./operations/estimate-register-model.js";
export {
  type Candidate,
  type FindCandidatesOptions,
  findCandidates,
} from "./operations/find-candidates.js";
export { type MergeOutcome, mergePersons } from "./operations/merge-persons.js";
export { personOfCase } from "./operations/person-of-case.js";
export { type PersonRecord, personRecord, type RecordViewer } from "./operations/person-record.js";
export { type RegisterModel, registerModel } from "./operations/register-model.js";
export {
  type RegisterOptions,
  type RegisterThresholds,
  type Registration,
  type RegistrationBand,
  registerOccurrence,
  registerThresholdsOf,
} from "./operations/register-occurrence.js";
export { type RelationKind, relatePersons } from "./operations/relate-persons.js";
export { undoMerge } from "./operations/undo-merge.js";
export type {
  DocumentType,
  OccurrenceSource,
  PersonDocument,
  PersonOccurrence,
} from "./register/occurrence.js";
export type { FieldAgreement } from "./register/scoring.js";
export { registerLinkFilePage } from "./workspace/link-file/routes.js";
export type { PeopleWorkspace } from "./workspace/people-workspace.js";
export { registerPersonRegisterPages } from "./workspace/register-routes.js";
export type { RegisterWorkspace } from "./workspace/register-workspace.js";
