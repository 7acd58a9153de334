import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPage } from "../route-options.js";
import { showDashboard } from "./handler.js";

/** /policy/dashboard: the ministry's view of the plans (a focal point sees its own agency's part). */
export function registerDashboardPage(app: FastifyInstance, module: PolicyStrategiesModule): void {
  app.get("/policy/dashboard", staffPage(module.guards.requireSignedIn), (request, reply) =>
    showDashboard(module, request, reply),
  );
}
