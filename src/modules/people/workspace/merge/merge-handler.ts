import type { FastifyReply, FastifyRequest } from "fastify";
import { DomainError } from "../../../../platform/errors/index.js";
import type { AuditActor } from "../../../access/index.js";
import { actorOf } from "../../../access/index.js";
import { mergePersonsFollowed } from "../../entry/register-changes.js";
import { isRegisterId } from "../../register/ids.js";
import { formText, type IdParams, officerOf, registerPaths } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { loadMergePage, type MergePage } from "./load-merge-page.js";
import {
  type MergeForm,
  type MergeProblem,
  presentMergeConfirmation,
  presentMergeForm,
} from "./presenter.js";

type PersonRequest = FastifyRequest<IdParams>;

function formOf(request: PersonRequest): MergeForm {
  return {
    other: formText(request, "other"),
    otherId: formText(request, "otherId"),
    reason: formText(request, "reason"),
  };
}

/** The other record's id: a chosen duplicate, or the one typed in. */
function otherIdOf(form: MergeForm): string {
  return form.other === "id" ? form.otherId : form.other;
}

function renderForm(
  request: PersonRequest,
  reply: FastifyReply,
  page: MergePage,
  form?: MergeForm,
  problem?: MergeProblem,
) {
  return reply
    .header("cache-control", "private, no-store")
    .render("people/workspace/merge/merge.njk", presentMergeForm(request, page, form, problem));
}

export async function showMergeForm(
  workspace: RegisterWorkspace,
  request: PersonRequest,
  reply: FastifyReply,
) {
  return renderForm(request, reply, await loadMergePage(workspace, request));
}

/** What is wrong with the form before anything is merged; the operation checks again in its transaction. */
function problemOf(page: MergePage, form: MergeForm): MergeProblem | undefined {
  if (!form.other) return { field: "other", code: "choose", status: 422 };
  const otherId = otherIdOf(form);
  const field = form.other === "id" ? "otherId" : "other";
  if (!otherId) return { field, code: "enter_id", status: 422 };
  if (!isRegisterId(otherId)) return { field, code: "person_not_found", status: 404 };
  if (otherId === page.person.id) return { field, code: "merge_same_person", status: 422 };
  const other = page.others.get(otherId);
  if (!other) return { field, code: "person_not_found", status: 404 };
  if (other.mergedInto) return { field, code: "person_already_merged", status: 409 };
  if (!form.reason) return { field: "reason", code: "merge_reason_required", status: 422 };
  return undefined;
}

/**
 * POST /people/persons/:id/merge: the form checked, then the check-and-confirm page; once
 * confirmed, the merge (with the statistics told) and back to the person.
 */
export async function mergeIntoPerson(
  workspace: RegisterWorkspace,
  request: PersonRequest,
  reply: FastifyReply,
) {
  const form = formOf(request);
  const typed = isRegisterId(otherIdOf(form)) ? otherIdOf(form) : undefined;
  const page = await loadMergePage(workspace, request, typed);
  const problem = problemOf(page, form);
  if (problem) return renderForm(request, reply.status(problem.status), page, form, problem);
  if (formText(request, "confirmed") !== "yes") {
    return reply
      .header("cache-control", "private, no-store")
      .render(
        "people/workspace/merge/merge-confirm.njk",
        presentMergeConfirmation(request, page, form, otherIdOf(form)),
      );
  }
  const actor: AuditActor = actorOf(officerOf(request));
  try {
    const merge = { survivorId: page.person.id, mergedId: otherIdOf(form), reason: form.reason };
    await mergePersonsFollowed(workspace.db, workspace.followChanges, merge, actor, workspace.clock.now());
  } catch (error) {
    // Another officer may have merged one of the two since the form was read.
    if (error instanceof DomainError && error.status !== 403) {
      const field =
        error.code === "merge_reason_required" ? "reason" : form.other === "id" ? "otherId" : "other";
      return renderForm(request, reply.status(error.status), page, form, {
        field,
        code: error.code,
        status: error.status,
      });
    }
    throw error;
  }
  return reply.redirect(registerPaths.person(page.person.id), 303);
}
