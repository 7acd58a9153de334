import type { FastifyReply, FastifyRequest } from "fastify";
import type { IdParams } from "../register-page-options.js";
import type { RegisterWorkspace } from "../register-workspace.js";
import { loadPersonPage } from "./load-person-page.js";
import { presentPerson } from "./presenter.js";

export async function showPerson(
  workspace: RegisterWorkspace,
  request: FastifyRequest<IdParams>,
  reply: FastifyReply,
) {
  const page = await loadPersonPage(workspace, request);
  return reply
    .header("cache-control", "private, no-store")
    .render("people/workspace/person/person.njk", presentPerson(request, page));
}
