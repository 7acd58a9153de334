import { NotFoundError } from "../../../../platform/errors/index.js";
import type { Measure, Objective, PolicyAction, PolicyDocument, StatusReport } from "../records.js";
import {
  findAction,
  findDocument,
  findMeasure,
  findObjective,
  listActions,
  listMeasures,
  listObjectives,
  listReports,
  listStatusChanges,
  listVersions,
} from "../repository.js";
import { authorizeRead, mayReport } from "../strategies-access.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

export interface DocumentTree {
  document: PolicyDocument;
  objectives: Array<Objective & { measures: Array<Measure & { actions: PolicyAction[] }> }>;
}

/** A document with its objectives → measures → actions, in the document's numbering. */
export async function documentTree(db: PolicyStrategiesContext["db"], id: string): Promise<DocumentTree> {
  const document = await findDocument(db, id);
  if (!document) throw new NotFoundError("policy_document_not_found");
  const [objectives, measures, actions] = await Promise.all([
    listObjectives(db, id),
    listMeasures(db, id),
    listActions(db, id),
  ]);
  return {
    document,
    objectives: objectives.map((objective) => ({
      ...objective,
      measures: measures
        .filter((measure) => measure.objectiveId === objective.id)
        .map((measure) => ({
          ...measure,
          actions: actions.filter((action) => action.measureId === measure.id),
        })),
    })),
  };
}

/** The document's page: its tree, versions and status history. */
export async function readPolicyDocument(context: PolicyStrategiesContext, id: string) {
  await authorizeRead(context);
  const tree = await documentTree(context.db, id);
  const [versions, statusChanges] = await Promise.all([
    listVersions(context.db, id),
    listStatusChanges(context.db, id),
  ]);
  return { ...tree, versions, statusChanges };
}

export interface ActionFile {
  action: PolicyAction;
  document: PolicyDocument;
  measure: Measure;
  objective: Objective;
  reports: StatusReport[];
  /** Whether the reader may write this action's status reports. */
  mayReport: boolean;
}

/** An action's page: where it sits in its document, and its status reports (newest first). */
export async function readPolicyAction(context: PolicyStrategiesContext, id: string): Promise<ActionFile> {
  await authorizeRead(context);
  const action = await findAction(context.db, id);
  if (!action) throw new NotFoundError("policy_action_not_found");
  const [document, measure, reports] = await Promise.all([
    findDocument(context.db, action.documentId),
    findMeasure(context.db, action.measureId),
    listReports(context.db, [id]),
  ]);
  const objective = measure ? await findObjective(context.db, measure.objectiveId) : null;
  if (!document || !measure || !objective) throw new NotFoundError("policy_action_not_found");
  return { action, document, measure, objective, reports, mayReport: mayReport(context, action) };
}

/** A document's objective or measure, for the forms that add under it. */
export async function readPlanItem(
  context: PolicyStrategiesContext,
  level: "objective" | "measure",
  id: string,
) {
  await authorizeRead(context);
  const item =
    level === "objective" ? await findObjective(context.db, id) : await findMeasure(context.db, id);
  if (!item) throw new NotFoundError(`policy_${level}_not_found`);
  const document = await findDocument(context.db, item.documentId);
  if (!document) throw new NotFoundError("policy_document_not_found");
  return { item, document };
}
