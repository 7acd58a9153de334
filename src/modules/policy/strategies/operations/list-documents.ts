import type { DocumentKind, DocumentStatus, PolicyDocument } from "../records.js";
import { listDocuments } from "../repository.js";
import { authorizeRead } from "../strategies-access.js";
import type { PolicyStrategiesContext } from "../strategies-module.js";

/** The documents a search finds: words in the title or summary, a status, a kind. */
export async function listPolicyDocuments(
  context: PolicyStrategiesContext,
  filter: { text?: string; status?: DocumentStatus; kind?: DocumentKind },
): Promise<PolicyDocument[]> {
  await authorizeRead(context);
  return listDocuments(context.db, filter);
}
