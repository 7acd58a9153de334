import { describe, expect, it } from "vitest";
import type { BlockMember } from "./block-members.js";
import { BlockPairing } from "./block-pairing.js";

/** A member of block `key` of `size` persons; `pairedKeys` are the person's small blocks. */
const member = (key: string, size: number, id: string, pairedKeys: string[]): BlockMember => ({
  key,
  blockSize: size,
  profile: { id, birthDate: null, sex: null, citizenships: [], names: [], documentNumbers: [] },
  pairedKeys,
});

function pairsOf(pairedUpTo: number, window: number, members: BlockMember[]): string[] {
  const compared: string[] = [];
  const pairing = new BlockPairing(pairedUpTo, window, (a, b, byNeighbourhood) =>
    compared.push(`${a.id}-${b.id}${byNeighbourhood ? " by neighbourhood" : ""}`),
  );
  for (const one of members) pairing.add(one);
  pairing.finish();
  return compared;
}

describe("BlockPairing", () => {
  it("compares a pair of small blocks once, in the first block the two share", () => {
    const keys = { a: ["b:1980-05-12", "n:al|mdv"], b: ["b:1980-05-12", "n:al|mdv"], c: ["n:al|mdv"] };
    expect(
      pairsOf(50, 10, [
        member("b:1980-05-12", 2, "a", keys.a),
        member("b:1980-05-12", 2, "b", keys.b),
        member("n:al|mdv", 3, "a", keys.a),
        member("n:al|mdv", 3, "b", keys.b),
        member("n:al|mdv", 3, "c", keys.c),
      ]),
    ).toEqual(["a-b", "a-c", "b-c"]);
  });

  it("compares each member of a large block with its neighbours only, and a person held twice once", () => {
    const large = ["p", "q", "q", "r", "s"].map((id) => member("n:anr|mdv", 4, id, []));
    expect(pairsOf(3, 1, large)).toEqual([
      "p-q by neighbourhood",
      "q-r by neighbourhood",
      "r-s by neighbourhood",
    ]);
  });

  it("leaves to the small block a pair of neighbours that also share one", () => {
    const shared = ["d:C1"];
    expect(
      pairsOf(3, 2, [
        member("d:C1", 2, "p", shared),
        member("d:C1", 2, "q", shared),
        member("n:anr|mdv", 4, "p", shared),
        member("n:anr|mdv", 4, "q", shared),
        member("n:anr|mdv", 4, "r", []),
      ]),
    ).toEqual(["p-q", "p-r by neighbourhood", "q-r by neighbourhood"]);
  });
});
