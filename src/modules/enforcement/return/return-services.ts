import type { LegalCalendar } from "../../../platform/calendar/index.js";
import { countryProfile } from "../../../platform/country/index.js";
import { loadReturnLaw, type ReturnLaw } from "./return-law.js";

/** What the return operations need besides the case engine's context: the law and the calendar. */
export interface ReturnServices {
  law: ReturnLaw;
  calendar: LegalCalendar;
}

/** The law and the legal calendar of the country this process serves. */
export function returnServices(): ReturnServices {
  const profile = countryProfile();
  return { law: loadReturnLaw(profile.code), calendar: profile.calendar };
}
