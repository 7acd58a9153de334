import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { apiRateLimit } from "../../../access/index.js";
import { answersBody } from "../api-schemas.js";
import { answersDescription, type CaseApiDependencies, requireApiKey } from "../case-api-shared.js";
import { bulkCasesHandler } from "./handler.js";
import { type BulkCaseRoute, bulkCasesSchema } from "./schema.js";

/**
 * A batch endpoint for one case type (e.g. a hotel registering the night's arrivals): up to
 * `maxCasesPerRequest` cases, all created or none.
 */
export async function registerBulkCaseRoute(
  app: FastifyInstance,
  dependencies: CaseApiDependencies,
  route: BulkCaseRoute,
): Promise<void> {
  const caseType = dependencies.cases.registry.latest(route.typeCode);
  const answers = answersBody(caseType ? [caseType] : [], answersDescription);
  app.withTypeProvider<ZodTypeProvider>().post(
    route.url,
    {
      schema: bulkCasesSchema(route, answers),
      config: { rateLimit: apiRateLimit, csrf: false },
      preHandler: [requireApiKey],
    },
    (request, reply) => bulkCasesHandler(dependencies, request, reply, route.typeCode),
  );
}
