import type { FastifyRequest } from "fastify";
import type { Principal } from "../../principal.js";
import { apiKeyScopes, scopesOfferedTo, scopeTextKeys } from "../api-key-scopes.js";
import type { CreatedApiKey } from "../create-api-key.js";
import { maxUsableApiKeys } from "../create-api-key.js";
import { expiryChoices } from "./form.js";

export interface NewKeyValues {
  name?: unknown;
  scopes: string[];
  expiry?: unknown;
}

/** The form of a new key: the scopes the owner may give, and how long the key works. */
export function newKeyView(request: FastifyRequest, principal: Principal, values: NewKeyValues) {
  return {
    title: request.t("apiKeys.new.title"),
    values,
    scopeItems: scopesOfferedTo(principal.permissions).map((scope) => {
      const keys = scopeTextKeys(scope);
      return {
        value: scope.code,
        text: request.t(keys.name),
        hint: { text: `${request.t(keys.description)} (${scope.code})` },
        checked: values.scopes.includes(scope.code),
      };
    }),
    expiryItems: expiryChoices.map((choice) => ({
      value: choice,
      text: request.t(`apiKeys.new.expiry.${choice === "never" ? "never" : `days${choice}`}`),
      checked: values.expiry === choice,
    })),
    maxKeys: maxUsableApiKeys,
  };
}

/** The page showing the whole key, the only time it is shown. */
export function createdKeyView(
  request: FastifyRequest,
  created: CreatedApiKey,
  form: { name: string; scopes: string[] },
) {
  return {
    title: request.t("apiKeys.created.title"),
    key: created.key,
    name: form.name,
    expiresAt: created.expiresAt,
    scopeLabels: apiKeyScopes
      .filter((scope) => form.scopes.includes(scope.code))
      .map((scope) => request.t(scopeTextKeys(scope).name)),
  };
}
