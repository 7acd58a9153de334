import type { FastifyReply, FastifyRequest } from "fastify";
import { readMultipartForm, sendDocumentDownload } from "../../../../../platform/files/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { formatDateTime } from "../../../../../platform/locale/index.js";
import { actionStanding, periodOf, periodsBetween } from "../../action-standing.js";
import { readEvidence } from "../../operations/read-evidence.js";
import { readPolicyAction } from "../../operations/read-plan.js";
import { reportProgress } from "../../operations/report-progress.js";
import type { PolicyStrategiesModule } from "../../strategies-module.js";
import { typedValues } from "../form-fields.js";
import { agenciesById, agencyName, privatePage, queryText, shownBudget, shownDate } from "../page-values.js";
import { reportFormFields, reportFormSchema } from "./report-form-schema.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

interface ReportFailure {
  values: Record<string, string>;
  errors: FieldError[];
  byField: Record<string, string>;
}

async function renderAction(
  module: PolicyStrategiesModule,
  request: IdRequest,
  reply: FastifyReply,
  failure?: ReportFailure,
) {
  const t = request.t;
  const file = await readPolicyAction(module.contextFor(request), request.params.id);
  const { action } = file;
  const today = module.today();
  const agencies = await agenciesById(module.db, [
    action.responsibleAgencyId,
    ...action.partnerAgencyIds,
    ...file.reports.map((report) => report.agencyId),
  ]);
  const name = (id: string) => agencyName(agencies.get(id), request.locale);
  const standing = actionStanding(action, today);
  // Reports tell what has been done: the quarters from the action's start up to the current one.
  const periods = periodsBetween([action.startOn, today].sort()[0] ?? today, today);
  const values = failure?.values ?? {
    period: periodOf(today),
    percentDone: String(action.percentDone),
    text: "",
  };
  const done = queryText(request, "done");
  if (failure) reply.status(422);
  return privatePage(reply).render("policy/strategies/pages/action/action.njk", {
    title: `${action.code}. ${action.title}`,
    action,
    document: file.document,
    objective: file.objective,
    measure: file.measure,
    done: /^[a-z_]+$/.test(done) ? done : null,
    mayManage:
      (request.principal?.permissions.has("policy.manage") ?? false) && file.document.status !== "ended",
    mayReport: file.mayReport && file.document.status !== "ended",
    responsible: name(action.responsibleAgencyId),
    partners: action.partnerAgencyIds.map(name),
    startOn: shownDate(request, action.startOn),
    dueOn: shownDate(request, action.dueOn),
    budget: shownBudget(request, action.budgetMinor, action.budgetCurrency),
    standing,
    standingText: t(`policyStrategies.standing.${standing}`),
    reports: file.reports.map((report) => ({
      ...report,
      agency: name(report.agencyId),
      writtenAt: formatDateTime(report.writtenAt, request.locale),
    })),
    periodItems: [...new Set([...periods, values.period].filter(Boolean))]
      .sort()
      .reverse()
      .map((period) => ({
        value: period,
        text: period,
        selected: period === values.period,
      })),
    values,
    errors: failure?.errors,
    errorsByField: failure?.byField ?? {},
  });
}

/** GET /policy/actions/:id: the action, its status reports, and the form to add one for those who may. */
export async function showAction(module: PolicyStrategiesModule, request: IdRequest, reply: FastifyReply) {
  return renderAction(module, request, reply);
}

/** POST /policy/actions/:id/reports: a status report with evidence files (multipart). */
export async function addReport(module: PolicyStrategiesModule, request: IdRequest, reply: FastifyReply) {
  const form = await readMultipartForm(request, module.documents);
  const values = typedValues(form.fields, reportFormFields);
  const parsed = parseForm(reportFormSchema, values, request.t);
  const refused = form.refused[0];
  if (!parsed.ok || refused) {
    const byField = parsed.ok ? {} : { ...parsed.byField };
    const errors = parsed.ok ? [] : [...parsed.errors];
    if (refused) {
      const text = request.t(refused.error.messageKey);
      byField.evidence = text;
      errors.push({ field: "evidence", href: "#evidence", text });
    }
    return renderAction(module, request, reply, { values, errors, byField });
  }
  await reportProgress(module.contextFor(request), request.params.id, {
    ...parsed.data,
    evidence: form.files.map((file) => ({ fileName: file.declaredName, document: file.document })),
  });
  form.keep();
  return reply.redirect(`/policy/actions/${request.params.id}?done=reported`, 303);
}

/** GET /policy/evidence/:id: an evidence file, as a download. */
export async function downloadEvidence(
  module: PolicyStrategiesModule,
  request: IdRequest,
  reply: FastifyReply,
) {
  const evidence = await readEvidence(module.contextFor(request), request.params.id);
  return sendDocumentDownload(privatePage(reply), evidence);
}
