import type { Locale } from "../../../platform/http/index.js";
import { authorize, findAgencyById, type Permission } from "../../access/index.js";
import { mayReadCaseType } from "../case-type-access.js";
import { allVersions } from "./deadline-risk.js";
import { openTasks, type TaskKind } from "./task-repository.js";
import { agencyScopeOf, originOf, type StaffContext, type Workspace } from "./workspace.js";

export const taskPageSize = 25;

export interface TaskQueueEntry {
  id: string;
  caseNumber: string;
  typeName: string;
  taskName: string;
  agencyName: string;
  createdAt: Date;
}

/** The kinds of task this person may do: tasks whose permission they hold. */
export function taskKindsFor(workspace: Workspace, context: StaffContext): TaskKind[] {
  const kinds = new Map<string, TaskKind>();
  for (const definition of allVersions(workspace.cases.registry)) {
    if (!mayReadCaseType(context.principal, definition)) continue;
    for (const task of definition.tasks) {
      if (context.principal.permissions.has(task.permission as Permission)) {
        kinds.set(`${definition.code}/${task.code}`, { typeCode: definition.code, code: task.code });
      }
    }
  }
  return [...kinds.values()];
}

/**
 * The tasks waiting for an agency that receives routed work (the employment service's
 * labour-market opinions): open tasks of the person's agency that they hold the permission for.
 * Someone who may do no kind of task is refused (and the refusal audited).
 */
export async function listTasks(
  workspace: Workspace,
  context: StaffContext,
  after: { createdAt: string; id: string } | null,
  locale: Locale,
): Promise<{ entries: TaskQueueEntry[]; next: string | null }> {
  const kinds = taskKindsFor(workspace, context);
  if (kinds.length === 0) {
    const anyTaskPermission = allVersions(workspace.cases.registry)
      .flatMap((definition) => definition.tasks)
      .at(0)?.permission;
    await authorize(originOf(context), (anyTaskPermission ?? "labour.opinion") as Permission);
  }
  const rows = await openTasks(context.db, agencyScopeOf(context.principal), kinds, after, taskPageSize + 1);
  const page = rows.slice(0, taskPageSize);
  const agencyIds = [...new Set(page.map((row) => row.agencyId))];
  const agencies = new Map(
    (await Promise.all(agencyIds.map((id) => findAgencyById(context.db, id)))).flatMap((agency) =>
      agency ? [[agency.id, agency.names[locale]] as const] : [],
    ),
  );
  const last = page.at(-1);
  return {
    entries: page.map((row) => {
      const definition = workspace.cases.registry.get(row.typeCode, row.typeVersion);
      return {
        id: row.id,
        caseNumber: row.number,
        typeName: definition.name[locale],
        taskName: definition.tasks.find((one) => one.code === row.code)?.name[locale] ?? row.code,
        agencyName: agencies.get(row.agencyId) ?? "",
        createdAt: row.createdAt,
      };
    }),
    next: rows.length > taskPageSize && last ? `${last.createdAt.toISOString()}_${last.id}` : null,
  };
}
