import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { followPaymentHandler } from "./handler.js";
import { followPaymentSchema } from "./schema.js";

/** Following a payment of the fee; a confirmed one is recorded on the application. */
export function registerFollowPaymentApi(
  app: FastifyInstance,
  dependencies: ApplicationApiDependencies,
): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    "/api/v1/applications/:id/payment/:paymentId",
    {
      schema: followPaymentSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => followPaymentHandler(dependencies, request, reply),
  );
}
