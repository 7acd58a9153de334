import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import { ConflictError, NotFoundError } from "../../../../platform/errors/index.js";
import { actorOf, recordAudit, requestOrigin } from "../../../access/index.js";
import { undoMergeFollowed } from "../../entry/register-changes.js";
import { peopleMerges } from "../../schema.js";
import { personSummaries, shownName } from "../person-summaries.js";
import { formText, type IdParams, officerOf, registerPaths } from "../register-page-options.js";
import { dateTimeText } from "../register-words.js";
import type { RegisterWorkspace } from "../register-workspace.js";

type MergeRequest = FastifyRequest<IdParams>;
type MergeRow = typeof peopleMerges.$inferSelect;

async function loadMerge(workspace: RegisterWorkspace, request: MergeRequest): Promise<MergeRow> {
  const [merge] = await workspace.db
    .select()
    .from(peopleMerges)
    .where(eq(peopleMerges.id, request.params.id));
  if (!merge) throw new NotFoundError("merge_not_found");
  return merge;
}

/** The undo's check-and-confirm page, or the reason it cannot be done (with its status). */
async function renderUndo(
  workspace: RegisterWorkspace,
  request: MergeRequest,
  reply: FastifyReply,
  merge: MergeRow,
  problem?: string,
) {
  const persons = await personSummaries(workspace.db, [merge.survivorId, merge.mergedId]);
  const officer = officerOf(request);
  await recordAudit(workspace.db, {
    actor: actorOf(officer),
    action: "people.merge.viewed",
    outcome: "success",
    entityType: "people_merge",
    entityId: merge.id,
    agencyId: officer.agencyId,
    ...requestOrigin(request),
  });
  const name = (id: string) => shownName(persons.get(id)?.names ?? []) || "—";
  const error = problem ? request.t(`people.errors.${problem}`) : undefined;
  return reply
    .header("cache-control", "private, no-store")
    .render("people/workspace/merge/undo-confirm.njk", {
      title: request.t("people.register.undo.title"),
      backHref: registerPaths.person(merge.survivorId),
      action: registerPaths.undoMerge(merge.id),
      what: request.t("people.register.undo.what", {
        survivor: name(merge.survivorId),
        merged: name(merge.mergedId),
        at: dateTimeText(request, merge.at),
      }),
      reason: merge.reason,
      possible: !problem,
      errors: error ? [{ text: error, href: "#main-content" }] : [],
    });
}

/**
 * POST /people/merges/:id/undo: without `confirmed`, the check-and-confirm page; with it, the undo
 * (with the statistics told) and back to the person who had absorbed the other.
 */
export async function undoPersonMerge(
  workspace: RegisterWorkspace,
  request: MergeRequest,
  reply: FastifyReply,
) {
  const merge = await loadMerge(workspace, request);
  if (merge.undoneAt) return renderUndo(workspace, request, reply.status(409), merge, "merge_undone");
  if (formText(request, "confirmed") !== "yes") return renderUndo(workspace, request, reply, merge);
  try {
    const actor = actorOf(officerOf(request));
    await undoMergeFollowed(workspace.db, workspace.followChanges, merge.id, actor, workspace.clock.now());
  } catch (error) {
    if (error instanceof ConflictError)
      return renderUndo(workspace, request, reply.status(409), merge, error.code);
    throw error;
  }
  return reply.redirect(registerPaths.person(merge.survivorId), 303);
}
