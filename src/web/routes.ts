import type { FastifyInstance, FastifyRequest } from "fastify";
import type { Guards } from "../modules/access/index.js";
import { navigationFor } from "./navigation.js";

/**
 * What a module shows on the staff home page for the person signed in (work waiting for them):
 * a template of the module and its data, or null when it has nothing for this person.
 */
export type StaffHomePanel = (
  request: FastifyRequest,
) => Promise<({ template: string } & Record<string, unknown>) | null>;

/** Landing pages of the public portal and the staff workspace. */
export async function registerWebRoutes(
  app: FastifyInstance,
  guards: Guards,
  demo: boolean,
  staffHomePanels: StaffHomePanel[] = [],
): Promise<void> {
  app.addHook("preHandler", async (request) => {
    const path = request.url.split("?")[0] ?? "/";
    request.viewContext.navigation = navigationFor(request.principal, request.t, path, demo);
  });

  // Browsers and other clients ask for /favicon.ico whatever the page links (a PDF viewed inline).
  app.get("/favicon.ico", { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect("/assets/images/favicon.ico", 301),
  );

  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    if (request.principal?.kind === "staff") return reply.redirect("/staff", 303);
    return reply.render("home.njk", { title: request.t("home.title") });
  });

  app.get(
    "/staff",
    { schema: { hide: true }, preHandler: guards.requireSignedIn },
    async (request, reply) => {
      if (request.principal?.kind !== "staff") return reply.redirect("/account", 303);
      const panels = await Promise.all(staffHomePanels.map((panel) => panel(request)));
      return reply.render("staff-home.njk", {
        title: request.t("home.staffTitle"),
        panels: panels.filter((panel) => panel !== null),
      });
    },
  );
}
