import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../../platform/errors/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { actionStanding } from "../../action-standing.js";
import { nextStatuses } from "../../document-status.js";
import { changePolicyDocumentStatus } from "../../operations/change-document-status.js";
import { readPolicyDocument } from "../../operations/read-plan.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { typedValues } from "../form-fields.js";
import { agenciesById, agencyName, privatePage, queryText, shownBudget, shownDate } from "../page-values.js";
import { statusFormFields, statusFormSchema } from "./status-form-schema.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

interface StatusFailure {
  values: Record<string, string>;
  errors: FieldError[];
  byField: Record<string, string>;
}

async function renderDocument(
  module: PolicyStrategiesModule,
  request: IdRequest,
  reply: FastifyReply,
  failure?: StatusFailure,
) {
  const t = request.t;
  const file = await readPolicyDocument(module.contextFor(request), request.params.id);
  const { document } = file;
  const today = module.today();
  const actions = file.objectives.flatMap((objective) =>
    objective.measures.flatMap((measure) => measure.actions),
  );
  const agencies = await agenciesById(
    module.db,
    actions.map((action) => action.responsibleAgencyId),
  );
  const consultations = (await module.followers?.consultationsOf(module.db, document.id, today)) ?? [];
  const done = queryText(request, "done");
  if (failure) reply.status(422);
  return privatePage(reply).render("policy/strategies/pages/document/document.njk", {
    title: document.title,
    document,
    mayManage: request.principal?.permissions.has("policy.manage") ?? false,
    done: /^[a-z_]+$/.test(done) ? done : null,
    kind: t(`policyStrategies.kind.${document.kind}`),
    status: t(`policyStrategies.status.${document.status}`),
    dates: [
      ["periodStart", document.periodStart],
      ["periodEnd", document.periodEnd],
      ["consultationOn", document.consultationOn],
      ["adoptedOn", document.adoptedOn],
      ["inForceOn", document.inForceOn],
      ["endedOn", document.endedOn],
    ]
      .filter(([, date]) => date)
      .map(([name, date]) => ({
        label: t(`policyStrategies.fields.${name}`),
        value: shownDate(request, date),
      })),
    objectives: file.objectives.map((objective) => ({
      ...objective,
      measures: objective.measures.map((measure) => ({
        ...measure,
        actions: measure.actions.map((action) => {
          const standing = actionStanding(action, today);
          return {
            ...action,
            agency: agencyName(agencies.get(action.responsibleAgencyId), request.locale),
            due: shownDate(request, action.dueOn),
            budget: shownBudget(request, action.budgetMinor, action.budgetCurrency),
            standing,
            standingText: t(`policyStrategies.standing.${standing}`),
          };
        }),
      })),
    })),
    versions: file.versions.map((version) => ({
      ...version,
      status: t(`policyStrategies.status.${version.status}`),
      supersededOn: shownDate(request, module.calendar.legalDate(version.supersededAt)),
    })),
    consultations: consultations.map((consultation) => ({
      ...consultation,
      standingText: t(`policyConsultation.standing.${consultation.standing}`),
      period: `${shownDate(request, consultation.opensOn)} – ${shownDate(request, consultation.lastDay)}`,
    })),
    statusChanges: file.statusChanges.map((change) => ({
      from: t(`policyStrategies.status.${change.fromStatus}`),
      to: t(`policyStrategies.status.${change.toStatus}`),
      onDate: shownDate(request, change.onDate),
    })),
    statusItems: nextStatuses[document.status].map((status) => ({
      value: status,
      text: t(`policyStrategies.status.${status}`),
      checked: failure?.values.to === status,
    })),
    values: failure?.values ?? { onDate: today },
    errors: failure?.errors,
    errorsByField: failure?.byField ?? {},
  });
}

/** GET /policy/documents/:id: the document, its plan as a tree, its versions and status history. */
export async function showDocument(module: PolicyStrategiesModule, request: IdRequest, reply: FastifyReply) {
  return renderDocument(module, request, reply);
}

/** POST /policy/documents/:id/status: the next status; a refusal is shown at the form's fields. */
export async function changeStatus(module: PolicyStrategiesModule, request: IdRequest, reply: FastifyReply) {
  const values = typedValues(request.body, statusFormFields);
  const parsed = parseForm(statusFormSchema, values, request.t);
  if (!parsed.ok) return renderDocument(module, request, reply, { values, ...parsed });
  try {
    await changePolicyDocumentStatus(module.contextFor(request), request.params.id, parsed.data);
  } catch (error) {
    if (!(error instanceof DomainError) || error.status !== 409) throw error;
    const field = error.code.startsWith("policy_transition_date") ? "onDate" : "to";
    const text = request.t(error.messageKey);
    return renderDocument(module, request, reply, {
      values,
      errors: [{ field, href: `#${field}`, text }],
      byField: { [field]: text },
    });
  }
  return reply.redirect(`/policy/documents/${request.params.id}?done=status`, 303);
}
