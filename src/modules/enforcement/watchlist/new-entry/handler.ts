import type { FastifyReply, FastifyRequest } from "fastify";
import { type FieldError, parseForm } from "../../../../platform/http/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import { addWatchListEntry } from "../../operations/add-watch-list-entry.js";
import { newEntrySchema, watchLists } from "../watch-list-entry.js";

const fields = [
  "list",
  "names",
  "birthDate",
  "sex",
  "citizenships",
  "documentNumbers",
  "legalBasis",
  "issuingAuthority",
  "validFrom",
  "validUntil",
] as const;

/** What the officer typed, as text, to show again beside the errors. */
function typedValues(body: unknown): Record<string, string> {
  const form = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    fields.map((field) => [field, typeof form[field] === "string" ? form[field] : ""]),
  );
}

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string>,
  errors?: { errors: FieldError[]; byField: Record<string, string> },
) {
  const t = request.t;
  if (errors) reply.status(422);
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/watchlist/new-entry/new-entry.njk", {
      title: t("enforcement.newEntry.title"),
      values,
      errors: errors?.errors,
      errorsByField: errors?.byField ?? {},
      listItems: watchLists.map((list) => ({
        value: list,
        text: t(`enforcement.lists.${list}`),
        checked: values.list === list,
      })),
      sexItems: [
        { value: "", text: t("enforcement.sex.unknown"), checked: !values.sex },
        { value: "F", text: t("enforcement.sex.F"), checked: values.sex === "F" },
        { value: "M", text: t("enforcement.sex.M"), checked: values.sex === "M" },
      ],
    });
}

export async function showNewEntryForm(request: FastifyRequest, reply: FastifyReply) {
  return renderForm(request, reply, typedValues({}));
}

/** POST /watch-list/new: a checked entry is stored and the list shown; a wrong one comes back with its errors. */
export async function addEntryFromForm(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const values = typedValues(request.body);
  const form = parseForm(newEntrySchema, values, request.t);
  if (!form.ok) return renderForm(request, reply, values, form);
  await addWatchListEntry(services.enforcement.contextFor(request), form.data);
  return reply.redirect("/watch-list?done=added", 303);
}
