/**
 * Errors of the legal calendar, each with a stable code. The calendar is platform code and
 * knows nothing of HTTP: callers turn these into domain errors where a person must see them.
 */
export class LegalCalendarError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "LegalCalendarError";
  }
}

/** A computation reached a year for which the country has no calendar file. */
export class CalendarYearMissingError extends LegalCalendarError {
  constructor(
    readonly country: string,
    readonly year: number,
  ) {
    super(
      "calendar.yearMissing",
      `No legal calendar for ${country} ${year}: add src/platform/calendar/data/${country.toLowerCase()}-${year}.json ` +
        "from the official calendar of that year before counting days in it.",
    );
    this.name = "CalendarYearMissingError";
  }
}

export class CalendarCountryMissingError extends LegalCalendarError {
  constructor(readonly country: string) {
    super("calendar.countryMissing", `No legal calendar for country ${country}.`);
    this.name = "CalendarCountryMissingError";
  }
}

export class InvalidLegalDateError extends LegalCalendarError {
  constructor(readonly value: string) {
    super("calendar.invalidDate", `Not a legal date (expected an existing day written YYYY-MM-DD): ${value}`);
    this.name = "InvalidLegalDateError";
  }
}

/** A calendar data file is malformed or contradicts the law layer; start-up must stop. */
export class CalendarDataError extends LegalCalendarError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super("calendar.invalidData", `Legal calendar data ${file} is invalid:\n  - ${problems.join("\n  - ")}`);
    this.name = "CalendarDataError";
  }
}

/** A deadline specification the calendar cannot count (negative amount, overlapping pauses...). */
export class InvalidDeadlineError extends LegalCalendarError {
  constructor(message: string) {
    super("calendar.invalidDeadline", message);
    this.name = "InvalidDeadlineError";
  }
}
