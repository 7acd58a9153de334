import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { auditorPage } from "../auditor-pages.js";
import { showAuditRecord } from "./handler.js";

/** /audit/:id: one audit record and whether its seal holds. */
export function registerAuditRecordPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/audit/:id", auditorPage(access), (request, reply) => showAuditRecord(access, request, reply));
}
