import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { auditorPage } from "../auditor-pages.js";
import { searchAuditPage } from "./handler.js";

/** /audit: the audit trail, newest first, filtered. */
export function registerAuditSearchPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/audit", auditorPage(access), (request, reply) => searchAuditPage(access, request, reply));
}
