import type { Permission, Principal } from "../../access/index.js";
import type { RecordRegister } from "../register/occurrence.js";

/**
 * The page of each other register's record and the permission that opens it. The addresses are
 * written here rather than imported: those registers import the people module, not the reverse.
 */
const recordPages: Record<RecordRegister, { permission: Permission; path: (id: string) => string }> = {
  detention: { permission: "detention.manage", path: (id) => `/detention/placements/${id}` },
  readmission: { permission: "readmission.manage", path: (id) => `/readmission/${id}` },
};

/** The address of a record's page, or null when the viewer may not open that register. */
export function recordPageFor(
  viewer: Principal | null,
  register: RecordRegister,
  recordId: string,
): string | null {
  const page = recordPages[register];
  return viewer?.permissions.has(page.permission) ? page.path(recordId) : null;
}
