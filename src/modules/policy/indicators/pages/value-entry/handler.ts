import type { FastifyReply } from "fastify";
import { parseForm } from "../../../../../platform/http/index.js";
import { numberFormat } from "../../../../../platform/locale/index.js";
import { addMonthsToMonth } from "../../../../statistics/index.js";
import { valueFormSchema } from "../../indicator-forms.js";
import type { IndicatorPages } from "../../indicator-pages-module.js";
import { languageOf } from "../../indicator-presentation.js";
import { enterIndicatorValue } from "../../operations/enter-indicator-value.js";
import { readEnteredValues } from "../../operations/read-entered-values.js";
import { type CodeRequest, type FormErrors, queryText, refusalAt, typedValues } from "../page-support.js";

const fields = ["period", "value", "source"] as const;

async function render(
  pages: IndicatorPages,
  request: CodeRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: FormErrors,
) {
  const { t, locale } = request;
  const { indicator, values: entered } = await readEnteredValues(
    pages.contextFor(request),
    request.params.code,
  );
  const number = numberFormat(locale, { maximumFractionDigits: 4 });
  return reply
    .header("cache-control", "private, no-store")
    .render("policy/indicators/pages/value-entry/value-entry.njk", {
      title: t("policyIndicators.values.title", { name: indicator.names[languageOf(locale)] }),
      code: indicator.code,
      unit: indicator.unit[languageOf(locale)],
      saved: queryText(request, "saved"),
      values,
      entered: entered.map((one) => ({
        period: one.period,
        value: number.format(one.value),
        source: one.source,
      })),
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      errorCode: errors?.code,
    });
}

/** GET: the form, the last complete month proposed, and the values entered in the last two years. */
export function showValueForm(pages: IndicatorPages, request: CodeRequest, reply: FastifyReply) {
  const values = typedValues({}, fields);
  values.period = addMonthsToMonth(pages.clock.now().toISOString().slice(0, 7), -1);
  return render(pages, request, reply, values);
}

/** POST: the value is stored and the form shown again for the next one, or it comes back with its errors. */
export async function enterFromForm(pages: IndicatorPages, request: CodeRequest, reply: FastifyReply) {
  const values = typedValues(request.body, fields);
  const form = parseForm(valueFormSchema, values, request.t);
  if (!form.ok) return render(pages, request, reply.status(422), values, form);
  try {
    await enterIndicatorValue(pages.contextFor(request), request.params.code, form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, "period");
    if (!refusal) throw error;
    return render(pages, request, reply.status(refusal.status), values, refusal);
  }
  return reply.redirect(`/policy/indicators/${request.params.code}/values?saved=${form.data.period}`, 303);
}
