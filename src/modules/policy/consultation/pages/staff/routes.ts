import type { FastifyInstance } from "fastify";
import type { PolicyStrategiesModule } from "../../../strategies/strategies-module.js";
import { closeConsultationEarly } from "../../operations/close-consultation-early.js";
import { listConsultationsForStaff } from "../../operations/moderation-queue.js";
import { renderModerationPage, submitCommentForm } from "./moderation-page.js";
import { renderOpenForm, staffViews, submitOpenForm } from "./open-page.js";

type Ids = { Params: { id: string; commentId?: string } };

/** Policy officers' pages (`policy.manage`): the consultations, opening one, moderation and answers, closing early. */
export function registerStaffConsultationPages(app: FastifyInstance, module: PolicyStrategiesModule): void {
  const page = { preHandler: module.guards.requirePermission("policy.manage"), schema: { hide: true } };
  app.get("/policy/consultations", page, async (request, reply) =>
    reply.header("cache-control", "private, no-store").render(`${staffViews}/list.njk`, {
      title: request.t("policyConsultation.staff.title"),
      ...(await listConsultationsForStaff(module.contextFor(request))),
    }),
  );
  app.get("/policy/consultations/new", page, (request, reply) => {
    const documentId = (request.query as Record<string, unknown> | undefined)?.document;
    const values = { documentId: typeof documentId === "string" ? documentId : "" };
    return renderOpenForm(module, request, reply, { values, errors: [], byField: {} });
  });
  app.post("/policy/consultations", page, (request, reply) => submitOpenForm(module, request, reply));
  app.get<Ids>("/policy/consultations/:id", page, (request, reply) =>
    renderModerationPage(module, request, reply, { values: {}, errors: [], byField: {} }),
  );
  app.post<Ids>("/policy/consultations/:id/close", page, async (request, reply) => {
    await closeConsultationEarly(module.contextFor(request), request.params.id);
    return reply.redirect(`/policy/consultations/${request.params.id}?done=closed`, 303);
  });
  app.post<Ids>("/policy/consultations/:id/comments/:commentId/moderation", page, (request, reply) =>
    submitCommentForm(module, request, reply, "moderation"),
  );
  app.post<Ids>("/policy/consultations/:id/comments/:commentId/answer", page, (request, reply) =>
    submitCommentForm(module, request, reply, "answer"),
  );
}
