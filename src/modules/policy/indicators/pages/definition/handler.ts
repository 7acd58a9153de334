import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../../platform/http/index.js";
import { listActiveAgencies } from "../../../../access/index.js";
import { filterText, indicatorFormSchema } from "../../indicator-forms.js";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { changeIndicator } from "../../operations/change-indicator.js";
import { defineIndicator } from "../../operations/define-indicator.js";
import { readDefinition } from "../../operations/read-definition.js";
import { type CodeRequest, type FormErrors, refusalAt, typedValues } from "../page-support.js";
import { definitionFields, definitionView } from "./presenter.js";

async function render(
  pages: IndicatorPages,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  target: { action: string; editing: boolean },
  errors?: FormErrors,
) {
  const agencies = await listActiveAgencies(pages.db);
  return reply
    .header("cache-control", "private, no-store")
    .render("policy/indicators/pages/definition/definition.njk", {
      ...definitionView(request, values, target, agencies),
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      errorCode: errors?.code,
    });
}

/** The field a refusal concerns: the one it names (a filter), the agency when unknown, else the code. */
function refusedField(error: unknown): string {
  const { code, details } = error as { code?: unknown; details?: { field?: unknown } };
  if (typeof details?.field === "string") return details.field;
  return code === "policy_indicator_unknown_agency" ? "responsibleAgency" : "code";
}

/** GET /policy/indicators/new: an empty definition, a computed percentage by default. */
export function showEmptyDefinitionForm(pages: IndicatorPages, request: FastifyRequest, reply: FastifyReply) {
  const values = typedValues({}, definitionFields);
  Object.assign(values, { kind: "computed", factor: "100", unitAz: "%", unitEn: "%", unitRu: "%" });
  return render(pages, request, reply, values, { action: "/policy/indicators/new", editing: false });
}

/** POST /policy/indicators/new: the indicator is stored and its page shown, or the form comes back. */
export async function defineFromForm(pages: IndicatorPages, request: FastifyRequest, reply: FastifyReply) {
  const target = { action: "/policy/indicators/new", editing: false };
  const values = typedValues(request.body, definitionFields);
  const form = parseForm(indicatorFormSchema, values, request.t);
  if (!form.ok) return render(pages, request, reply.status(422), values, target, form);
  try {
    await defineIndicator(pages.contextFor(request), form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, refusedField(error));
    if (!refusal) throw error;
    return render(pages, request, reply.status(refusal.status), values, target, refusal);
  }
  return reply.redirect(`/policy/indicators/${form.data.code}`, 303);
}

/** GET /policy/indicators/:code/edit: the stored definition in the form. */
export async function showDefinitionForm(pages: IndicatorPages, request: CodeRequest, reply: FastifyReply) {
  const { indicator, agencyCode } = await readDefinition(pages.contextFor(request), request.params.code);
  const values: Record<string, string> = {
    code: indicator.code,
    nameAz: indicator.names.az,
    nameEn: indicator.names.en,
    nameRu: indicator.names.ru,
    kind: indicator.kind,
    numeratorSeries: indicator.numerator?.series ?? "",
    numeratorFilter: filterText(indicator.numerator),
    denominatorSeries: indicator.denominator?.series ?? "",
    denominatorFilter: filterText(indicator.denominator),
    factor: String(indicator.factor),
    unitAz: indicator.unit.az,
    unitEn: indicator.unit.en,
    unitRu: indicator.unit.ru,
    baselinePeriod: indicator.baseline?.period ?? "",
    baselineValue: indicator.baseline ? String(indicator.baseline.value) : "",
    targetPeriod: indicator.target?.period ?? "",
    targetValue: indicator.target ? String(indicator.target.value) : "",
    targetDirection: indicator.target?.direction ?? "",
    responsibleAgency: agencyCode,
    policyChanges: indicator.policyChanges.join("\n"),
  };
  return render(pages, request, reply, values, {
    action: `/policy/indicators/${indicator.code}/edit`,
    editing: true,
  });
}

/** POST /policy/indicators/:code/edit: the definition is replaced, or the form comes back with its errors. */
export async function changeFromForm(pages: IndicatorPages, request: CodeRequest, reply: FastifyReply) {
  const context = pages.contextFor(request);
  const { indicator } = await readDefinition(context, request.params.code);
  const target = { action: `/policy/indicators/${indicator.code}/edit`, editing: true };
  const values = typedValues(request.body, definitionFields);
  const form = parseForm(indicatorFormSchema, values, request.t);
  if (!form.ok) return render(pages, request, reply.status(422), values, target, form);
  try {
    await changeIndicator(context, indicator.id, form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, refusedField(error));
    if (!refusal) throw error;
    return render(pages, request, reply.status(refusal.status), values, target, refusal);
  }
  return reply.redirect(`/policy/indicators/${form.data.code}`, 303);
}
