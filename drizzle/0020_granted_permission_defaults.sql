CREATE TABLE "granted_permission_defaults" (
	"permission" text PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
-- Databases made before this table were created with these permissions already granted: only
-- permissions introduced since are granted to the built-in roles on the next start.
INSERT INTO "granted_permission_defaults" ("permission")
SELECT unnest(ARRAY['portal.apply', 'portal.register_guests', 'portal.employer', 'api_keys.manage_own',
  'cases.read', 'cases.process', 'cases.approve', 'cases.assign', 'persons.read', 'labour.opinion',
  'integration.manage', 'enforcement.manage', 'statistics.read', 'policy.manage', 'training.manage',
  'publicinfo.edit', 'admin.users', 'admin.roles', 'admin.agencies', 'audit.read', 'mail.outbox.read',
  'scope.all_agencies'])
WHERE EXISTS (SELECT 1 FROM "roles");
