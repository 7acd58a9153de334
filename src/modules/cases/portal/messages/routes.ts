import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { caseParams, type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { sendMessageHandler } from "./handler.js";

export function registerMessageRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  app
    .withTypeProvider<ZodTypeProvider>()
    .post("/applications/:id/messages", portalPageWith(guard, caseParams, 20), (request, reply) =>
      sendMessageHandler(services, request, reply),
    );
}
