import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPage } from "../route-options.js";
import { showDocuments } from "./handler.js";

/** /policy/documents: the list, for policy officers and the agencies' focal points (the operation checks). */
export function registerDocumentsPage(app: FastifyInstance, module: PolicyStrategiesModule): void {
  app.get("/policy/documents", staffPage(module.guards.requireSignedIn), (request, reply) =>
    showDocuments(module, request, reply),
  );
}
