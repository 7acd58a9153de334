/**
 * Minimises a function over the unit cube [0, 1]^d without derivatives: a coarse grid first, because
 * the Holt-Winters error surface often has several shallow basins, then a compass (pattern) search from
 * the best grid point, halving the step until it is below the tolerance. Deterministic by construction,
 * so the same series always gets the same parameters.
 */
export function minimiseOnUnitCube(
  objective: (point: number[]) => number,
  gridPerDimension: number[][],
  tolerance = 1e-4,
): { point: number[]; value: number } {
  let best = { point: gridPerDimension.map((axis) => axis[0] ?? 0.5), value: Number.POSITIVE_INFINITY };
  for (const point of cartesianProduct(gridPerDimension)) {
    const value = objective(point);
    if (value < best.value) best = { point, value };
  }
  let step = gridStep(gridPerDimension) / 2;
  // The cap only guards against a pathological objective creeping along a ridge; real fits stop far earlier.
  for (let round = 0; step >= tolerance && round < 5_000; round++) {
    let improved = false;
    for (let dimension = 0; dimension < best.point.length; dimension++) {
      for (const direction of [1, -1]) {
        const candidate = [...best.point];
        candidate[dimension] = clampToUnit((candidate[dimension] ?? 0) + direction * step);
        const value = objective(candidate);
        if (value < best.value) {
          best = { point: candidate, value };
          improved = true;
        }
      }
    }
    if (!improved) step /= 2;
  }
  return best;
}

function cartesianProduct(axes: number[][]): number[][] {
  return axes.reduce<number[][]>(
    (points, axis) => points.flatMap((point) => axis.map((value) => [...point, value])),
    [[]],
  );
}

function gridStep(axes: number[][]): number {
  const steps = axes.map((axis) => (axis.length > 1 ? Math.abs((axis[1] ?? 0) - (axis[0] ?? 0)) : 0.25));
  return Math.max(...steps, 1e-3);
}

function clampToUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
