import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../module.js";
import { registerAuditChainPage } from "./chain/routes.js";
import { registerAuditExport } from "./export/routes.js";
import { registerAuditRecordPage } from "./record/routes.js";
import { registerAuditRecordsApi } from "./records-api/routes.js";
import { registerAuditSearchPage } from "./search/routes.js";

/** Auditor pages (/audit) and the audit records API; every one needs audit.read. */
export async function registerAuditRoutes(app: FastifyInstance, access: AccessModule): Promise<void> {
  registerAuditSearchPage(app, access);
  registerAuditExport(app, access);
  registerAuditChainPage(app, access);
  registerAuditRecordPage(app, access);
  registerAuditRecordsApi(app, access);
}
