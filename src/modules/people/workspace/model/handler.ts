import type { FastifyReply, FastifyRequest } from "fastify";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { estimateRegisterModel } from "../../operations/estimate-register-model.js";
import { registerModel } from "../../operations/register-model.js";
import { officerOf, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { presentModel } from "./presenter.js";

async function renderModel(
  workspace: RegisterWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
  tooFewPairs = false,
) {
  const model = await registerModel(workspace.db);
  return reply
    .header("cache-control", "no-store")
    .render("people/workspace/model/model.njk", presentModel(request, model, tooFewPairs));
}

export async function showModel(workspace: RegisterWorkspace, request: FastifyRequest, reply: FastifyReply) {
  return renderModel(workspace, request, reply);
}

/**
 * POST /people/model/estimate: EM over a sample of the register's own candidate pairs; every later
 * lookup scores with the new weights. Too small a register keeps the current model (422).
 */
export async function estimateModelAgain(
  workspace: RegisterWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const estimated = await estimateRegisterModel(workspace.db, { at: workspace.clock.now() });
  await recordAudit(workspace.db, {
    actor: actorOf(officerOf(request)),
    action: "people.model.estimated",
    outcome: estimated ? "success" : "failure",
    entityType: "people_model",
    ...requestOrigin(request),
    details: estimated ? { pairsUsed: estimated.pairsUsed } : { reason: "too_few_pairs" },
  });
  if (!estimated) return renderModel(workspace, request, reply.status(422), true);
  return reply.redirect(registerPaths.model, 303);
}
