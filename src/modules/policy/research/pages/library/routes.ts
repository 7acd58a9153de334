import type { FastifyInstance, FastifyRequest } from "fastify";
import { NotFoundError } from "../../../../../platform/errors/index.js";
import { supportedLocales } from "../../../../../platform/http/index.js";
import { findLibraryEntry, libraryTopics, searchLibrary } from "../../research-repository.js";
import type { ResearchServices } from "../../research-services.js";
import { textOf, uuidPattern } from "../research-page-context.js";

const views = "policy/research/pages/library";

function yearOf(text: string): number | undefined {
  return /^\d{4}$/.test(text) ? Number(text) : undefined;
}

/** The public research library: search (no sign-in) and each published entry. */
export function registerLibraryPages(app: FastifyInstance, services: ResearchServices): void {
  app.get("/research", { schema: { hide: true } }, async (request: FastifyRequest, reply) => {
    const { t } = request;
    const q = {
      text: textOf(request.query, "q"),
      topic: textOf(request.query, "topic"),
      language: textOf(request.query, "language"),
      year: textOf(request.query, "year"),
    };
    const [entries, topics] = await Promise.all([
      searchLibrary(services.db, {
        text: q.text,
        topic: q.topic || undefined,
        language: q.language || undefined,
        year: yearOf(q.year),
        publishedOnly: true,
      }),
      libraryTopics(services.db),
    ]);
    const any = { value: "", text: t("research.library.any") };
    return reply.render(`${views}/library-search.njk`, {
      title: t("research.library.title"),
      q,
      entries,
      topicItems: [
        any,
        ...topics.map((topic) => ({ value: topic, text: topic, selected: topic === q.topic })),
      ],
      languageItems: [
        any,
        ...supportedLocales.map((code) => ({ value: code, text: code, selected: code === q.language })),
      ],
    });
  });

  app.get<{ Params: { id: string } }>(
    "/research/library/:id",
    { schema: { hide: true } },
    async (request, reply) => {
      const entry = uuidPattern.test(request.params.id)
        ? await findLibraryEntry(services.db, request.params.id)
        : null;
      if (!entry?.published) throw new NotFoundError("research_entry_not_found");
      return reply.render(`${views}/library-entry.njk`, { title: entry.title, entry });
    },
  );
}
