import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { startPaymentHandler } from "./handler.js";
import { startPaymentSchema } from "./schema.js";

/** Paying an application's fee through the configured payment provider. */
export function registerStartPaymentApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/payment",
    {
      schema: startPaymentSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => startPaymentHandler(dependencies, request, reply),
  );
}
