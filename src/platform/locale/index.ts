/** Formatting for the reader's language in the country's zone and currency (see platform/country). */
export {
  dateTimeFormat,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  intlTag,
  numberFormat,
} from "./format.js";
