import { type CountryProfile, countryProfileFile, loadCountryProfile } from "./country-profile.js";

/**
 * The country this process serves. One process serves one country, chosen once at start-up from
 * `KARVAN_COUNTRY`; keeping it here lets a formatter or a schema read it without every caller
 * passing it along.
 */
let selected: CountryProfile | undefined;

/** Chooses the country for this process: the composition root does, before anything is built. */
export function selectCountryProfile(profile: CountryProfile): void {
  selected = profile;
}

/** The country this process serves; the reference country (Azerbaijan) until one is chosen. */
export function countryProfile(): CountryProfile {
  selected ??= loadCountryProfile(countryProfileFile(referenceCountry));
  return selected;
}

/** The country Karvan is built for and `KARVAN_COUNTRY`'s default. */
export const referenceCountry = "az";
