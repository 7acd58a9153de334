import type { FastifyRequest } from "fastify";
import type { AgencySummary } from "../../../../access/index.js";
import { seriesOptions } from "../../indicator-forms.js";
import { languageOf } from "../../indicator-presentation.js";

export const definitionFields = [
  "code",
  "nameAz",
  "nameEn",
  "nameRu",
  "kind",
  "numeratorSeries",
  "numeratorFilter",
  "denominatorSeries",
  "denominatorFilter",
  "factor",
  "unitAz",
  "unitEn",
  "unitRu",
  "baselinePeriod",
  "baselineValue",
  "targetPeriod",
  "targetValue",
  "targetDirection",
  "responsibleAgency",
  "policyChanges",
] as const;

function seriesItems(request: FastifyRequest, chosen: string | undefined) {
  return [
    { value: "", text: request.t("policyIndicators.form.noSeries"), selected: !chosen },
    ...seriesOptions.map((series) => ({ value: series, text: series, selected: chosen === series })),
  ];
}

/**
 * The definition form's view: the typed values and the choices of kind, series, direction and agency
 * (every active agency, those administrators added included).
 */
export function definitionView(
  request: FastifyRequest,
  values: Record<string, string>,
  target: { action: string; editing: boolean },
  agencies: readonly AgencySummary[],
) {
  const { t } = request;
  const language = languageOf(request.locale);
  const known = agencies.some((agency) => agency.code === values.responsibleAgency);
  return {
    title: t(target.editing ? "policyIndicators.form.editTitle" : "policyIndicators.form.newTitle"),
    action: target.action,
    editing: target.editing,
    values,
    kindItems: (["computed", "entered"] as const).map((kind) => ({
      value: kind,
      text: t(`policyIndicators.kind.${kind}`),
      hint: { text: t(`policyIndicators.form.kindHint.${kind}`) },
      checked: values.kind === kind,
    })),
    numeratorItems: seriesItems(request, values.numeratorSeries),
    denominatorItems: seriesItems(request, values.denominatorSeries),
    directionItems: [
      { value: "", text: t("policyIndicators.form.noTarget"), selected: !values.targetDirection },
      ...(["up", "down"] as const).map((direction) => ({
        value: direction,
        text: t(`policyIndicators.direction.${direction}`),
        selected: values.targetDirection === direction,
      })),
    ],
    agencyItems: [
      { value: "", text: t("policyIndicators.form.chooseAgency"), selected: !values.responsibleAgency },
      ...(known || !values.responsibleAgency
        ? []
        : [{ value: values.responsibleAgency, text: values.responsibleAgency, selected: true }]),
      ...[...agencies]
        .sort((a, b) => a.names[language].localeCompare(b.names[language], language))
        .map((agency) => ({
          value: agency.code,
          text: agency.names[language],
          selected: values.responsibleAgency === agency.code,
        })),
    ],
  };
}
