import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../platform/errors/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CasesModule } from "../module.js";
import type { CatalogueReader } from "./catalogue-text.js";
import { describeService, summarizeService } from "./describe-service.js";
import { describeWorkflow } from "./describe-workflow.js";
import { processingTimeOf } from "./processing-time.js";

const readerOf = (request: FastifyRequest): CatalogueReader => ({ locale: request.locale, t: request.t });

/**
 * The public service catalogue (/services): each procedure's page and its workflow, generated
 * from the case type definitions and from the real processing time of Karvan's own cases. Open
 * to everyone, staff and public alike; no personal data is shown.
 */
export async function registerCatalogueRoutes(app: FastifyInstance, cases: CasesModule): Promise<void> {
  const serviceOf = (request: FastifyRequest): CaseTypeDefinition => {
    const { code } = request.params as { code: string };
    const definition = cases.registry.latest(code);
    if (!definition) throw new NotFoundError("unknown_service");
    return definition;
  };

  app.get("/services", { schema: { hide: true } }, async (request, reply) => {
    const reader = readerOf(request);
    return reply.render("cases/views/catalogue/list.njk", {
      title: request.t("catalogue.list.title"),
      services: cases.registry.current().map((definition) => summarizeService(definition, reader)),
    });
  });

  app.get("/services/:code", { schema: { hide: true } }, async (request, reply) => {
    const definition = serviceOf(request);
    const processing = await processingTimeOf(cases.db, definition.code, cases.clock.now());
    const service = describeService(definition, processing, readerOf(request));
    return reply.render("cases/views/catalogue/service.njk", { title: service.name, service });
  });

  app.get("/services/:code/workflow", { schema: { hide: true } }, async (request, reply) => {
    const workflow = describeWorkflow(serviceOf(request), readerOf(request), cases.registry.current());
    return reply.render("cases/views/catalogue/workflow.njk", {
      title: request.t("catalogue.workflow.title", { service: workflow.serviceName }),
      workflow,
    });
  });
}
