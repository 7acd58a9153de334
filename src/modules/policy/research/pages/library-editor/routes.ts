import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../../platform/errors/index.js";
import { type FieldError, parseForm } from "../../../../../platform/http/index.js";
import { saveResearchLibraryEntry } from "../../operations/save-library-entry.js";
import { findLibraryEntry, type LibraryEntry, searchLibrary } from "../../research-repository.js";
import type { ResearchServices } from "../../research-services.js";
import { researchContextFor, textOf, uuidPattern } from "../research-page-context.js";
import { libraryEntryFields, libraryEntryForm } from "./library-entry-form.js";

const views = "policy/research/pages/library-editor";
const base = "/research/library/manage";

type Values = Record<(typeof libraryEntryFields)[number], string>;

function valuesOf(entry: LibraryEntry | null): Values {
  return {
    kind: entry?.kind ?? "study",
    title: entry?.title ?? "",
    summary: entry?.summary ?? "",
    authors: entry?.authors.join(", ") ?? "",
    year: entry ? String(entry.year) : "",
    topics: entry?.topics.join(", ") ?? "",
    languages: entry?.languages.join(", ") ?? "",
    link: entry?.link ?? "",
    indicatorCodes: entry?.indicatorCodes.join(", ") ?? "",
    policyDocumentIds: entry?.policyDocumentIds.join(", ") ?? "",
    published: entry?.published ? "yes" : "no",
  };
}

function renderForm(
  request: FastifyRequest,
  reply: FastifyReply,
  state: { id: string | null; values: Values; errors?: FieldError[]; byField?: Record<string, string> },
) {
  const { t } = request;
  return reply.render(`${views}/entry-form.njk`, {
    title: t(state.id ? "research.library.manage.edit" : "research.library.manage.newTitle"),
    action: state.id ? `${base}/${state.id}` : base,
    values: state.values,
    kindItems: (["study", "report", "dataset"] as const).map((kind) => ({
      value: kind,
      text: t(`research.library.kinds.${kind}`),
      checked: state.values.kind === kind,
    })),
    errors: state.errors ?? [],
    errorsByField: state.byField ?? {},
  });
}

async function entryOrNotFound(services: ResearchServices, id: string): Promise<LibraryEntry> {
  const entry = uuidPattern.test(id) ? await findLibraryEntry(services.db, id) : null;
  if (!entry) throw new NotFoundError("research_entry_not_found");
  return entry;
}

async function save(
  services: ResearchServices,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string | null,
) {
  if (id) await entryOrNotFound(services, id);
  const values = Object.fromEntries(
    libraryEntryFields.map((field) => [field, textOf(request.body, field)]),
  ) as Values;
  const form = parseForm(libraryEntryForm, values, request.t);
  if (!form.ok)
    return renderForm(request, reply.status(422), { id, values, errors: form.errors, byField: form.byField });
  await saveResearchLibraryEntry(researchContextFor(services, request), id, form.data);
  return reply.redirect(`${base}?saved=1`, 303);
}

/** The policy officers' pages (`policy.manage`) that keep the research library. */
export function registerLibraryEditorPages(app: FastifyInstance, services: ResearchServices): void {
  const page = { preHandler: services.guards.requirePermission("policy.manage"), schema: { hide: true } };
  type Id = { Params: { id: string } };
  app.get(base, page, async (request, reply) =>
    reply.render(`${views}/entries.njk`, {
      title: request.t("research.library.manage.title"),
      entries: await searchLibrary(services.db, { publishedOnly: false }),
      saved: textOf(request.query, "saved") === "1",
    }),
  );
  app.get(`${base}/new`, page, async (request, reply) =>
    renderForm(request, reply, { id: null, values: valuesOf(null) }),
  );
  app.post(base, page, async (request, reply) => save(services, request, reply, null));
  app.get<Id>(`${base}/:id`, page, async (request, reply) => {
    const entry = await entryOrNotFound(services, request.params.id);
    return renderForm(request, reply, { id: entry.id, values: valuesOf(entry) });
  });
  app.post<Id>(`${base}/:id`, page, async (request, reply) =>
    save(services, request, reply, request.params.id),
  );
}
