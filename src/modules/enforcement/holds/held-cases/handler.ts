import type { FastifyReply, FastifyRequest } from "fastify";
import { formatLongDate, listHeldCases } from "../../../cases/index.js";
import type { EnforcementServices } from "../../enforcement-services.js";

/** GET /holds: every open hold of the officer's agency, with the list and score that made it. */
export async function showHeldCases(
  services: EnforcementServices,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const { cases } = services;
  const { t, locale } = request;
  const held = await listHeldCases(cases.contextFor(request));
  return reply
    .header("cache-control", "private, no-store")
    .render("enforcement/holds/held-cases/held-cases.njk", {
      title: t("enforcement.holds.title"),
      held: held.map((one) => ({
        href: `/holds/${one.id}`,
        number: one.number,
        type: cases.registry.get(one.typeCode, one.typeVersion).name[locale],
        submitted: one.submittedAt ? formatLongDate(one.submittedAt, locale) : "—",
        list: t(`enforcement.lists.${one.hold.list}`),
        score: one.hold.score,
      })),
    });
}
