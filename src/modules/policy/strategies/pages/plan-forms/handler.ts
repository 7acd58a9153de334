import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { DomainError } from "../../../../../platform/errors/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { addAction } from "../../operations/add-action.js";
import { addMeasure } from "../../operations/add-measure.js";
import { addObjective } from "../../operations/add-objective.js";
import { readPlanItem, readPolicyAction, readPolicyDocument } from "../../operations/read-plan.js";
import { updateAction } from "../../operations/update-action.js";
import type { PolicyAction, PolicyDocument } from "../../records.js";
import type { PolicyStrategiesContext, PolicyStrategiesModule } from "../../strategies-module.js";
import { listValue, typedValues } from "../form-fields.js";
import { agencyChoices, privatePage } from "../page-values.js";
import {
  actionFormFields,
  actionFormSchema,
  measureFormFields,
  measureFormSchema,
  objectiveFormFields,
  objectiveFormSchema,
} from "./plan-form-schemas.js";

type IdRequest = FastifyRequest<{ Params: { id: string } }>;
type Level = "objective" | "measure" | "action";
type Errors = { errors: FieldError[]; byField: Record<string, string> };

interface PlanForm {
  level: Level;
  /** "new" under a parent, or "edit" of an action. */
  mode: "new" | "edit";
  document: PolicyDocument;
  /** What the new item goes under: "Objective 1. …", "Measure 1.2. …". */
  parentLabel?: string;
  values: Record<string, string>;
  partnerAgencyIds: string[];
}

async function renderPlanForm(
  module: PolicyStrategiesModule,
  request: IdRequest,
  reply: FastifyReply,
  form: PlanForm,
  errors?: Errors,
) {
  const t = request.t;
  if (errors) reply.status(422);
  const agencies =
    form.level === "action"
      ? await agencyChoices(
          module.db,
          request.locale,
          [form.values.responsibleAgencyId ?? "", ...form.partnerAgencyIds].filter((id) =>
            /^[0-9a-f-]{36}$/.test(id),
          ),
        )
      : [];
  return privatePage(reply).render("policy/strategies/pages/plan-forms/plan-form.njk", {
    title: t(`policyStrategies.planForm.${form.mode === "edit" ? "editAction" : form.level}`),
    level: form.level,
    document: form.document,
    parentLabel: form.parentLabel,
    action: request.url.split("?")[0],
    values: form.values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    agencyItems: [
      {
        value: "",
        text: t("policyStrategies.planForm.chooseAgency"),
        selected: !form.values.responsibleAgencyId,
      },
      ...agencies.map((agency) => ({
        value: agency.id,
        text: agency.names[request.locale],
        selected: agency.id === form.values.responsibleAgencyId,
      })),
    ],
    partnerItems: agencies.map((agency) => ({
      value: agency.id,
      text: agency.names[request.locale],
      checked: form.partnerAgencyIds.includes(agency.id),
    })),
  });
}

const levels = {
  objective: { fields: objectiveFormFields, schema: objectiveFormSchema },
  measure: { fields: measureFormFields, schema: measureFormSchema },
  action: { fields: actionFormFields, schema: actionFormSchema },
} satisfies Record<Level, { fields: readonly string[]; schema: z.ZodType }>;

/** Where the form sits: the document, and the objective or measure the new item goes under. */
async function placeOf(
  module: PolicyStrategiesModule,
  request: IdRequest,
  level: Level,
  mode: "new" | "edit",
) {
  const context = module.contextFor(request);
  const id = request.params.id;
  if (mode === "edit") {
    const file = await readPolicyAction(context, id);
    return { document: file.document, action: file.action };
  }
  if (level === "objective") return { document: (await readPolicyDocument(context, id)).document };
  const parentLevel = level === "measure" ? "objective" : "measure";
  const { item, document } = await readPlanItem(context, parentLevel, id);
  return {
    document,
    parentLabel: `${request.t(`policyStrategies.${parentLevel}.label`)} ${item.code}. ${item.title}`,
  };
}

function actionValues(action: PolicyAction): Record<string, string> {
  return {
    code: action.code,
    title: action.title,
    description: action.description,
    responsibleAgencyId: action.responsibleAgencyId,
    startOn: action.startOn,
    dueOn: action.dueOn,
    budget: action.budgetMinor === null ? "" : (action.budgetMinor / 100).toFixed(2),
    budgetCurrency: action.budgetCurrency ?? "",
    internal: action.internal ? "yes" : "",
  };
}

export function showPlanForm(module: PolicyStrategiesModule, level: Level, mode: "new" | "edit") {
  return async (request: IdRequest, reply: FastifyReply) => {
    const place = await placeOf(module, request, level, mode);
    const values =
      "action" in place && place.action ? actionValues(place.action) : typedValues({}, levels[level].fields);
    const partnerAgencyIds = "action" in place && place.action ? place.action.partnerAgencyIds : [];
    return renderPlanForm(module, request, reply, { level, mode, ...place, values, partnerAgencyIds });
  };
}

const runners: Record<Level, (context: PolicyStrategiesContext, id: string, data: never) => Promise<string>> =
  {
    objective: addObjective,
    measure: addMeasure,
    action: addAction,
  };

const fieldOfRefusal: Record<string, string> = {
  policy_agency_unknown: "responsibleAgencyId",
  policy_indicator_unknown: "indicatorCodes",
};

/** POST of the objective, measure and action forms: saved and back to the document, or shown again with errors. */
export function savePlanForm(module: PolicyStrategiesModule, level: Level, mode: "new" | "edit") {
  return async (request: IdRequest, reply: FastifyReply) => {
    const place = await placeOf(module, request, level, mode);
    const values = typedValues(request.body, levels[level].fields);
    const partnerAgencyIds = listValue(request.body, "partnerAgencyIds");
    const form: PlanForm = { level, mode, ...place, values, partnerAgencyIds };
    const parsed = parseForm(
      levels[level].schema,
      level === "action" ? { ...values, partnerAgencyIds } : values,
      request.t,
    );
    if (!parsed.ok) return renderPlanForm(module, request, reply, form, parsed);
    const context = module.contextFor(request);
    try {
      if (mode === "edit") {
        await updateAction(context, request.params.id, parsed.data as z.output<typeof actionFormSchema>);
        return reply.redirect(`/policy/actions/${request.params.id}?done=saved`, 303);
      }
      await runners[level](context, request.params.id, parsed.data as never);
    } catch (error) {
      if (!(error instanceof DomainError) || (error.status !== 409 && error.status !== 422)) throw error;
      const field = fieldOfRefusal[error.code] ?? "code";
      const text = request.t(error.messageKey);
      return renderPlanForm(module, request, reply, form, {
        errors: [{ field, href: `#${field}`, text }],
        byField: { [field]: text },
      });
    }
    return reply.redirect(`/policy/documents/${place.document.id}?done=${level}`, 303);
  };
}
