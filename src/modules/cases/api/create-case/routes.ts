import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { apiRateLimit } from "../../../access/index.js";
import { answersBody } from "../api-schemas.js";
import { answersDescription, type CaseApiDependencies, requireApiKey } from "../case-api-shared.js";
import { createCaseHandler } from "./handler.js";
import { createCaseSchema } from "./schema.js";

export function registerCreateCaseApi(app: FastifyInstance, dependencies: CaseApiDependencies): void {
  const answers = answersBody(dependencies.cases.registry.current(), answersDescription);
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/cases/:typeCode",
    {
      schema: createCaseSchema(answers),
      config: { rateLimit: apiRateLimit, csrf: false },
      preHandler: [requireApiKey],
    },
    (request, reply) => createCaseHandler(dependencies, request, reply),
  );
}
