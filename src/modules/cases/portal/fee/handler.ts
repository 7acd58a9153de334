import type { FastifyReply } from "fastify";
import { chooseExpressTier } from "../../operations/pay-fee.js";
import { feeDue } from "../../operations/submit-application.js";
import { applicationPaths } from "../application-steps.js";
import { textField } from "../case-heading.js";
import type { caseParams, PageRequest } from "../page-options.js";
import type { PortalServices } from "../portal-services.js";
import { readOwnCase } from "../read-own-case.js";
import { answersChecked, standardTier } from "./form.js";
import { renderFeePage } from "./presenter.js";

type FeeRequest = PageRequest<typeof caseParams>;

export async function showFeePage(services: PortalServices, request: FeeRequest, reply: FastifyReply) {
  const { state, definition } = await readOwnCase(
    services.cases.contextFor(request),
    request.params.id,
    "fee",
  );
  if (state.state !== definition.initialState) return reply.redirect(applicationPaths.status(state.id), 303);
  if (!answersChecked(services, state, definition))
    return reply.redirect(applicationPaths.check(state.id), 303);
  return renderFeePage(request, reply, services, { state, definition });
}

/** Records the processing chosen, then sends the payer to the payment provider. */
export async function payFeeHandler(services: PortalServices, request: FeeRequest, reply: FastifyReply) {
  const { payments } = services;
  const context = services.cases.contextFor(request);
  let { state, definition } = await readOwnCase(context, request.params.id, "fee");
  if (state.state !== definition.initialState) return reply.redirect(applicationPaths.status(state.id), 303);
  if (state.feePaid || !answersChecked(services, state, definition)) {
    return reply.redirect(applicationPaths.check(state.id), 303);
  }
  const choice = textField(request.body, "tier") || standardTier;
  if (definition.fee.expressTiers.length > 0) {
    const tier = choice === standardTier ? null : choice;
    if (tier !== null && !definition.fee.expressTiers.some((one) => one.code === tier)) {
      const text = request.t("cases.errors.unknown_tier");
      return renderFeePage(request, reply.status(422), services, {
        state,
        definition,
        errors: [{ text, href: "#tier" }],
        errorsByField: { tier: text },
      });
    }
    if (tier !== state.expressTier) state = await chooseExpressTier(context, state.id, tier);
  }
  const amountMinor = feeDue(definition, state.expressTier);
  if (amountMinor === 0) return reply.redirect(applicationPaths.check(state.id), 303);
  if (!payments) {
    return renderFeePage(request, reply.status(503), services, {
      state,
      definition,
      errors: [{ text: request.t("portal.fee.unavailable") }],
    });
  }
  const started = await payments.createPayment({
    reference: state.number,
    amountMinor,
    currency: definition.fee.currency,
    description: `${definition.name[request.locale]} — ${state.number}`,
    returnUrl: `${applicationPaths.fee(state.id)}/return`,
  });
  return reply.redirect(started.redirectUrl, 303);
}
