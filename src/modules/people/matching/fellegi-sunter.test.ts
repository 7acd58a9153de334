import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type ComparisonVectors,
  estimateModel,
  type FellegiSunterModel,
  levelWeights,
  MISSING_LEVEL,
  scoreVectors,
} from "./fellegi-sunter.js";

function vectorsOf(rows: number[][]): ComparisonVectors {
  const fields = rows[0]?.length ?? 0;
  return { fields, count: rows.length, levels: Uint8Array.from(rows.flat()) };
}

/** A small deterministic generator (mulberry32), so the sample is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("Fellegi-Sunter weights", () => {
  it("are log2(m/u) for agreement and log2((1-m)/(1-u)) for disagreement", () => {
    const model: FellegiSunterModel = { m: [[0.1, 0.9]], u: [[0.9, 0.1]], matchProportion: 0.5 };
    const [weights] = levelWeights(model);
    expect(weights?.[1]).toBeCloseTo(Math.log2(9), 12);
    expect(weights?.[0]).toBeCloseTo(-Math.log2(9), 12);
  });

  it("sum over the known fields; a missing field adds nothing", () => {
    const model: FellegiSunterModel = {
      m: [
        [0.1, 0.9],
        [0.2, 0.8],
      ],
      u: [
        [0.9, 0.1],
        [0.6, 0.4],
      ],
      matchProportion: 0.5,
    };
    const scores = scoreVectors(
      vectorsOf([
        [1, 1],
        [1, MISSING_LEVEL],
        [0, 0],
      ]),
      levelWeights(model),
    );
    expect(scores[0]).toBeCloseTo(Math.log2(9) + 1, 12);
    expect(scores[1]).toBeCloseTo(Math.log2(9), 12);
    expect(scores[2]).toBeCloseTo(Math.log2(0.1 / 0.9) + Math.log2(0.2 / 0.6), 12);
  });

  it("rise with every field that moves from disagreement to missing to agreement", () => {
    const binaryModels = fc
      .array(
        fc
          .tuple(
            fc.double({ min: 0.01, max: 0.99, noNaN: true }),
            fc.double({ min: 0.01, max: 0.99, noNaN: true }),
          )
          .filter(([a, b]) => Math.abs(a - b) > 1e-3)
          .map(([a, b]) => ({ m: Math.max(a, b), u: Math.min(a, b) })),
        { minLength: 1, maxLength: 6 },
      )
      .chain((fields) =>
        fc.tuple(
          fc.constant(fields),
          fc.array(fc.constantFrom(0, 1, MISSING_LEVEL), {
            minLength: fields.length,
            maxLength: fields.length,
          }),
          fc.nat(fields.length - 1),
        ),
      );
    fc.assert(
      fc.property(binaryModels, ([fields, vector, field]) => {
        const weights = levelWeights({
          m: fields.map(({ m }) => [1 - m, m]),
          u: fields.map(({ u }) => [1 - u, u]),
          matchProportion: 0.5,
        });
        const at = (level: number) => {
          const changed: number[] = [...vector];
          changed[field] = level;
          return scoreVectors(vectorsOf([changed]), weights)[0] ?? Number.NaN;
        };
        expect(at(0)).toBeLessThan(at(MISSING_LEVEL));
        expect(at(MISSING_LEVEL)).toBeLessThan(at(1));
      }),
    );
  });
});

describe("EM estimation", () => {
  it("recovers m, u and the match proportion from unlabelled vectors", () => {
    const random = seeded(7);
    const m = [0.95, 0.9, 0.85];
    const u = [0.1, 0.05, 0.2];
    const rows = Array.from({ length: 20_000 }, () => {
      const match = random() < 0.2;
      return m.map((mf, f) => (random() < (match ? mf : (u[f] ?? 0)) ? 1 : 0));
    });
    const model = estimateModel(vectorsOf(rows), { levelCounts: [2, 2, 2] });
    expect(model.matchProportion).toBeCloseTo(0.2, 1);
    expect(model.m.map((row) => row[1])).toEqual(m.map((mf) => expect.closeTo(mf, 1)));
    expect(model.u.map((row) => row[1])).toEqual(u.map((uf) => expect.closeTo(uf, 1)));
  });

  it("keeps every probability strictly inside (0, 1), rows summing to 1", () => {
    const samples = fc
      .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 3 }))
      .chain(([fields, levels]) =>
        fc.tuple(
          fc.constant(levels),
          fc.array(
            fc.array(fc.oneof(fc.integer({ min: 0, max: levels - 1 }), fc.constant(MISSING_LEVEL)), {
              minLength: fields,
              maxLength: fields,
            }),
            { minLength: 1, maxLength: 40 },
          ),
        ),
      );
    fc.assert(
      fc.property(samples, ([levels, rows]) => {
        const model = estimateModel(vectorsOf(rows), {
          levelCounts: (rows[0] ?? []).map(() => levels),
          maxIterations: 50,
        });
        const probabilities = [model.matchProportion, ...model.m.flat(), ...model.u.flat()];
        for (const p of probabilities) {
          expect(p).toBeGreaterThan(0);
          expect(p).toBeLessThan(1);
        }
        for (const row of [...model.m, ...model.u]) {
          expect(row.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 9);
        }
      }),
    );
  });
});
