import { authorizeDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import type { Centre } from "../detention-records.js";
import { listCentres } from "../detention-repository.js";

/** The centres, by code (no personal data: not audited beyond the permission check). */
export async function centresFor(context: DetentionContext): Promise<Centre[]> {
  await authorizeDetention(context);
  return listCentres(context.db);
}
