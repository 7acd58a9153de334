import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { LegalTime } from "../definition/case-type.js";
import type { DeadlineClock } from "./case-state.js";

/** Every time zone's offset is a whole number of quarter hours: a legal date never changes within one. */
const quarterHour = 900_000;
// A rebuild replays cases in id order, whose events are spread over years: 200,000 quarter hours
// are more than five years (a few megabytes).
const rememberedQuarters = 200_000;
const rememberedDeadlines = 5000;

/** The engine's view of the country's legal calendar. */
export function calendarDeadlineClock(calendar: LegalCalendar): DeadlineClock {
  // Legal dates are asked for several times by every change of a case (and by every event of a
  // replay); the zone arithmetic behind them is the costly part, so they are remembered by quarter hour.
  const legalDates = new Map<number, string>();
  // Deadlines without pauses depend on the start and the legal time only: every replayed event of
  // a case asks for the same one again, and cases lodged on the same day share it.
  const unpausedDeadlines = new Map<string, string>();
  const computeDeadline = (
    start: string,
    legalTime: LegalTime,
    pauses: Array<{ from: string; to: string | null }>,
  ) => {
    const deadline = calendar.computeDeadline({
      start,
      amount: legalTime.amount,
      unit: legalTime.unit,
      pauses,
    });
    if (deadline.status !== "counting") throw new Error("the deadline of a stopped clock is not known");
    return deadline.due;
  };
  return {
    legalDate: (at) => {
      const quarter = Math.floor(at.getTime() / quarterHour);
      let date = legalDates.get(quarter);
      if (date === undefined) {
        date = calendar.legalDate(at);
        if (legalDates.size >= rememberedQuarters) legalDates.clear();
        legalDates.set(quarter, date);
      }
      return date;
    },
    deadline: ({ start, legalTime, pauses }) => {
      if (pauses.length > 0) return computeDeadline(start, legalTime, pauses);
      const key = `${start}|${legalTime.amount}|${legalTime.unit}`;
      let due = unpausedDeadlines.get(key);
      if (due === undefined) {
        due = computeDeadline(start, legalTime, pauses);
        if (unpausedDeadlines.size >= rememberedDeadlines) unpausedDeadlines.clear();
        unpausedDeadlines.set(key, due);
      }
      return due;
    },
  };
}
