import type { FastifyReply, FastifyRequest } from "fastify";
import { formatMoney } from "../../../../platform/locale/index.js";
import type { CaseTypeDefinition } from "../../definition/case-type.js";
import type { CaseState } from "../../engine/case-state.js";
import { feeDue } from "../../operations/submit-application.js";
import { applicationPaths, draftProgress } from "../application-steps.js";
import { caseCaption, noticeOf } from "../case-heading.js";
import { missingDocumentLinks } from "../missing-documents.js";
import type { PortalServices } from "../portal-services.js";
import { standardTier } from "./form.js";

export interface FeePageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors?: Array<{ text: string; href?: string }>;
  errorsByField?: Record<string, string>;
}

/** Standard processing and each express tier, with its fee and legal time. */
function tierOptions(request: FastifyRequest, state: CaseState, definition: CaseTypeDefinition) {
  const { locale, t } = request;
  const money = (amount: number) => formatMoney(amount, locale, { currency: definition.fee.currency });
  const legalTime = (time: { amount: number; unit: "working" | "calendar" } | undefined) =>
    time
      ? t(time.unit === "working" ? "portal.legalTime.working" : "portal.legalTime.calendar", {
          amount: time.amount,
        })
      : undefined;
  const chosen = state.expressTier ?? standardTier;
  return [
    {
      value: standardTier,
      text: `${t("portal.fee.standard")} — ${money(definition.fee.amountMinor)}`,
      hint: legalTime(definition.legalTime) ? { text: legalTime(definition.legalTime) } : undefined,
      checked: chosen === standardTier,
    },
    ...definition.fee.expressTiers.map((tier) => ({
      value: tier.code,
      text: `${tier.name[locale]} — ${money(tier.amountMinor)}`,
      hint: { text: legalTime(tier.legalTime) },
      checked: chosen === tier.code,
    })),
  ];
}

export function renderFeePage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: FeePageInput,
) {
  const { state, definition } = input;
  const { locale, t } = request;
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  const { missingDocuments } = draftProgress(definition, state, today);
  return reply.render("cases/portal/fee/fee.njk", {
    title: t("portal.fee.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    action: applicationPaths.fee(state.id),
    paid: state.feePaid,
    amount: formatMoney(feeDue(definition, state.expressTier), locale, { currency: definition.fee.currency }),
    hasTiers: definition.fee.expressTiers.length > 0,
    options: tierOptions(request, state, definition),
    payable: services.payments !== undefined,
    demo: services.payments?.name === "demo",
    continueHref: applicationPaths.check(state.id),
    backHref: applicationPaths.check(state.id),
    missingDocuments: missingDocumentLinks(request, state, definition, missingDocuments),
    notice: noticeOf(request),
    errors: input.errors ?? [],
    errorsByField: input.errorsByField ?? {},
  });
}
