import type { FastifyReply, FastifyRequest } from "fastify";
import { readmissionAgreements, type TimeLimitName } from "../agreements.js";
import { partnerName, privatePage } from "../page-values.js";
import type { ReadmissionModule } from "../readmission-module.js";
import { authorizeReadmission } from "../request-access.js";

const limitOrder: TimeLimitName[] = [
  "request",
  "replyNormal",
  "replyAccelerated",
  "extension",
  "transfer",
  "travelDocument",
];

/** GET /readmission/agreements: every configured value with its source, or "to be confirmed". */
export async function showAgreements(
  module: ReadmissionModule,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  await authorizeReadmission(module.contextFor(request));
  const { t } = request;
  const sourceText = (source: { confirmed: boolean; reference: string }) => ({
    confirmed: source.confirmed,
    reference: source.reference,
  });
  const agreements = readmissionAgreements().map((agreement) => ({
    code: agreement.code,
    title: agreement.title[request.locale],
    publication: agreement.publication,
    partners: agreement.partners
      .map((code) => partnerName(request, code))
      .sort()
      .join(", "),
    limits: limitOrder.map((name) => {
      const limit = agreement.timeLimits[name];
      return {
        name: t(`readmission.limits.${name}`),
        value: t(`readmission.units.${limit.unit}`, { count: limit.amount }),
        ...sourceText(limit.source),
      };
    }),
    deemed: {
      value: t(
        agreement.deemedAgreement.applies
          ? "readmission.agreements.deemedYes"
          : "readmission.agreements.deemedNo",
      ),
      ...sourceText(agreement.deemedAgreement.source),
    },
    categories: agreement.categories.map((category) => ({
      name: t(`readmission.categories.${category.code}`),
      evidence: category.evidence
        .map(
          (item) => `${t(`readmission.evidence.${item.kind}`)} (${t(`readmission.weight.${item.weight}`)})`,
        )
        .join("; "),
      ...sourceText(category.source),
    })),
  }));
  return privatePage(reply).render("enforcement/readmission/agreement-page/agreements.njk", {
    title: t("readmission.agreements.title"),
    agreements,
  });
}
