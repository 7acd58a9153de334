import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import { confirmHold, notifyApplicantOfRelease, releaseHold } from "../../../cases/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { reviewHold } from "../../operations/review-hold.js";
import type { IdParams } from "../../page-options.js";
import { comparisonRows, holdSummary } from "./presenter.js";

type HoldRequest = FastifyRequest<IdParams>;

async function renderReview(
  services: EnforcementServices,
  request: HoldRequest,
  reply: FastifyReply,
  form: { sent?: "release" | "confirm"; reason?: string; error?: string } = {},
) {
  const { review, entry } = await reviewHold(
    services.cases.contextFor(request),
    services.enforcement.contextFor(request),
    request.params.id,
  );
  const field = form.sent ? `${form.sent}-reason` : "";
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/holds/hold-review/hold-review.njk", {
      title: request.t("enforcement.review.title", { number: review.state.number }),
      hold: holdSummary(request, review, entry),
      rows: comparisonRows(request, review, entry),
      values: form.sent ? { [field]: form.reason ?? "" } : {},
      errors: form.error ? [{ text: form.error, href: `#${field}` }] : undefined,
      errorsByField: form.error ? { [field]: form.error } : {},
    });
}

export async function showHoldReview(
  services: EnforcementServices,
  request: HoldRequest,
  reply: FastifyReply,
) {
  return renderReview(services, request, reply);
}

/** POST /holds/:id/release or /confirm: the officer's finding with its reason; the review again after. */
export async function resolveHoldHandler(
  services: EnforcementServices,
  request: HoldRequest,
  reply: FastifyReply,
  finding: "release" | "confirm",
) {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const reason = typeof body.reason === "string" ? body.reason : "";
  const expectedSeq = Number.parseInt(String(body.expectedSeq ?? ""), 10);
  const input = { reason, expectedSeq: Number.isInteger(expectedSeq) ? expectedSeq : undefined };
  const context = services.cases.contextFor(request);
  try {
    if (finding === "release") {
      const released = await releaseHold(context, request.params.id, input);
      await notifyApplicantOfRelease(services, released, input.expectedSeq ?? 0);
    } else {
      await confirmHold(context, request.params.id, input);
    }
  } catch (error) {
    if (error instanceof DomainError && error.code === "hold_reason_invalid") {
      reply.status(422);
      return renderReview(services, request, reply, {
        sent: finding,
        reason,
        error: request.t(error.messageKey),
      });
    }
    throw error;
  }
  return reply.redirect(`/holds/${request.params.id}`, 303);
}
