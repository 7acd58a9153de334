import type { FastifyReply, FastifyRequest } from "fastify";
import { addNote } from "../../operations/add-note.js";
import type { CaseParams } from "../page-options.js";
import type { Workspace } from "../workspace.js";
import { changeFromForm } from "./change-from-form.js";

/** An officer adds an internal note to the case. */
export async function addNoteFromForm(
  workspace: Workspace,
  request: FastifyRequest<CaseParams>,
  reply: FastifyReply,
) {
  const form = { id: "note", page: "notes", done: () => "noted" } as const;
  return changeFromForm(workspace, request, reply, form, async (context, values) => {
    await addNote(context, request.params.id, values.text ?? "");
    return "noted";
  });
}
