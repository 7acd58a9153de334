import type { FastifyReply, FastifyRequest } from "fastify";
import { ForbiddenError, NotFoundError } from "../../../../platform/errors/index.js";
import { attachmentDisposition, readUploadInMemory } from "../../../../platform/files/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { linkPeopleFile } from "../../link-file/link-people-file.js";
import { clustersCsv, pairsCsv } from "../../link-file/people-file-output.js";
import type { PeopleWorkspace } from "../people-workspace.js";
import { keepLinkage, keptLinkage } from "./kept-linkages.js";
import {
  fileField,
  maxLinkFileBytes,
  renderLinkFileForm,
  renderLinkFileResult,
  resultPath,
} from "./presenter.js";

export type ResultParams = { Params: { id: string } };

function principalOf(request: FastifyRequest) {
  if (!request.principal) throw new ForbiddenError();
  return request.principal;
}

export async function showLinkFileForm(request: FastifyRequest, reply: FastifyReply) {
  return renderLinkFileForm(request, reply);
}

async function* once(bytes: Buffer): AsyncGenerator<Buffer> {
  yield bytes;
}

/** POST: links the uploaded file, keeps the result for its downloads and shows the summary. */
export async function uploadLinkFile(
  workspace: PeopleWorkspace,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const principal = principalOf(request);
  const upload = await readUploadInMemory(request, fileField, { maxBytes: maxLinkFileBytes });
  if (!upload.bytes) {
    const uploadProblem = upload.refused === "too_large" ? "tooLarge" : "missing";
    return renderLinkFileForm(request, reply.status(uploadProblem === "tooLarge" ? 413 : 422), {
      uploadProblem,
    });
  }
  const linkage = await linkPeopleFile(once(upload.bytes));
  const audit = { actor: actorOf(principal), entityType: "people_file", ...requestOrigin(request) };
  if (!linkage.ok) {
    await recordAudit(workspace.db, {
      ...audit,
      action: "people.link_file.refused",
      outcome: "failure",
      details: { problems: linkage.problemCount },
    });
    const { problems, problemCount } = linkage;
    return renderLinkFileForm(request, reply.status(422), { problems, problemCount });
  }
  const id = keepLinkage({
    ownerId: principal.userId,
    keptAt: workspace.clock.now().getTime(),
    summary: linkage.summary,
    pairs: pairsCsv(linkage.pairs),
    clusters: clustersCsv(linkage.clusters),
  });
  await recordAudit(workspace.db, {
    ...audit,
    entityId: id,
    action: "people.link_file.linked",
    outcome: "success",
    details: { records: linkage.summary.records, links: linkage.summary.links },
  });
  return reply.redirect(resultPath(id), 303);
}

function keptFor(workspace: PeopleWorkspace, request: FastifyRequest<ResultParams>) {
  const principal = principalOf(request);
  const linkage = keptLinkage(request.params.id, principal.userId, workspace.clock.now().getTime());
  if (!linkage) throw new NotFoundError("link_result_not_found");
  return { principal, linkage };
}

export async function showLinkResult(
  workspace: PeopleWorkspace,
  request: FastifyRequest<ResultParams>,
  reply: FastifyReply,
) {
  const { linkage } = keptFor(workspace, request);
  return renderLinkFileResult(request, reply, { id: request.params.id, ...linkage });
}

/** GET …/pairs.csv or …/clusters.csv: the uploader's result, each download audited. */
export async function downloadLinkResult(
  workspace: PeopleWorkspace,
  file: "pairs" | "clusters",
  request: FastifyRequest<ResultParams>,
  reply: FastifyReply,
) {
  const { principal, linkage } = keptFor(workspace, request);
  await recordAudit(workspace.db, {
    actor: actorOf(principal),
    action: "people.link_file.downloaded",
    outcome: "success",
    entityType: "people_file",
    entityId: request.params.id,
    ...requestOrigin(request),
    details: { file },
  });
  return reply
    .header("content-type", "text/csv; charset=utf-8")
    .header("content-disposition", attachmentDisposition(`${file}.csv`))
    .header("cache-control", "no-store")
    .send(file === "pairs" ? linkage.pairs : linkage.clusters);
}
