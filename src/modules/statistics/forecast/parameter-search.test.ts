import { describe, expect, it } from "vitest";
import { minimiseOnUnitCube } from "./parameter-search.js";

describe("minimiseOnUnitCube", () => {
  const axis = [0.1, 0.5, 0.9];

  it("finds a minimum between the grid points", () => {
    const { point, value } = minimiseOnUnitCube(
      ([x = 0, y = 0]) => (x - 0.31) ** 2 + (y - 0.77) ** 2,
      [axis, axis],
    );
    expect(point[0]).toBeCloseTo(0.31, 3);
    expect(point[1]).toBeCloseTo(0.77, 3);
    expect(value).toBeLessThan(1e-6);
  });

  it("stays inside the cube when the minimum lies outside it", () => {
    const { point } = minimiseOnUnitCube(([x = 0]) => (x + 1) ** 2, [axis]);
    expect(point).toEqual([0]);
  });
});
