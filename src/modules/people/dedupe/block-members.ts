import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../../../platform/db/index.js";
import type { MatchProfile } from "../register/scoring.js";

/** One person of one block: the block's key and size, the person as the matcher reads it. */
export interface BlockMember {
  key: string;
  blockSize: number;
  profile: MatchProfile;
  /**
   * The person's keys whose blocks are compared pair by pair, in the cursor's order (bytes): the
   * first key two persons share is the first block they meet in.
   */
  pairedKeys: string[];
}

interface MemberRow {
  key: string;
  size: number;
  id: string;
  birth_date: string | null;
  sex: string | null;
  citizenships: string;
  names: string | null;
  numbers: string | null;
  keys: string | null;
}

/** Separators inside the aggregated columns: the ASCII unit and record separators, never in a key or a number. */
const UNIT = "\u001f";
const RECORD = "\u001e";

const split = (text: string | null): string[] => (text ? text.split(RECORD) : []);

/**
 * Counts the blocks of two persons or more into a temporary table of the caller's transaction, and
 * returns how many block memberships the stream will give and how many blocks exceed `pairedUpTo`.
 */
export async function countBlocks(
  tx: Queryable,
  pairedUpTo: number,
): Promise<{ members: number; blocks: number; oversized: number }> {
  await tx.execute(sql`create temporary table people_dedupe_blocks on commit drop as
    select key, count(distinct person_id)::int as size from people_keys
    group by key having count(distinct person_id) > 1`);
  await tx.execute(sql`analyze people_dedupe_blocks`);
  const [counted] = await queryRows<{ members: number; blocks: number; oversized: number }>(
    tx,
    sql`select coalesce(sum(size), 0)::int as members, count(*)::int as blocks,
      (count(*) filter (where size > ${pairedUpTo}))::int as oversized from people_dedupe_blocks`,
  );
  return counted ?? { members: 0, blocks: 0, oversized: 0 };
}

/**
 * Opens a cursor over every block of two persons or more, block by block (keys in byte order), each
 * member with its profile. Within a block the members come sorted by what the key does not hold —
 * the name for a birth-date or document block, the birth date for a name block — so that the
 * neighbours in a block too large to pair completely are the likeliest pairs. The person's
 * profile is aggregated once per person and joined, never looked up row by row.
 */
export async function openBlockMembers(tx: Queryable, pairedUpTo: number): Promise<void> {
  await tx.execute(sql`declare people_dedupe_members no scroll cursor for
    select k.key, b.size, p.id, p.birth_date, p.sex, array_to_string(p.citizenships, ${RECORD}) as citizenships,
      nm.names, dc.numbers, sk.keys
    from people_dedupe_blocks b
    join people_keys k on k.key = b.key
    join people_persons p on p.id = k.person_id and p.merged_into is null
    left join (
      select person_id,
        string_agg(concat_ws(${UNIT}, coalesce(given_names, ''), coalesce(family_name, ''), coalesce(full_name, ''),
          script, given_comparable, family_comparable, given_phonetic, family_phonetic), ${RECORD} order by added_at, id) as names,
        min(family_comparable || ' ' || given_comparable) as sort_name
      from people_names group by person_id
    ) nm on nm.person_id = p.id
    left join (
      select person_id, string_agg(number, ${RECORD} order by added_at, id) as numbers
      from people_documents group by person_id
    ) dc on dc.person_id = p.id
    left join (
      select mine.person_id, string_agg(distinct mine.key collate "C", ${RECORD} order by mine.key collate "C") as keys
      from people_keys mine join people_dedupe_blocks paired on paired.key = mine.key and paired.size <= ${pairedUpTo}
      group by mine.person_id
    ) sk on sk.person_id = p.id
    order by k.key collate "C",
      case when k.key like 'b:%' or k.key like 'd:%' then coalesce(nm.sort_name, '') else coalesce(p.birth_date, '') end
        collate "C",
      p.id`);
}

const orNull = (text: string | undefined) => (text ? text : null);

function memberOf(row: MemberRow): BlockMember {
  return {
    key: row.key,
    blockSize: row.size,
    profile: {
      id: row.id,
      birthDate: row.birth_date,
      sex: row.sex,
      citizenships: split(row.citizenships),
      names: split(row.names).map((name) => {
        const [
          givenNames,
          familyName,
          fullName,
          script,
          givenComparable,
          familyComparable,
          givenPhonetic,
          familyPhonetic,
        ] = name.split(UNIT);
        return {
          givenNames: orNull(givenNames),
          familyName: orNull(familyName),
          fullName: orNull(fullName),
          script: (script ?? "none") as MatchProfile["names"][number]["script"],
          givenComparable: givenComparable ?? "",
          familyComparable: familyComparable ?? "",
          givenPhonetic: givenPhonetic ?? "",
          familyPhonetic: familyPhonetic ?? "",
        };
      }),
      documentNumbers: split(row.numbers),
    },
    pairedKeys: split(row.keys),
  };
}

/** The next `count` block members of the cursor; fewer at its end. */
export async function fetchBlockMembers(tx: Queryable, count: number): Promise<BlockMember[]> {
  if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`not a row count: ${count}`);
  // FETCH takes no parameters; the count is a checked integer.
  const rows = await queryRows<MemberRow>(tx, sql.raw(`fetch forward ${count} from people_dedupe_members`));
  return rows.map(memberOf);
}
