/**
 * Legal calendars: working days and public holidays per country and year, and the deadline
 * arithmetic of the case engine. See docs/adr/0009-legal-calendar.md.
 */
export {
  type CountryCalendarData,
  countryCalendarSchema,
  type NonWorkingDayData,
  type NonWorkingDayKind,
  nonWorkingDayKinds,
  type YearCalendarData,
  yearCalendarSchema,
} from "./calendar-data.js";
export { type DayFacts, DayTable, type Transfer } from "./day-table.js";
export type { Deadline, DeadlineProgress, DeadlineSpec } from "./deadlines.js";
export {
  CalendarCountryMissingError,
  CalendarDataError,
  CalendarYearMissingError,
  InvalidDeadlineError,
  InvalidLegalDateError,
  LegalCalendarError,
} from "./errors.js";
export { LegalCalendar } from "./legal-calendar.js";
export { type DayInput, isLegalDate, type LegalDate, legalDateAt } from "./legal-date.js";
export {
  buildLegalCalendars,
  type CalendarFile,
  LegalCalendars,
  loadLegalCalendars,
  shippedCalendarDataDir,
} from "./load-calendars.js";
