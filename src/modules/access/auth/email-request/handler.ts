import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import { typed, view } from "../auth-page-helpers.js";
import { emailOnlyForm } from "../form-schemas.js";

export interface EmailRequestPage {
  /** The form's address; the confirmation is at `<path>/sent`. */
  path: string;
  /** The form's template (its render path). */
  template: string;
  /** Translation keys of the form's title and of the confirmation page. */
  titleKey: string;
  sentTitleKey: string;
  sentLeadKey: string;
  /** What the address asks for; it answers the same whether or not the address has an account. */
  act: (request: FastifyRequest, email: string) => Promise<void>;
}

const render = (page: EmailRequestPage, reply: FastifyReply, data: Record<string, unknown> = {}) =>
  reply.render(page.template, { title: reply.request.t(page.titleKey), values: {}, ...data });

export async function showEmailRequest(page: EmailRequestPage, reply: FastifyReply) {
  return render(page, reply);
}

/** The address asked for: the same confirmation for every address, the typed one kept on errors. */
export async function sendEmailRequest(page: EmailRequestPage, request: FastifyRequest, reply: FastifyReply) {
  const form = parseForm(emailOnlyForm, request.body, request.t);
  if (!form.ok) {
    return render(page, reply.status(422), {
      errors: form.errors,
      errorsByField: form.byField,
      values: { email: typed(request.body, "email") },
    });
  }
  await page.act(request, form.data.email);
  return reply.redirect(`${page.path}/sent`, 303);
}

export async function showEmailSent(page: EmailRequestPage, request: FastifyRequest, reply: FastifyReply) {
  return reply.render(view("email-sent"), {
    title: request.t(page.sentTitleKey),
    lead: request.t(page.sentLeadKey),
    showResendLink: false,
  });
}
