/**
 * The country profile: locales and their Intl tags, time zone, currency, legal calendar, regions and
 * agencies of the country Karvan serves, chosen by `KARVAN_COUNTRY`. See docs/adr/0029-country-profile.md.
 */
export {
  type AgencyDefinition,
  type CountryProfile,
  CountryProfileError,
  countryProfileFile,
  loadCountryProfile,
  type Region,
} from "./country-profile.js";
export { countryProfile, referenceCountry, selectCountryProfile } from "./selected-country.js";
