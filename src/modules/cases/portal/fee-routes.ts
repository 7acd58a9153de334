import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/http/index.js";
import { formatMoney } from "../../../platform/payments/index.js";
import type { CaseTypeDefinition } from "../definition/case-type.js";
import type { CaseState } from "../engine/case-state.js";
import { chooseExpressTier, recordFeePayment } from "../operations/pay-fee.js";
import { feeDue } from "../operations/submit-application.js";
import { applicationPaths, draftProgress } from "./application-steps.js";
import { caseCaption, noticeOf, textField } from "./case-heading.js";
import { missingDocumentLinks } from "./missing-documents.js";
import type { PortalServices } from "./portal-services.js";
import { readOwnCase } from "./read-own-case.js";

const views = "cases/views/portal";

type CaseParams = { Params: { id: string } };
type Guard = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply | undefined>;

/** The value of the "standard processing" choice (express tiers use their codes). */
const standard = "standard";

interface FeePageInput {
  state: CaseState;
  definition: CaseTypeDefinition;
  errors?: Array<{ text: string; href?: string }>;
  errorsByField?: Record<string, string>;
}

function renderFeePage(
  request: FastifyRequest,
  reply: FastifyReply,
  services: PortalServices,
  input: FeePageInput,
) {
  const { state, definition } = input;
  const locale = request.locale;
  const t = request.t;
  const money = (amount: number) => formatMoney(amount, definition.fee.currency, locale);
  const legalTime = (time: { amount: number; unit: "working" | "calendar" } | undefined) =>
    time
      ? t(time.unit === "working" ? "portal.legalTime.working" : "portal.legalTime.calendar", {
          amount: time.amount,
        })
      : undefined;
  const chosen = state.expressTier ?? standard;
  const tiers = definition.fee.expressTiers;
  const options = [
    {
      value: standard,
      text: `${t("portal.fee.standard")} — ${money(definition.fee.amountMinor)}`,
      hint: legalTime(definition.legalTime) ? { text: legalTime(definition.legalTime) } : undefined,
      checked: chosen === standard,
    },
    ...tiers.map((tier) => ({
      value: tier.code,
      text: `${tier.name[locale]} — ${money(tier.amountMinor)}`,
      hint: { text: legalTime(tier.legalTime) },
      checked: chosen === tier.code,
    })),
  ];
  const due = feeDue(definition, state.expressTier);
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  const { missingDocuments } = draftProgress(definition, state, today);
  return reply.render(`${views}/fee.njk`, {
    title: t("portal.fee.title"),
    caption: caseCaption(request, state, definition),
    caseId: state.id,
    action: applicationPaths.fee(state.id),
    paid: state.feePaid,
    amount: money(due),
    hasTiers: tiers.length > 0,
    options,
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

/**
 * A draft that may go to payment: every answer given and checked ("check your answers" comes
 * first). Missing documents do not stop the payment, but the pages before it say which they are.
 */
function answersChecked(services: PortalServices, state: CaseState, definition: CaseTypeDefinition): boolean {
  const today = services.cases.deadlines.legalDate(services.cases.clock.now());
  return state.state === definition.initialState && draftProgress(definition, state, today).answered;
}

/** Choosing standard or express processing and paying the fee through the payment provider. */
export async function registerFeeRoutes(
  app: FastifyInstance,
  services: PortalServices,
  guard: Guard,
): Promise<void> {
  const { cases, payments } = services;
  const page = { preHandler: guard, schema: { hide: true } };
  const limited = (max: number) => ({ ...page, config: { rateLimit: { max, timeWindow: "1 minute" } } });

  app.get<CaseParams>("/applications/:id/fee", page, async (request, reply) => {
    const { state, definition } = await readOwnCase(cases.contextFor(request), request.params.id, "fee");
    if (state.state !== definition.initialState)
      return reply.redirect(applicationPaths.status(state.id), 303);
    if (!answersChecked(services, state, definition))
      return reply.redirect(applicationPaths.check(state.id), 303);
    return renderFeePage(request, reply, services, { state, definition });
  });

  app.post<CaseParams>("/applications/:id/fee", limited(20), async (request, reply) => {
    const context = cases.contextFor(request);
    let { state, definition } = await readOwnCase(context, request.params.id, "fee");
    if (state.state !== definition.initialState)
      return reply.redirect(applicationPaths.status(state.id), 303);
    if (state.feePaid || !answersChecked(services, state, definition)) {
      return reply.redirect(applicationPaths.check(state.id), 303);
    }
    const choice = textField(request.body, "tier") || standard;
    if (definition.fee.expressTiers.length > 0) {
      const tier = choice === standard ? null : choice;
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
  });

  /**
   * The payer comes back from the provider with a signed result. Only a verified "paid" result
   * for this application's number and fee records the payment; reloading this address (or coming
   * back twice) finds the fee already paid and changes nothing.
   */
  app.get<CaseParams>("/applications/:id/fee/return", limited(30), async (request, reply) => {
    const context = cases.contextFor(request);
    const { state } = await readOwnCase(context, request.params.id, "fee");
    if (!payments) throw new DomainError("payments_unavailable", 503, "portal.fee.unavailable");
    const result = payments.verifyResult(request.query as Record<string, unknown>);
    if (result.reference !== state.number) {
      throw new DomainError("payment_reference", 400, "payments.errors.signatureInvalid");
    }
    const feePage = applicationPaths.fee(state.id);
    if (result.status === "failed") return reply.redirect(`${feePage}?done=paymentFailed`, 303);
    if (result.status !== "paid") return reply.redirect(`${feePage}?done=paymentCancelled`, 303);
    if (!state.feePaid) {
      // The provider's own record must agree with what came through the browser.
      const payment = await payments.getPayment(result.paymentId);
      if (payment.status !== "paid" || payment.reference !== state.number) {
        throw new DomainError("payment_reference", 400, "payments.errors.signatureInvalid");
      }
      try {
        await recordFeePayment(context, state.id, {
          paymentId: payment.paymentId,
          amountMinor: payment.amountMinor,
        });
      } catch (error) {
        // A second return racing the first finds the fee settled: that is the outcome wanted.
        if (!(error instanceof DomainError) || error.code !== "fee_settled") throw error;
      }
    }
    // Paid: back to "check your answers", where the application is now submitted.
    return reply.redirect(`${applicationPaths.check(state.id)}?done=paid`, 303);
  });
}
