import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError, NotFoundError } from "../../../../../platform/errors/index.js";
import { sendDocumentDownload } from "../../../../../platform/files/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { authorize } from "../../../../access/index.js";
import { decideResearchApplication } from "../../operations/decide-research-application.js";
import { readEthicsApproval, reviewResearchApplication } from "../../operations/view-research-application.js";
import { listApplicationsForReview } from "../../research-repository.js";
import type { ResearchServices } from "../../research-services.js";
import { listOf, researchContextFor, textOf, uuidPattern } from "../research-page-context.js";
import { decisionForm } from "./decision-form.js";

const views = "policy/research/pages/reviews";
type Id = { Params: { id: string } };

interface DecisionState {
  values: Record<string, string>;
  variables: string[] | null;
  errors: FieldError[];
  byField: Record<string, string>;
  decided?: boolean;
}

function checkedId(id: string): string {
  if (!uuidPattern.test(id)) throw new NotFoundError("research_application_not_found");
  return id;
}

async function renderReview(
  services: ResearchServices,
  request: FastifyRequest<Id>,
  reply: FastifyReply,
  state: DecisionState,
) {
  const { t } = request;
  const { application, release } = await reviewResearchApplication(
    researchContextFor(services, request),
    checkedId(request.params.id),
  );
  const narrowed = state.variables ?? application.variables;
  return reply.header("cache-control", "private, no-store").render(`${views}/review.njk`, {
    title: application.title,
    application,
    release,
    decided: state.decided ?? false,
    values: {
      fromMonth: application.periodFrom.slice(0, 7),
      toMonth: application.periodTo.slice(0, 7),
      ...state.values,
    },
    outcomeItems: (["approve", "narrow", "refuse"] as const).map((outcome) => ({
      value: outcome,
      text: t(`research.reviews.outcomes.${outcome}`),
      checked: state.values.outcome === outcome,
    })),
    narrowItems: application.variables.map((variable) => ({
      value: variable,
      text: t(`research.variables.${variable}.name`),
      checked: narrowed.includes(variable),
    })),
    variableNames: (names: string[] | null) =>
      (names ?? []).map((name) => t(`research.variables.${name}.name`)).join(", "),
    errors: state.errors,
    errorsByField: state.byField,
  });
}

async function decide(services: ResearchServices, request: FastifyRequest<Id>, reply: FastifyReply) {
  const id = checkedId(request.params.id);
  const values = Object.fromEntries(
    ["outcome", "reasons", "fromMonth", "toMonth"].map((name) => [name, textOf(request.body, name)]),
  );
  const variables = listOf(request.body, "variables");
  const form = parseForm(decisionForm, { ...values, variables }, request.t);
  const fail = (errors: FieldError[], byField: Record<string, string>, status = 422) =>
    renderReview(services, request, reply.status(status), { values, variables, errors, byField });
  if (!form.ok) {
    await authorize(researchContextFor(services, request), "research.review");
    return fail(form.errors, form.byField);
  }
  try {
    await decideResearchApplication(researchContextFor(services, request), id, form.data);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "research_narrowing_invalid") throw error;
    const text = request.t(error.messageKey);
    return fail([{ field: "variables", href: "#variables", text }], { variables: text });
  }
  return reply.redirect(`/research/reviews/${id}?decided=1`, 303);
}

/** The data protection officer's pages (`research.review`): the applications, each with its decision. */
export function registerReviewPages(app: FastifyInstance, services: ResearchServices): void {
  const page = { preHandler: services.guards.requirePermission("research.review"), schema: { hide: true } };
  app.get("/research/reviews", page, async (request, reply) =>
    reply.header("cache-control", "private, no-store").render(`${views}/list.njk`, {
      title: request.t("research.reviews.title"),
      applications: await listApplicationsForReview(services.db),
    }),
  );
  app.get<Id>("/research/reviews/:id", page, async (request, reply) =>
    renderReview(services, request, reply, {
      values: {},
      variables: null,
      errors: [],
      byField: {},
      decided: textOf(request.query, "decided") === "1",
    }),
  );
  app.get<Id>("/research/reviews/:id/ethics", page, async (request, reply) => {
    const ethics = await readEthicsApproval(
      researchContextFor(services, request),
      checkedId(request.params.id),
    );
    return sendDocumentDownload(reply.header("cache-control", "private, no-store"), {
      content: ethics.content,
      fileName: ethics.fileName,
    });
  });
  app.post<Id>("/research/reviews/:id/decision", page, async (request, reply) =>
    decide(services, request, reply),
  );
}
