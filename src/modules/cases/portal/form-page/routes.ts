import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { type Guard, portalPageWith } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { formPageParams } from "./form.js";
import { saveFormPageHandler } from "./save-handler.js";
import { showFormPage } from "./show-handler.js";

/** A page of the application form: its questions, saved page by page. */
export function registerFormPageRoutes(app: FastifyInstance, services: PortalServices, guard: Guard): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const path = "/applications/:id/pages/:pageId";
  api.get(path, portalPageWith(guard, formPageParams), (request, reply) =>
    showFormPage(services, request, reply),
  );
  api.post(path, portalPageWith(guard, formPageParams, 120), (request, reply) =>
    saveFormPageHandler(services, request, reply),
  );
}
