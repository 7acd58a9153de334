import { eq } from "drizzle-orm";
import { SecretBox } from "../../platform/crypto/secret-box.js";
import type { Queryable } from "../../platform/db/index.js";
import { users } from "./schema.js";

/** TOTP seeds are kept encrypted: a copy of the database alone does not give away second factors. */
export function mfaSecretBox(fileKey: string): SecretBox {
  return new SecretBox(fileKey, "totp-secret");
}

export async function readMfaSecret(db: Queryable, fileKey: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ sealed: users.mfaSecretEncrypted })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.sealed ? mfaSecretBox(fileKey).open(row.sealed) : null;
}
