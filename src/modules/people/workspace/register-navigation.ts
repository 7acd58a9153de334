import type { FastifyRequest } from "fastify";
import { registerPaths } from "./register-page-options.js";

/**
 * The register's lists, as sub-navigation: the review queue, the duplicate pairs of batch
 * deduplication, and the person search.
 */
export function registerSubNavigation(request: FastifyRequest, current: "review" | "duplicates" | "search") {
  return [
    {
      text: request.t("people.register.review.navigation"),
      href: registerPaths.reviewQueue,
      active: current === "review",
    },
    {
      text: request.t("people.register.duplicates.navigation"),
      href: registerPaths.duplicates,
      active: current === "duplicates",
    },
    {
      text: request.t("people.register.search.navigation"),
      href: registerPaths.search,
      active: current === "search",
    },
  ];
}
