import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { documentParams } from "./form.js";
import { issuedDocumentHandler } from "./handler.js";

/** The decision letter and the permit of an issued decision, as PDFs in each language. */
export function registerIssuedDocumentRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const options = portalPageWith(guard, documentParams, 30);
  api.get("/applications/:id/decision/:language", options, (request, reply) =>
    issuedDocumentHandler(services, request, reply, "decision"),
  );
  api.get("/applications/:id/permit/:language", options, (request, reply) =>
    issuedDocumentHandler(services, request, reply, "permit"),
  );
}
