export type { NewActiveUser } from "./accounts-in-bulk.js";
export { createActiveUsers, enrolNewTotpSecret, findUserIdsByEmail } from "./accounts-in-bulk.js";
export type { AgencySummary } from "./agency-directory.js";
export {
  findAgenciesByIds,
  findAgenciesByKind,
  findAgencyByCode,
  findAgencyById,
  listActiveAgencies,
} from "./agency-directory.js";
export type { ApiKeyScope, ApiKeyScopeDefinition } from "./api-keys/api-key-scopes.js";
export { apiKeyScopes } from "./api-keys/api-key-scopes.js";
export { apiRateLimit, apiRequestsPerMinute } from "./api-keys/api-rate-limit.js";
export { createApiKeyAuthenticator } from "./api-keys/authenticate-api-key.js";
export { requireApiScope } from "./api-keys/require-api-scope.js";
export type { AnchoringOutcome } from "./audit/anchor-audit-chain.js";
export { AuditAnchoring, auditAnchorSettings } from "./audit/anchor-audit-chain.js";
export type { AuditAnchor } from "./audit/audit-anchor-log.js";
export { parseAnchorLine } from "./audit/audit-anchor-log.js";
export type { AuditSealer, AuditSealerOptions } from "./audit/audit-sealer.js";
export { startAuditSealer } from "./audit/audit-sealer.js";
export type { AnchorCheck } from "./audit/check-audit-anchor.js";
export { restartAuditAnchors } from "./audit/restart-audit-anchors.js";
export type { SealPendingResult } from "./audit/seal-audit-trail.js";
export { sealPendingRecords } from "./audit/seal-audit-trail.js";
export type { AuditProblem, AuditProblemKind, AuditVerificationReport } from "./audit/verify-audit-trail.js";
export { recordVerification, verifyAuditTrail } from "./audit/verify-audit-trail.js";
export type { Decision, ProtectedRecord } from "./authorize.js";
export { authorize, decide, takeDeferredRefusalAudit } from "./authorize.js";
export type { CreateUserInput } from "./create-user.js";
export { createUser } from "./create-user.js";
export { ensureReferenceData } from "./ensure-reference-data.js";
export { readMfaSecret } from "./mfa-secret.js";
export type { AccessDependencies, AccessModule } from "./module.js";
export { createAccessModule } from "./module.js";
export type { AccessByOthers, OwnAccountRecord } from "./own-account-record.js";
export { accessByOthers, ownAccountRecord } from "./own-account-record.js";
export type { Permission, RoleDefinition } from "./permissions.js";
export { builtInRoles, isPermission, permissions } from "./permissions.js";
export type { AuditActor, Principal } from "./principal.js";
export { actorOf, systemActor } from "./principal.js";
export type { AuditEntry, AuditOutcome } from "./record-audit.js";
export { auditRecordsInsert, recordAudit } from "./record-audit.js";
export type { Guard, Guards } from "./request-context.js";
export { registerAccessContext, requestOrigin } from "./request-context.js";
export { registerAccessRoutes } from "./routes.js";
export { deleteExpiredSessions } from "./sessions.js";
export type { StaffMember, UserContact } from "./staff-directory.js";
export {
  findUserContacts,
  listActiveUsersWithPermission,
  listStaffWithPermission,
} from "./staff-directory.js";
export { currentTotpCode } from "./totp.js";
export { countUnverifiedAccounts, removeUnverifiedAccounts } from "./unverified-accounts.js";
