import type { AuditActor } from "../../access/index.js";

/** Who decided or merged, as the register's `*_by` columns keep it: `user:<id>`, `api_key:<id>` or `system`. */
export function actorLabel(actor: AuditActor): string {
  return actor.id ? `${actor.type}:${actor.id}` : actor.type;
}
