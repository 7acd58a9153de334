import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { staffPageWithId } from "../route-options.js";
import { savePlanForm, showPlanForm } from "./handler.js";

/** The forms that build a document's plan: objectives, their measures, the measures' actions. */
export function registerPlanForms(app: FastifyInstance, module: PolicyStrategiesModule): void {
  const guard = module.guards.requirePermission("policy.manage");
  const forms = [
    {
      path: "/policy/documents/:id/objectives/new",
      level: "objective",
      mode: "new",
      notFound: "policy_document_not_found",
    },
    {
      path: "/policy/objectives/:id/measures/new",
      level: "measure",
      mode: "new",
      notFound: "policy_objective_not_found",
    },
    {
      path: "/policy/measures/:id/actions/new",
      level: "action",
      mode: "new",
      notFound: "policy_measure_not_found",
    },
    { path: "/policy/actions/:id/edit", level: "action", mode: "edit", notFound: "policy_action_not_found" },
  ] as const;
  for (const form of forms) {
    const options = staffPageWithId(guard, form.notFound);
    app.get<{ Params: { id: string } }>(form.path, options, showPlanForm(module, form.level, form.mode));
    app.post<{ Params: { id: string } }>(form.path, options, savePlanForm(module, form.level, form.mode));
  }
}
