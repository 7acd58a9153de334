import type { FastifyRequest } from "fastify";
import { findAgenciesByKind } from "../../access/index.js";
import { taskSchema } from "../definition/case-type.js";
import type { Workspace } from "./workspace.js";

/** The agencies a case list may be filtered by (shown to those who see every agency's cases). */
export async function agencyOptions(workspace: Workspace, request: FastifyRequest, chosen: string) {
  const kinds = taskSchema.shape.agencyKind.options;
  const agencies = (
    await Promise.all(kinds.map((kind) => findAgenciesByKind(workspace.cases.db, kind)))
  ).flat();
  return [
    { value: "", text: request.t("workspace.queue.filters.anyAgency") },
    ...agencies.map((agency) => ({
      value: agency.id,
      text: agency.names[request.locale],
      selected: agency.id === chosen,
    })),
  ];
}

/** The two case lists, the queue and the overdue cases, as sub-navigation. */
export function queueSubNavigation(request: FastifyRequest, current: "queue" | "overdue") {
  return [
    { text: request.t("workspace.queue.title"), href: "/cases", active: current === "queue" },
    { text: request.t("workspace.overdue.title"), href: "/cases/overdue", active: current === "overdue" },
  ];
}
