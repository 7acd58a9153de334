/** A time something of one person lasts: from its first day to the first day it no longer does. */
export interface Spell<T> {
  /** First day (YYYY-MM-DD). */
  start: string;
  /** First day after it, or null while it lasts. */
  endExclusive: string | null;
  item: T;
}

/**
 * Splits the days covered by a person's spells into stretches, each carried by one spell: of the
 * spells running in it, the one `preferred` puts first. Stocks of persons count a stretch, not every
 * spell, so a person with two open applications or two valid permits is in the stock once. Spells
 * that end before they start cover no day. Neighbouring stretches of the same spell are joined.
 */
export function stretchesOfOne<T>(spells: Spell<T>[], preferred: (a: T, b: T) => number): Spell<T>[] {
  const real = spells.filter((spell) => spell.endExclusive === null || spell.endExclusive > spell.start);
  // Which spells run changes only where one starts or ends.
  const bounds = [
    ...new Set(
      real.flatMap((spell) => (spell.endExclusive ? [spell.start, spell.endExclusive] : [spell.start])),
    ),
  ].sort();
  const stretches: Spell<T>[] = [];
  bounds.forEach((from, index) => {
    const to = bounds[index + 1] ?? null;
    const running = real
      .filter((spell) => spell.start <= from && (spell.endExclusive === null || spell.endExclusive > from))
      .map((spell) => spell.item)
      .sort(preferred);
    const carrier = running[0];
    if (carrier === undefined) return;
    const last = stretches.at(-1);
    if (last && last.item === carrier && last.endExclusive === from) last.endExclusive = to;
    else stretches.push({ start: from, endExclusive: to, item: carrier });
  });
  return stretches;
}
