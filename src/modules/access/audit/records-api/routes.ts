import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { AccessModule } from "../../module.js";
import { auditSearchQuery } from "../audit-filters.js";
import { searchAuditRecords } from "./handler.js";
import { searchResponse } from "./schema.js";

/** GET /api/v1/audit-records: the auditor's search for other systems. */
export function registerAuditRecordsApi(app: FastifyInstance, access: AccessModule): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/audit-records",
    {
      schema: {
        tags: ["audit"],
        summary: "Search the audit trail",
        description:
          "Audit records, newest first, filtered like the auditor pages. Needs the audit.read permission. " +
          "The search itself is recorded in the audit trail.",
        security: [{ apiKey: [] }],
        querystring: auditSearchQuery,
        response: { 200: searchResponse },
      },
      preHandler: access.guards.requirePermission("audit.read"),
    },
    (request) => searchAuditRecords(access, request, request.query),
  );
}
