import type { FastifyInstance } from "fastify";
import type { PlanLevel } from "../../operations/mark-plan-item-internal.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPageWithId } from "../route-options.js";
import { type ItemRequest, markFromButton } from "./handler.js";

/**
 * POST /policy/{objectives|measures}/:id/internal: the buttons on the document's page that keep an
 * objective or measure out of the public monitoring report, or let it in again (an action has the
 * same choice on its own form).
 */
export function registerPlanItemInternal(app: FastifyInstance, module: PolicyStrategiesModule): void {
  const guard = module.guards.requirePermission("policy.manage");
  const levels: Array<[PlanLevel, string]> = [
    ["objective", "objectives"],
    ["measure", "measures"],
  ];
  for (const [level, path] of levels) {
    app.post<{ Params: ItemRequest["params"]; Body: ItemRequest["body"] }>(
      `/policy/${path}/:id/internal`,
      staffPageWithId(guard, `policy_${level}_not_found`),
      markFromButton(module, level),
    );
  }
}
