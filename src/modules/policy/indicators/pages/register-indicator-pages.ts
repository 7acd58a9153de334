import type { FastifyInstance } from "fastify";
import { type IndicatorPagesDependencies, indicatorPages } from "../indicator-pages-module.js";
import { registerDefinitionPages } from "./definition/routes.js";
import { registerFilterCodes } from "./filter-codes/routes.js";
import { registerIndicatorPage } from "./indicator/routes.js";
import { registerIndicatorListPage } from "./indicator-list/routes.js";
import { registerValueEntryPage } from "./value-entry/routes.js";

/** The policy indicators' pages: list, definition form (before `:code`), an indicator, value entry. */
export function registerPolicyIndicatorPages(
  app: FastifyInstance,
  dependencies: IndicatorPagesDependencies,
): void {
  const pages = indicatorPages(dependencies);
  registerIndicatorListPage(app, pages);
  registerDefinitionPages(app, pages);
  registerFilterCodes(app, pages);
  registerIndicatorPage(app, pages);
  registerValueEntryPage(app, pages);
}
