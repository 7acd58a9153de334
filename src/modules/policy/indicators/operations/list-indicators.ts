import { findAgenciesByIds } from "../../../access/index.js";
import { authorizeIndicatorReading } from "../indicator-access.js";
import type { IndicatorContext } from "../indicator-context.js";
import type { LocalisedText, PolicyIndicator } from "../indicator-record.js";
import { searchIndicators } from "../indicator-repository.js";

export interface ListedIndicator extends PolicyIndicator {
  agency: { code: string; names: LocalisedText } | null;
}

/** The indicators whose code or name contains `search`, with their responsible agencies. */
export async function listIndicators(context: IndicatorContext, search: string): Promise<ListedIndicator[]> {
  await authorizeIndicatorReading(context);
  const indicators = await searchIndicators(context.db, search.trim());
  const agencyIds = [...new Set(indicators.map((indicator) => indicator.responsibleAgencyId))];
  const agencies = new Map(
    (await findAgenciesByIds(context.db, agencyIds)).map((agency) => [agency.id, agency]),
  );
  return indicators.map((indicator) => {
    const agency = agencies.get(indicator.responsibleAgencyId);
    return { ...indicator, agency: agency ? { code: agency.code, names: agency.names } : null };
  });
}
