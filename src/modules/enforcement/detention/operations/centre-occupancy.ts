import { DomainError } from "../../../../platform/errors/index.js";
import { authorizeDetention } from "../detention-access.js";
import type { DetentionContext } from "../detention-context.js";
import { longestOccupancyMonths, type OccupancyPeriod } from "../detention-filters.js";
import type { Centre, OccupancyDay } from "../detention-records.js";
import { listCentres, occupancyByDay } from "../detention-repository.js";
import { addDays, lastDayOfMonths } from "../time-limits.js";

export interface CentreOccupancy {
  period: OccupancyPeriod;
  centres: Array<{ centre: Centre; days: OccupancyDay[] }>;
}

/**
 * Each centre's capacity and, for each day of the period, the people present at the day's end,
 * arrivals and releases or removals. Counts everyone, whichever agency placed them: figures name
 * no one, so only the permission is checked. The period is checked by the caller's form; a period
 * longer than a year is refused here too, since its cost grows with its length.
 */
export async function centreOccupancy(
  context: DetentionContext,
  period: OccupancyPeriod,
): Promise<CentreOccupancy> {
  await authorizeDetention(context);
  if (period.to < period.from || period.to > lastDayOfMonths(period.from, longestOccupancyMonths)) {
    throw new DomainError("detention_period_invalid", 400, "detention.errors.periodTooLong");
  }
  const [centres, occupancy] = await Promise.all([
    listCentres(context.db),
    occupancyByDay(context.db, period.from, period.to),
  ]);
  const emptyDays = (): OccupancyDay[] => {
    const days: OccupancyDay[] = [];
    for (let date = period.from; date <= period.to; date = addDays(date, 1)) {
      days.push({ date, present: 0, arrivals: 0, releases: 0 });
    }
    return days;
  };
  return {
    period,
    centres: centres.map((centre) => ({ centre, days: occupancy.get(centre.id) ?? emptyDays() })),
  };
}
