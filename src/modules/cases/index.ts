export { registerApplicationApiRoutes } from "./api/application-api-routes.js";
export type { BulkCaseRoute, CaseApiDependencies } from "./api/case-api-routes.js";
export { registerBulkCaseRoute, registerCaseApiRoutes } from "./api/case-api-routes.js";
export type { ModuleStepRunner } from "./api/case-api-shared.js";
export type { CasesContext } from "./cases-context.js";
export { registerCatalogueRoutes } from "./catalogue/catalogue-routes.js";
export type { SubmissionCheck, SubmittedPerson } from "./checks/submission-checks.js";
export type {
  CaseTypeDefinition,
  CaseTypeInput,
  Condition,
  DocumentRequirement,
  FieldDefinition,
  GuardName,
  LegalTime,
  LocalizedText,
  PageDefinition,
  ScalarFieldDefinition,
  StateCategory,
  TaskDefinition,
  TransitionDefinition,
} from "./definition/case-type.js";
export { defineCaseType } from "./definition/case-type.js";
export { conditionHolds } from "./definition/conditions.js";
export { type PersonOccurrenceData, personsOfAnswers } from "./definition/persons-of-answers.js";
export type { PersonRole, PersonsSection } from "./definition/persons-section.js";
export { CaseTypeRegistry, InvalidCaseTypeError } from "./definition/registry.js";
export { residencePermitReasons, type StatisticsSection } from "./definition/statistics-section.js";
export { checkStepAnswers } from "./definition/step-answers.js";
export type { AnswerProblem } from "./definition/validate-answers.js";
export { checkAnswers, requiredDocuments, visiblePages } from "./definition/validate-answers.js";
export { calendarDeadlineClock } from "./engine/calendar-deadline-clock.js";
export {
  claimChangedCases,
  clearChangedCases,
  countChangedCases,
} from "./engine/case-change-outbox.js";
export type { CaseIdRange } from "./engine/case-id-ranges.js";
export { caseIdRanges } from "./engine/case-id-ranges.js";
export type { CaseNumber } from "./engine/case-numbers.js";
export { caseNumbersOf } from "./engine/case-numbers.js";
export type {
  AttachedDocument,
  CaseDecision,
  CaseHold,
  CaseState,
  CaseTask,
  DeadlineClock,
} from "./engine/case-state.js";
export { applyEvent, initialCaseState, replayCase } from "./engine/case-state.js";
export { decisionIssued, issuedDocumentSeries, validityEnd } from "./engine/decision-issued.js";
export {
  ConcurrentCaseChangeError,
  formatCaseNumber,
  historiesAfter,
  loadEvents,
  loadEventsOfCases,
  reserveCaseNumbers,
} from "./engine/event-store.js";
export type { CaseEvent, CaseEventBody, HoldFinding, PendingCaseEvent } from "./engine/events.js";
export type { NewCaseHistory } from "./engine/new-case-writer.js";
export { analyzeCaseTables, insertNewCases } from "./engine/new-case-writer.js";
export { type OpenCase, openCasesOfType } from "./engine/open-cases-of-type.js";
export type { CaseStanding } from "./engine/projection-repository.js";
export { loadCaseStandings, loadCaseState } from "./engine/projection-repository.js";
export type { AgenciesByKind } from "./engine/tasks-on-entry.js";
export { tasksEntering } from "./engine/tasks-on-entry.js";
export type { CasesDependencies, CasesModule } from "./module.js";
export { createCasesModule } from "./module.js";
export {
  type ApplicantNotice,
  mailApplicantNotice,
  type NoticeServices,
} from "./notices/mail-applicant-notice.js";
export { notifyApplicantOfRelease } from "./notices/notify-hold-released.js";
export { addNote, sendMessage } from "./operations/add-note.js";
export { assignCase, claimCase } from "./operations/assign-case.js";
export type { StoredDocument } from "./operations/attach-document.js";
export { attachDocument, removeDocument } from "./operations/attach-document.js";
export type { CaseGlimpse, CasesSeen } from "./operations/cases-seen-by.js";
export { casesSeenBy } from "./operations/cases-seen-by.js";
export { completeTask } from "./operations/complete-task.js";
export type { AnswerToCorrect } from "./operations/correct-answer.js";
export { answerToCorrect, correctAnswer } from "./operations/correct-answer.js";
export type { HeldCase, HeldCaseReview } from "./operations/held-cases.js";
export { listHeldCases, viewHeldCase } from "./operations/held-cases.js";
export { chooseExpressTier, recordFeePayment } from "./operations/pay-fee.js";
export type { PersonRegistration, RegisteredCasePerson } from "./operations/person-registration.js";
export { rebuildCaseProjections } from "./operations/rebuild-projections.js";
export { confirmHold, holdReviewPermission, releaseHold } from "./operations/resolve-hold.js";
export { AnswersInvalidError, saveAnswers } from "./operations/save-answers.js";
export { startApplication } from "./operations/start-application.js";
export type { SubmissionSetting } from "./operations/submit-application.js";
export { feeDue, submitApplication, submittedEvents } from "./operations/submit-application.js";
export type { ModuleStep, TransitionInput, TransitionSetting } from "./operations/transition-case.js";
export {
  availableTransitions,
  checkTransition,
  GuardFailedError,
  transitionCase,
  transitionEvents,
} from "./operations/transition-case.js";
export { formatLongDate } from "./portal/answer-summary.js";
export { applicantStateLabel } from "./portal/applicant-state-label.js";
export { CsvFormatError, parseCsv } from "./portal/csv.js";
export { attachedDocumentRows } from "./portal/document-views.js";
export type { GuestCsvColumn, GuestRow, GuestRowProblem } from "./portal/guest-csv.js";
export { guestCsvColumns, readGuestCsv, readGuestRecords } from "./portal/guest-csv.js";
export type { CaseActorKind, OwnCaseRecord } from "./portal/own-case-records.js";
export { loadOwnCaseRecords } from "./portal/own-case-records.js";
export { caseParams, type Guard, portalPageWith } from "./portal/page-options.js";
export { requirePortalUser } from "./portal/portal-guard.js";
export { registerPortalRoutes } from "./portal/portal-routes.js";
export type { PortalServices } from "./portal/portal-services.js";
export { type OwnCase, readOwnCase } from "./portal/read-own-case.js";
export { readTextUpload } from "./portal/read-text-upload.js";
export type { AnonymiseBeside } from "./retention/anonymise-case.js";
export { anonymiseCase } from "./retention/anonymise-case.js";
export type { FinishedCaseRule, IdleDraft } from "./retention/expiring-cases.js";
export {
  countFinishedCasesDue,
  countIdleDrafts,
  listFinishedCasesDue,
  listIdleDrafts,
} from "./retention/expiring-cases.js";
export { removeDraft } from "./retention/remove-draft.js";
export {
  deadlineWatchJob,
  defineCaseDeadlineJobs,
  scheduleCaseDeadlineJobs,
} from "./workspace/deadline-jobs.js";
export { awaitingApprovalPanel } from "./workspace/list-awaiting-approval.js";
export type { Workspace } from "./workspace/workspace.js";
export { registerWorkspaceRoutes } from "./workspace/workspace-routes.js";
