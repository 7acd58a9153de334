import type { FastifyReply, FastifyRequest } from "fastify";
import { readTextUpload } from "../../../cases/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";
import {
  type ImportProblem,
  importWatchListEntries,
  WatchListFileRefusedError,
  watchListCsvColumns,
} from "../../operations/import-watch-list-entries.js";

function renderImport(
  request: FastifyRequest,
  reply: FastifyReply,
  input: { uploadError?: string; problems?: ImportProblem[] } = {},
) {
  const t = request.t;
  const errors = input.uploadError
    ? [{ text: input.uploadError, href: "#entries" }]
    : input.problems?.length
      ? [{ text: t("enforcement.import.refused", { count: input.problems.length }), href: "#problems" }]
      : undefined;
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/watchlist/import/import.njk", {
      title: t("enforcement.import.title"),
      errors,
      errorsByField: input.uploadError ? { entries: input.uploadError } : {},
      columns: watchListCsvColumns.map((column) => ({
        name: column,
        text: t(`enforcement.import.columns.${column}`),
      })),
      problems: (input.problems ?? []).map((problem) => ({
        line: problem.line,
        column: problem.field,
        message: t(problem.messageKey),
      })),
    });
}

export async function showImportPage(request: FastifyRequest, reply: FastifyReply) {
  return renderImport(request, reply);
}

/** POST /watch-list/import: every line stored, or none and the wrong lines named. */
export async function importEntriesHandler(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const upload = await readTextUpload(request, "entries");
  if (upload.problem || upload.text === undefined) {
    return renderImport(request, reply.status(422), {
      uploadError: request.t(`enforcement.import.upload.${upload.problem ?? "missing"}`),
    });
  }
  try {
    const count = await importWatchListEntries(services.enforcement.contextFor(request), upload.text);
    return reply.redirect(`/watch-list?done=imported&count=${count}`, 303);
  } catch (error) {
    if (error instanceof WatchListFileRefusedError) {
      return renderImport(request, reply.status(422), { problems: error.problems });
    }
    throw error;
  }
}
