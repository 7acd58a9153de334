import type { LegalCalendar } from "../../../platform/calendar/index.js";
import type { DeadlineClock } from "./case-state.js";

/** Every time zone's offset is a whole number of quarter hours: a legal date never changes within one. */
const quarterHour = 900_000;
const rememberedQuarters = 5000;

/** The engine's view of the country's legal calendar. */
export function calendarDeadlineClock(calendar: LegalCalendar): DeadlineClock {
  // Legal dates are asked for several times by every change of a case (and by every event of a
  // replay); the zone arithmetic behind them is the costly part, so they are remembered by quarter hour.
  const legalDates = new Map<number, string>();
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
      const deadline = calendar.computeDeadline({
        start,
        amount: legalTime.amount,
        unit: legalTime.unit,
        pauses,
      });
      if (deadline.status !== "counting") throw new Error("the deadline of a stopped clock is not known");
      return deadline.due;
    },
  };
}
