import type { FastifyReply, FastifyRequest } from "fastify";
import { markPlanItemInternal, type PlanLevel } from "../../operations/mark-plan-item-internal.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";

export type ItemRequest = FastifyRequest<{ Params: { id: string }; Body: { internal?: unknown } }>;

/** POST of the button beside an item (`internal=yes` or `no`): back to the item on the document's page. */
export function markFromButton(module: PolicyStrategiesModule, level: PlanLevel) {
  return async (request: ItemRequest, reply: FastifyReply) => {
    const internal = request.body?.internal === "yes";
    const { id } = request.params;
    const documentId = await markPlanItemInternal(module.contextFor(request), level, id, internal);
    const done = internal ? "internal" : "public";
    return reply.redirect(`/policy/documents/${documentId}?done=${done}#${level}-${id}`, 303);
  };
}
