import type { FastifyInstance } from "fastify";
import { withIdParams } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { agenciesPage } from "../page-options.js";
import {
  agencyActivation,
  changeAgency,
  createAgencyFromForm,
  showAgency,
  showNewAgencyForm,
} from "./handler.js";

/** /admin/agencies/new and /admin/agencies/:id: an agency's codes and names, and its activation. */
export function registerAgencyPage(app: FastifyInstance, access: AccessModule): void {
  const options = agenciesPage(access);
  const withId = withIdParams(options);
  app.get("/admin/agencies/new", options, showNewAgencyForm);
  app.post("/admin/agencies/new", options, (request, reply) => createAgencyFromForm(access, request, reply));
  app.get("/admin/agencies/:id", withId, (request, reply) => showAgency(access, request, reply));
  app.post("/admin/agencies/:id", withId, (request, reply) => changeAgency(access, request, reply));
  app.post("/admin/agencies/:id/deactivate", withId, agencyActivation(access, false));
  app.post("/admin/agencies/:id/activate", withId, agencyActivation(access, true));
}
