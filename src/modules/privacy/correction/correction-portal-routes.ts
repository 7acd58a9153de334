import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../platform/errors/index.js";
import { type FieldError, type Locale, parseForm } from "../../../platform/http/index.js";
import type { PrivacyServices } from "../privacy-services.js";
import type { SubjectContext } from "../subject-access/collect-subject-data.js";
import { requireDataSubject } from "../subject-access/data-subject-guard.js";
import { correctableItems } from "./correctable-items.js";
import { correctionRequestForm, correctionTextLength } from "./correction-forms.js";
import { ownCorrectionPath } from "./mail-correction-notice.js";
import { requestCorrection } from "./request-correction.js";
import { viewOwnCorrection } from "./view-own-correction.js";

const views = "privacy/correction/views";

/** Requests per account and hour: enough for a careful person, too few to flood an agency. */
const requestRateLimit = {
  max: 20,
  timeWindow: "1 hour",
  hook: "preHandler" as const,
  keyGenerator: (request: FastifyRequest) =>
    request.principal ? `correction-request:${request.principal.userId}` : `ip:${request.ip}`,
};

interface FormState {
  caseId: string | null;
  values?: Record<string, string>;
  errors?: FieldError[];
  errorsByField?: Record<string, string>;
}

function text(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" ? value : "";
}

/** The form asking for a correction, with the items of the chosen case (or of the account). */
async function renderForm(
  context: SubjectContext,
  request: FastifyRequest,
  reply: FastifyReply,
  state: FormState,
) {
  const locale = request.locale as Locale;
  const target = await correctableItems(context, state.caseId, locale, request.t);
  const chosen = state.values?.item ?? "";
  return reply.render(`${views}/new.njk`, {
    title: request.t("privacy.correction.new.title"),
    caseId: target.caseId,
    caseNumber: target.caseNumber,
    items: [
      { value: "", text: request.t("privacy.correction.new.chooseItem") },
      ...target.items.map((item) => ({
        value: item.code,
        text: item.label,
        selected: item.code === chosen,
      })),
    ],
    values: state.values ?? {},
    maxLength: correctionTextLength,
    errors: state.errors ?? [],
    errorsByField: state.errorsByField ?? {},
  });
}

/** The applicant's side: the form asking for a correction, and each request with its answer. */
export async function registerCorrectionPortalRoutes(
  app: FastifyInstance,
  services: PrivacyServices,
): Promise<void> {
  const { cases } = services;
  const page = { preHandler: requireDataSubject(cases), schema: { hide: true } };
  const contextOf = (request: FastifyRequest) => cases.contextFor(request) as SubjectContext;

  app.get("/account/my-data/corrections/new", page, async (request, reply) => {
    const query = request.query as { case?: unknown; item?: unknown };
    const caseId = typeof query.case === "string" && query.case !== "" ? query.case : null;
    const item = typeof query.item === "string" ? query.item : "";
    return renderForm(contextOf(request), request, reply, { caseId, values: { item } });
  });

  app.post(
    "/account/my-data/corrections",
    { ...page, config: { rateLimit: requestRateLimit } },
    async (request, reply) => {
      const caseId = text(request.body, "case") || null;
      const values = {
        item: text(request.body, "item"),
        whatIsWrong: text(request.body, "whatIsWrong"),
        whatIsRight: text(request.body, "whatIsRight"),
      };
      const form = parseForm(correctionRequestForm, request.body, request.t);
      if (!form.ok)
        return renderForm(contextOf(request), request, reply.status(422), {
          caseId,
          values,
          errors: form.errors,
          errorsByField: form.byField,
        });
      try {
        const created = await requestCorrection(
          services,
          contextOf(request),
          { caseId, ...form.data },
          request.locale as Locale,
          request.t,
        );
        return reply.redirect(`${ownCorrectionPath(created.id)}?done=sent`, 303);
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== "correction_item_unknown") throw error;
        const message = request.t(error.messageKey);
        return renderForm(contextOf(request), request, reply.status(422), {
          caseId,
          values,
          errors: [{ field: "item", href: "#item", text: message }],
          errorsByField: { item: message },
        });
      }
    },
  );

  app.get<{ Params: { id: string } }>("/account/my-data/corrections/:id", page, async (request, reply) => {
    const correction = await viewOwnCorrection(contextOf(request), request.params.id);
    return reply.header("cache-control", "private, no-store").render(`${views}/own.njk`, {
      title: request.t("privacy.correction.own.title", { reference: correction.reference }),
      correction,
      sent: (request.query as { done?: unknown }).done === "sent",
    });
  });
}
