import { generateApiKey } from "../../src/modules/access/api-keys/api-key-format.js";
import { createUser, systemActor } from "../../src/modules/access/index.js";
import { apiKeys } from "../../src/modules/access/schema.js";
import type { Clock } from "../../src/platform/clock/index.js";
import type { Database } from "../../src/platform/db/index.js";

/**
 * A host's account (role host_employer) and an API key for its system, by default one that may
 * register stays.
 */
export async function createHostKey(
  db: Database,
  clock: Clock,
  email: string,
  options: { fullName?: string; locale?: "az" | "en" | "ru"; scopes?: string[] } = {},
): Promise<string> {
  const { id } = await createUser(
    { db, clock, actor: systemActor },
    {
      email,
      fullName: options.fullName ?? "Reception",
      password: "Correct-horse-battery-9",
      kind: "public",
      roles: ["host_employer"],
      status: "active",
      ...(options.locale ? { locale: options.locale } : {}),
    },
  );
  const material = generateApiKey();
  await db.insert(apiKeys).values({
    userId: id,
    name: "Reception system",
    prefix: material.prefix,
    keyHash: material.hash,
    scopes: options.scopes ?? ["stay-registrations:write"],
  });
  return material.key;
}
