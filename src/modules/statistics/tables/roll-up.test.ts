import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CubeSum } from "../cubes/cube-repository.js";
import { rollUp } from "./compute-official-table.js";
import { tableDefinition } from "./table-definitions.js";

/** The obvious way: every raw cell adds to every combination of the codes it rolls up to. */
function naive(
  definition: NonNullable<ReturnType<typeof tableDefinition>>,
  sums: CubeSum[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sum of sums) {
    const lists = definition.dimensions.map((dimension) => dimension.expand(sum[dimension.from]));
    const combos = lists.reduce<string[][]>(
      (all, list) => all.flatMap((combo) => list.map((code) => [...combo, code])),
      [[]],
    );
    for (const combo of combos) {
      const id = combo.join("\u0000");
      counts.set(id, (counts.get(id) ?? 0) + sum.n);
    }
  }
  return counts;
}

describe("rolling a table up to its totals and aggregates", () => {
  it("gives what expanding every raw cell into all its combinations gives", () => {
    const definition = tableDefinition("asylum-first-instance-decisions");
    if (!definition) throw new Error("table missing");
    const sum = fc.record({
      citizen: fc.constantFrom("SY", "AF", "UNK"),
      sex: fc.constantFrom("F", "M", "UNK"),
      age: fc.constantFrom("Y_LT14", "Y14-17", "Y18-34", "Y35-64", "Y_GE65", "UNK"),
      d1: fc.constantFrom("GENCONV", "SUB_PROT", "HUMSTAT", "REJECTED"),
      d2: fc.constant(""),
      d3: fc.constant(""),
      n: fc.integer({ min: 1, max: 50 }),
      total: fc.constant(0),
    });
    fc.assert(
      fc.property(fc.array(sum, { maxLength: 40 }), (sums) => {
        const rolled = new Map([...rollUp(definition, sums)].map(([id, cell]) => [id, cell.value]));
        expect(rolled).toEqual(naive(definition, sums));
      }),
      { numRuns: 200 },
    );
  });
});
