import type { FastifyRequest } from "fastify";
import { registerPaths } from "./register-page-options.js";

/** The register's two lists, the review queue and the person search, as sub-navigation. */
export function registerSubNavigation(request: FastifyRequest, current: "review" | "search") {
  return [
    {
      text: request.t("people.register.review.navigation"),
      href: registerPaths.reviewQueue,
      active: current === "review",
    },
    {
      text: request.t("people.register.search.navigation"),
      href: registerPaths.search,
      active: current === "search",
    },
  ];
}
