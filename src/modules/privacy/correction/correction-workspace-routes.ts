import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/errors/index.js";
import { type FieldError, type Locale, parseForm } from "../../../platform/http/index.js";
import { decide } from "../../access/index.js";
import { AnswersInvalidError } from "../../cases/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import { correctionAnswerForm } from "./correction-forms.js";
import { type CorrectionStatus, parseCorrectionReference } from "./correction-repository.js";
import {
  answerCorrection,
  answerToCorrectFor,
  listAgencyCorrections,
  type OfficerContext,
  viewCorrection,
} from "./officer-corrections.js";

const views = "privacy/correction/views";
const pageSize = 50;
const statuses: ReadonlyArray<CorrectionStatus | "all"> = ["open", "corrected", "refused", "all"];

type Params = { Params: { id: string } };

function queryText(request: FastifyRequest, name: string): string {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value.trim() : "";
}

/** The agency's requests, open ones first, narrowed by status or found by number. */
async function renderCorrectionList(request: FastifyRequest, reply: FastifyReply, context: OfficerContext) {
  const wanted = queryText(request, "status");
  const status = statuses.find((one) => one === wanted) ?? "open";
  const q = queryText(request, "q");
  const number = q ? parseCorrectionReference(q) : null;
  const pageNumber = Math.min(Math.max(Number.parseInt(queryText(request, "page"), 10) || 1, 1), 10_000);
  const result =
    q && number === null
      ? { requests: [], total: 0 }
      : await listAgencyCorrections(context, {
          status: q || status === "all" ? null : status,
          number,
          limit: pageSize,
          offset: (pageNumber - 1) * pageSize,
        });
  const link = (to: number) =>
    `/corrections?${new URLSearchParams({ status, ...(q ? { q } : {}), page: String(to) }).toString()}`;
  return reply.render(`${views}/list.njk`, {
    title: request.t("privacy.correction.list.title"),
    requests: result.requests,
    total: result.total,
    status,
    q,
    statusItems: statuses.map((one) => ({
      value: one,
      text: request.t(`privacy.correction.statusFilter.${one}`),
      selected: one === status,
    })),
    previousHref: pageNumber > 1 ? link(pageNumber - 1) : null,
    nextHref: pageNumber * pageSize < result.total ? link(pageNumber + 1) : null,
    badReference: q !== "" && number === null,
  });
}

/** One request with, for an officer who may answer it, the answer form. */
async function renderReview(
  context: OfficerContext,
  request: FastifyRequest<Params>,
  reply: FastifyReply,
  extras: {
    values?: Record<string, string>;
    errors?: FieldError[];
    errorsByField?: Record<string, string>;
  } = {},
) {
  const correction = await viewCorrection(context, request.params.id);
  const record = {
    entityType: "correction_request",
    entityId: correction.id,
    agencyId: correction.agencyId,
  };
  const mayAnswer =
    correction.status === "open" && decide(context.principal, "cases.process", record).allowed;
  const answer = mayAnswer ? await answerToCorrectFor(context, correction, request.locale as Locale) : null;
  return reply.render(`${views}/review.njk`, {
    title: request.t("privacy.correction.review.title", { reference: correction.reference }),
    correction,
    mayAnswer,
    answer,
    values: { ...(answer ? { value: answer.proposed } : {}), ...extras.values },
    errors: extras.errors ?? [],
    errorsByField: extras.errorsByField ?? {},
    answered: (request.query as { done?: unknown }).done === "answered",
  });
}

/** The case's refusal of a corrected answer, shown on the value the officer typed. */
function valueErrors(request: FastifyRequest, error: AnswersInvalidError) {
  const text = error.problems.map((problem) => request.t(problem.messageKey, problem.values)).join(" ");
  return { errors: [{ field: "value", href: "#value", text }], errorsByField: { value: text } };
}

/** The officers' side: the agency's correction requests, found by number, and the answer form. */
export async function registerCorrectionWorkspaceRoutes(
  app: FastifyInstance,
  services: PrivacyServices,
): Promise<void> {
  const { cases } = services;
  const staffOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    const redirected = await cases.guards.requireSignedIn(request, reply);
    if (redirected) return redirected;
    if (request.principal?.kind !== "staff") return reply.redirect("/account", 303);
    return undefined;
  };
  const page = { preHandler: staffOnly, schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => cases.contextFor(request) as OfficerContext;

  app.get("/corrections", page, async (request, reply) =>
    renderCorrectionList(request, reply, contextOf(request)),
  );

  app.get<Params>("/corrections/:id", page, async (request, reply) =>
    renderReview(contextOf(request), request, reply),
  );

  app.post<Params>("/corrections/:id", page, async (request, reply) => {
    const body = request.body as Record<string, unknown> | undefined;
    const values = Object.fromEntries(
      ["outcome", "reply", "value"].flatMap((name) =>
        typeof body?.[name] === "string" ? [[name, body[name] as string]] : [],
      ),
    );
    const form = parseForm(correctionAnswerForm, body, request.t);
    if (!form.ok)
      return renderReview(contextOf(request), request, reply.status(422), {
        values,
        errors: form.errors,
        errorsByField: form.byField,
      });
    try {
      await answerCorrection(services, contextOf(request), request.params.id, form.data);
      return reply.redirect(`/corrections/${request.params.id}?done=answered`, 303);
    } catch (error) {
      if (error instanceof AnswersInvalidError)
        return renderReview(contextOf(request), request, reply.status(422), {
          values,
          ...valueErrors(request, error),
        });
      if (!(error instanceof DomainError) || error.status !== 409) throw error;
      const message = request.t(error.messageKey);
      return renderReview(contextOf(request), request, reply.status(409), {
        errors: [{ field: "outcome", href: "#outcome", text: message }],
        errorsByField: {},
      });
    }
  });
}
