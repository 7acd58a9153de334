import { sql } from "drizzle-orm";
import { insertEntries } from "../../src/modules/enforcement/watchlist/watch-list-repository.js";
import { type Database, queryRows } from "../../src/platform/db/index.js";

/** A person on an entry ban in force since 2025, listed by the database's first user. */
export async function listOnWatchList(
  db: Database,
  person: { fullName: string; birthDate: string; passport: string },
): Promise<void> {
  const [officer] = await queryRows<{ id: string }>(db, sql`select id from users limit 1`);
  if (!officer) throw new Error("no user to list the entry as");
  await insertEntries(
    db,
    [
      {
        list: "entry_ban",
        names: [person.fullName],
        birthDate: person.birthDate,
        sex: "",
        citizenships: [],
        documentNumbers: [person.passport],
        legalBasis: "Migration Code, article 16",
        issuingAuthority: "State Migration Service",
        validFrom: "2025-01-01",
        validUntil: "",
      },
    ],
    { userId: officer.id, at: new Date("2025-01-01T00:00:00Z") },
  );
}
