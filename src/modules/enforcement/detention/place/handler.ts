import type { FastifyReply, FastifyRequest } from "fastify";
import { parseForm } from "../../../../platform/http/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { placementSchema } from "../detention-forms.js";
import { searchRegister } from "../operations/detained-persons.js";
import { centresFor } from "../operations/list-centres.js";
import { placePerson } from "../operations/place-person.js";
import { centreName, type FormErrors, queryText, refusalAt, typedValues } from "../page-helpers.js";

const fields = [
  "searchName",
  "searchDocument",
  "personId",
  "fullName",
  "birthDate",
  "citizenship",
  "documentNumber",
  "centreId",
  "legalBasis",
  "orderingAuthority",
  "courtDecisionReference",
  "startDate",
  "permittedUntil",
] as const;

async function renderPlaceForm(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: FormErrors & { code?: string },
) {
  const { t } = request;
  const context = services.enforcement.detention.contextFor(request);
  const searched = Boolean(values.searchName || values.searchDocument);
  const [centres, found] = await Promise.all([
    centresFor(context),
    searched
      ? searchRegister(context, {
          name: values.searchName ?? "",
          documentNumber: values.searchDocument ?? "",
        })
      : Promise.resolve([]),
  ]);
  const law = context.law;
  return reply.header("cache-control", "private, no-store").render("enforcement/detention/place/place.njk", {
    title: t("detention.place.title"),
    values,
    errors: errors?.errors,
    errorsByField: errors?.byField ?? {},
    errorCode: errors?.code,
    searched,
    personItems: [
      ...found.map((person) => ({
        value: person.personId,
        text: person.name,
        hint: {
          text: [person.birthDate, person.citizenships.join(", "), person.documents.join(", ")]
            .filter(Boolean)
            .join(" · "),
        },
        checked: values.personId === person.personId,
      })),
      { divider: t("detention.place.or") },
      {
        value: "new",
        text: t("detention.place.newPerson"),
        checked: values.personId === "new" || !found.length,
      },
    ],
    centreItems: [
      { value: "", text: t("detention.place.chooseCentre"), selected: !values.centreId },
      ...centres.map((centre) => ({
        value: centre.id,
        text: `${centreName(request, centre)} (${centre.code})`,
        selected: values.centreId === centre.id,
      })),
    ],
    initialMonths: law.initialPeriod.months,
  });
}

/** The field a refusal of the placement concerns: the person, the centre, or the period. */
function refusedField(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string") return "permittedUntil";
  if (code.startsWith("detention_person")) return "personId";
  if (code.startsWith("detention_centre")) return "centreId";
  return "permittedUntil";
}

/** GET /detention/place: the form, with the register's persons found by the name or document searched. */
export async function showPlaceForm(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues({}, fields);
  values.searchName = queryText(request, "searchName");
  values.searchDocument = queryText(request, "searchDocument");
  values.fullName = values.searchName;
  values.documentNumber = values.searchDocument;
  return renderPlaceForm(services, request, reply, values);
}

/** POST /detention/place: the placement is stored and its page shown, or the form comes back with its errors. */
export async function placeFromForm(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body, fields);
  const form = parseForm(placementSchema, values, request.t);
  if (!form.ok) return renderPlaceForm(services, request, reply.status(422), values, form);
  let id: string;
  try {
    id = await placePerson(services.enforcement.detention.contextFor(request), form.data);
  } catch (error) {
    const refusal = refusalAt(request, error, refusedField(error));
    if (!refusal) throw error;
    return renderPlaceForm(services, request, reply.status(refusal.status), values, refusal);
  }
  return reply.redirect(`/detention/placements/${id}?done=placed`, 303);
}
