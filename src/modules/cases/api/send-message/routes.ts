import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { rateLimited } from "../api-schemas.js";
import type { ApplicationApiDependencies } from "../own-application.js";
import { sendMessageHandler } from "./handler.js";
import { sendMessageSchema } from "./schema.js";

export function registerSendMessageApi(app: FastifyInstance, dependencies: ApplicationApiDependencies): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    "/api/v1/applications/:id/messages",
    {
      schema: sendMessageSchema,
      config: rateLimited,
      preHandler: [dependencies.cases.guards.requireSignedIn],
    },
    (request, reply) => sendMessageHandler(dependencies, request, reply),
  );
}
