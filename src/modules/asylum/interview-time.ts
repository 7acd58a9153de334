/** The wall clock of `timeZone` at `instant`, read as if it were UTC (milliseconds). */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((one) => one.type === type)?.value);
  return Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
}

/**
 * The instant a day and time on the country's wall clock stand for (an appointment is set as the
 * people who keep it read their clocks); null for a day or time that does not exist.
 */
export function instantOnWallClock(day: string, time: string, timeZone: string): Date | null {
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const clock = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(time.trim());
  if (!date || !clock) return null;
  const [year, month, dayOfMonth] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const asUtc = Date.UTC(year, month - 1, dayOfMonth, Number(clock[1]), Number(clock[2]));
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== dayOfMonth) return null;
  // The zone's offset at that moment, applied twice for a moment near a change of offset.
  let instant = asUtc - (wallClockAsUtc(asUtc, timeZone) - asUtc);
  instant = asUtc - (wallClockAsUtc(instant, timeZone) - instant);
  return new Date(instant);
}
