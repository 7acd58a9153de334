import type { FastifyReply, FastifyRequest } from "fastify";
import { pageId } from "../../id-params.js";
import type { AccessModule } from "../../module.js";
import { authContextOf } from "../auth-context.js";
import { forgetKnownDevices } from "../forget-known-devices.js";

/** POST /account/devices/:id/forget: one of the signed-in person's own known devices. */
export async function forgetDevice(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const id = pageId(request);
  const principal = request.principal;
  if (!principal) return reply.redirect("/sign-in", 303);
  await forgetKnownDevices(authContextOf(access, request), principal, id);
  return reply.redirect("/account?done=deviceForgotten#devices", 303);
}

/** POST /account/devices/forget-all: every known device of the signed-in person. */
export async function forgetAllDevices(access: AccessModule, request: FastifyRequest, reply: FastifyReply) {
  const principal = request.principal;
  if (!principal) return reply.redirect("/sign-in", 303);
  await forgetKnownDevices(authContextOf(access, request), principal);
  return reply.redirect("/account?done=allDevicesForgotten#devices", 303);
}
