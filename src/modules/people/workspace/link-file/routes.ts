import type { FastifyInstance, FastifyRequest } from "fastify";
import { z } from "zod";
import { NotFoundError } from "../../../../platform/errors/index.js";
import type { PeopleWorkspace } from "../people-workspace.js";
import {
  downloadLinkResult,
  type ResultParams,
  showLinkFileForm,
  showLinkResult,
  uploadLinkFile,
} from "./handler.js";
import { linkFilePath } from "./presenter.js";

const resultParams = z.object({ id: z.uuid() });

async function refuseMalformedId(request: FastifyRequest): Promise<void> {
  if (request.validationError) throw new NotFoundError("link_result_not_found");
}

/**
 * Linking a file of person records (the page of `karvan people link`). The files hold personal
 * data from anywhere, hence `statistics.manage`, the data steward's permission, not the analysts'.
 */
export function registerLinkFilePage(app: FastifyInstance, workspace: PeopleWorkspace): void {
  const guard = workspace.guards.requirePermission("statistics.manage");
  const page = { preHandler: guard, schema: { hide: true } };
  // A malformed id answers as an unknown one, after the guard (ADR 0031).
  const result = {
    preHandler: [guard, refuseMalformedId],
    schema: { hide: true, params: resultParams },
    attachValidation: true,
  };
  app.get(linkFilePath, page, (request, reply) => showLinkFileForm(request, reply));
  app.post(linkFilePath, page, (request, reply) => uploadLinkFile(workspace, request, reply));
  app.get<ResultParams>(`${linkFilePath}/:id`, result, (request, reply) =>
    showLinkResult(workspace, request, reply),
  );
  app.get<ResultParams>(`${linkFilePath}/:id/pairs.csv`, result, (request, reply) =>
    downloadLinkResult(workspace, "pairs", request, reply),
  );
  app.get<ResultParams>(`${linkFilePath}/:id/clusters.csv`, result, (request, reply) =>
    downloadLinkResult(workspace, "clusters", request, reply),
  );
}
