import type { FastifyRequest } from "fastify";
import { formatMoney } from "../../../../platform/locale/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import { legalTimeText } from "../case-heading.js";

/** What the start page says before a draft exists: the law, the time it takes, fee and documents. */
export function presentStartPage(request: FastifyRequest, definition: CaseTypeDefinition) {
  const locale = request.locale;
  return {
    title: definition.name[locale],
    definition: {
      code: definition.code,
      name: definition.name[locale],
      summary: definition.summary[locale],
      legalBasis: definition.legalBasis[locale],
    },
    legalTime: legalTimeText(request, definition),
    fee:
      definition.fee.amountMinor > 0
        ? formatMoney(definition.fee.amountMinor, locale, { currency: definition.fee.currency })
        : undefined,
    documents: definition.documents.map((document) => ({
      name: document.name[locale],
      conditional: document.requiredWhen !== undefined,
    })),
  };
}
