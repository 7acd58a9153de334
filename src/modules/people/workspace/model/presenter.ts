import type { FastifyRequest } from "fastify";
import { formatNumber } from "../../../../platform/locale/index.js";
import type { RegisterModel } from "../../operations/register-model.js";
import { registerPaths } from "../register-page-options.js";
import { agreementWords, dateTimeText, fieldLabel, scoreText } from "../register-words.js";

/** A probability as people read it: a percentage with as many digits as it needs to show (0.05 %, 87 %). */
function probabilityText(request: FastifyRequest, value: number): string {
  return formatNumber(value, request.locale, { style: "percent", maximumSignificantDigits: 3 });
}

/** The model page: where the weights come from, the match proportion, and each field's levels. */
export function presentModel(request: FastifyRequest, model: RegisterModel, tooFewPairs: boolean) {
  const error = tooFewPairs ? request.t("people.register.model.tooFewPairs") : undefined;
  return {
    title: request.t("people.register.model.title"),
    action: registerPaths.estimateModel,
    summaryRows: [
      {
        key: { text: request.t("people.register.model.source") },
        value: { text: request.t(`people.register.model.sources.${model.source}`) },
      },
      {
        key: { text: request.t("people.register.model.estimatedAt") },
        value: {
          text: model.estimatedAt
            ? dateTimeText(request, model.estimatedAt)
            : request.t("people.register.model.never"),
        },
      },
      {
        key: { text: request.t("people.register.model.pairsUsed") },
        value: { text: model.pairsUsed === null ? "—" : formatNumber(model.pairsUsed, request.locale) },
      },
      {
        key: { text: request.t("people.register.model.matchProportion") },
        value: { text: probabilityText(request, model.model.matchProportion) },
      },
    ],
    fields: model.fields.map((field) => ({
      label: fieldLabel(request, field.field),
      levels: field.levels.map((level) => ({
        level: agreementWords(request, level.level),
        m: probabilityText(request, level.m),
        u: probabilityText(request, level.u),
        weight: scoreText(request, level.weight),
      })),
    })),
    errors: error ? [{ text: error, href: "#estimate" }] : [],
    error,
  };
}
