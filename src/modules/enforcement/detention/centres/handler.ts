import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { newCentreSchema } from "../detention-forms.js";
import { addCentre } from "../operations/add-centre.js";
import { centresFor } from "../operations/list-centres.js";
import { type FormErrors, queryText, refusalAt, typedValues } from "../page-helpers.js";

const fields = [
  "code",
  "nameAz",
  "nameEn",
  "nameRu",
  "region",
  "capacity",
  "headEmail",
  "headLocale",
] as const;

async function renderCentres(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: FormErrors,
) {
  const { t } = request;
  const context = services.enforcement.detention.contextFor(request);
  const centres = await centresFor(context);
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/detention/centres/centres.njk", {
      title: t("detention.centres.title"),
      centres: centres.map((centre) => ({ ...centre, name: centre.names[request.locale] })),
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      localeItems: (["az", "en", "ru"] as const).map((locale) => ({
        value: locale,
        text: t(`detention.languages.${locale}`),
        checked: values.headLocale === locale,
      })),
      added: queryText(request, "done") === "added",
    });
}

export async function showCentres(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  return renderCentres(services, request, reply, typedValues({}, fields));
}

/** POST /detention/centres: a checked centre is stored; a wrong one comes back with its errors. */
export async function addCentreFromForm(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, fields);
  const form = parseForm(newCentreSchema, values, request.t);
  if (!form.ok) return renderCentres(services, request, reply.status(422), values, form);
  try {
    await addCentre(services.enforcement.detention.contextFor(request), form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, "code");
    if (!refusal) throw error;
    return renderCentres(services, request, reply.status(refusal.status), values, refusal);
  }
  return reply.redirect("/detention/centres?done=added", 303);
}
