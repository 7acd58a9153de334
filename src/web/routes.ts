import type { FastifyInstance } from "fastify";
import type { Guards } from "../modules/access/index.js";
import { navigationFor } from "./navigation.js";

/** Landing pages of the public portal and the staff workspace. */
export async function registerWebRoutes(app: FastifyInstance, guards: Guards, demo: boolean): Promise<void> {
  app.addHook("preHandler", async (request) => {
    const path = request.url.split("?")[0] ?? "/";
    request.viewContext.navigation = navigationFor(request.principal, request.t, path, demo);
  });

  app.get("/", { schema: { hide: true } }, async (request, reply) => {
    if (request.principal?.kind === "staff") return reply.redirect("/staff", 303);
    return reply.render("home.njk", { title: request.t("home.title") });
  });

  app.get(
    "/staff",
    { schema: { hide: true }, preHandler: guards.requireSignedIn },
    async (request, reply) => {
      if (request.principal?.kind !== "staff") return reply.redirect("/account", 303);
      return reply.render("staff-home.njk", { title: request.t("home.staffTitle") });
    },
  );
}
