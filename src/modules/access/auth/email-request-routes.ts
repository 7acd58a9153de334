import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../platform/http/index.js";
import { hidden, perAddressLimit, typed, view } from "./auth-page-helpers.js";
import { emailOnlyForm } from "./form-schemas.js";

export interface EmailRequestPage {
  /** The form's address; the confirmation is at `<path>/sent`. */
  path: string;
  /** The form's template in access/views/auth. */
  template: string;
  /** Translation keys of the form's title and of the confirmation page. */
  titleKey: string;
  sentTitleKey: string;
  sentLeadKey: string;
  /** What the address asks for; it answers the same whether or not the address has an account. */
  act: (request: FastifyRequest, email: string) => Promise<void>;
}

/**
 * A page that asks for an e-mail address and sends a link to it (a password reset, the
 * verification link again): the form, its errors with the typed address kept, then a
 * confirmation page that says the same for every address.
 */
export function registerEmailRequestPage(app: FastifyInstance, page: EmailRequestPage): void {
  const render = (reply: FastifyReply, data: Record<string, unknown> = {}) =>
    reply.render(view(page.template), { title: reply.request.t(page.titleKey), values: {}, ...data });

  app.get(page.path, { schema: hidden }, async (_request, reply) => render(reply));

  app.post(page.path, { schema: hidden, config: perAddressLimit }, async (request, reply) => {
    const form = parseForm(emailOnlyForm, request.body, request.t);
    if (!form.ok) {
      return render(reply.status(422), {
        errors: form.errors,
        errorsByField: form.byField,
        values: { email: typed(request.body, "email") },
      });
    }
    await page.act(request, form.data.email);
    return reply.redirect(`${page.path}/sent`, 303);
  });

  app.get(`${page.path}/sent`, { schema: hidden }, async (request, reply) =>
    reply.render(view("email-sent"), {
      title: request.t(page.sentTitleKey),
      lead: request.t(page.sentLeadKey),
      showResendLink: false,
    }),
  );
}
