import type { ReadmissionContext } from "../readmission-module.js";
import { listRequests } from "../repository.js";
import { auditReadmission, authorizeReadmission } from "../request-access.js";
import type { ReadmissionRequest } from "../request-record.js";

/** The requests of the officer's agency (every agency with `scope.all_agencies`); the listing is audited. */
export async function listReadmissionRequests(context: ReadmissionContext): Promise<ReadmissionRequest[]> {
  await authorizeReadmission(context);
  const principal = context.principal;
  const requests = await listRequests(context.db, {
    agencyId: principal?.agencyId ?? null,
    allAgencies: principal?.permissions.has("scope.all_agencies") ?? false,
  });
  await auditReadmission(context, context.db, "readmission_request.listed", {
    details: { count: requests.length },
  });
  return requests;
}
