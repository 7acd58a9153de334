import type { FastifyInstance } from "fastify";
import { showProcessingRecordPage } from "../processing-record/processing-record-page.js";
import { showRetentionPage } from "./retention-page.js";
import type { RetentionServices } from "./retention-services.js";

/** The data-protection officer's pages (`privacy.read`): the retention report and the record of processing. */
export async function registerRetentionRoutes(
  app: FastifyInstance,
  services: RetentionServices,
): Promise<void> {
  const dpoOnly = {
    preHandler: services.cases.guards.requirePermission("privacy.read"),
    schema: { hide: true },
  };
  app.get("/privacy/retention", dpoOnly, (request, reply) => showRetentionPage(services, request, reply));
  app.get("/privacy/processing-record", dpoOnly, (request, reply) =>
    showProcessingRecordPage(services, request, reply),
  );
}
