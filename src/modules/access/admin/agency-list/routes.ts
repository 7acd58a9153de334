import type { FastifyInstance } from "fastify";
import type { AccessModule } from "../../module.js";
import { agenciesPage } from "../page-options.js";
import { showAgencyList } from "./handler.js";

/** /admin/agencies: the agencies of the installation. */
export function registerAgencyListPage(app: FastifyInstance, access: AccessModule): void {
  app.get("/admin/agencies", agenciesPage(access), (request, reply) =>
    showAgencyList(access, request, reply),
  );
}
