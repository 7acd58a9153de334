import { consultationFollowers } from "./consultation/document-followers.js";
import {
  createPolicyStrategiesModule as createDocumentsModule,
  type PolicyStrategiesDependencies,
  type PolicyStrategiesModule,
} from "./strategies/strategies-module.js";

/**
 * The policy documents' module with the consultations following their documents: wired here, where
 * both are known, so the documents never import the consultations that build on them.
 */
export function createPolicyStrategiesModule(
  dependencies: Omit<PolicyStrategiesDependencies, "followers">,
): PolicyStrategiesModule {
  return createDocumentsModule({ ...dependencies, followers: consultationFollowers });
}
