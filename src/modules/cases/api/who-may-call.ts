/** Who may call the application endpoints, for their OpenAPI descriptions. */
export const whoMayCall =
  "An employer's system calls it with an API key holding the case type's write scope (`work-permits:write`); " +
  "a signed-in applicant calls it from their browser with their session (and the CSRF token in an " +
  "`x-csrf-token` header). Another account's application answers 404.";
