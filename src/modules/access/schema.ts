import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const agencies = pgTable("agencies", {
  id: uuid("id").primaryKey().defaultRandom(),
  code: text("code").notNull().unique(),
  kind: text("kind").notNull(),
  nameAz: text("name_az").notNull(),
  nameEn: text("name_en").notNull(),
  nameRu: text("name_ru").notNull(),
  region: text("region"),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

export const roles = pgTable("roles", {
  code: text("code").primaryKey(),
  nameAz: text("name_az").notNull(),
  nameEn: text("name_en").notNull(),
  nameRu: text("name_ru").notNull(),
  /** Staff roles need an agency and multi-factor sign-in; public roles do not. */
  staff: boolean("staff").notNull(),
  /** Built-in roles can have their permissions changed but cannot be deleted. */
  builtIn: boolean("built_in").notNull().default(false),
  permissions: text("permissions").array().notNull().default(sql`'{}'::text[]`),
  createdAt: createdAt(),
});

/**
 * The permissions whose built-in grants have been given to this database's built-in roles. A
 * permission added in a later version is granted once to the built-in roles that hold it by
 * default; an administrator who then takes it away keeps it away.
 */
export const grantedPermissionDefaults = pgTable("granted_permission_defaults", {
  permission: text("permission").primaryKey(),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    kind: text("kind", { enum: ["public", "staff"] }).notNull(),
    agencyId: uuid("agency_id").references(() => agencies.id),
    status: text("status", { enum: ["pending_verification", "active", "disabled"] }).notNull(),
    locale: text("locale").notNull().default("az"),
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** TOTP secret, encrypted with the file key (AES-256-GCM); null until enrolment starts. */
    mfaSecretEncrypted: text("mfa_secret_encrypted"),
    mfaEnabledAt: timestamp("mfa_enabled_at", { withTimezone: true }),
    /** The last accepted TOTP time step, so that one code cannot be used twice. */
    mfaLastStep: bigint("mfa_last_step", { mode: "number" }),
    passwordChangedAt: timestamp("password_changed_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_unique").on(sql`lower(${table.email})`)],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    roleCode: text("role_code")
      .notNull()
      .references(() => roles.code),
    createdAt: createdAt(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.roleCode] })],
);

export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("recovery_codes_user").on(table.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself exists only in the user's cookie. */
    idHash: text("id_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** False while a staff member has given the password but not yet the second factor. */
    mfaPassed: boolean("mfa_passed").notNull().default(false),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (table) => [index("sessions_user").on(table.userId), index("sessions_expires").on(table.expiresAt)],
);

export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    /** Null when the typed address has no account: those attempts are throttled all the same. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: ["password", "mfa", "password_reset"] }).notNull(),
    succeeded: boolean("succeeded").notNull(),
    ip: text("ip"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** Keyed hash of the normalised e-mail address typed: the account, whether or not it exists. */
    subject: text("subject"),
    /** Where the attempt came from: `device:<id>` (a known device) or `ip:<address>`. */
    source: text("source"),
  },
  (table) => [
    index("sign_in_attempts_user_at").on(table.userId, table.at),
    index("sign_in_attempts_subject").on(table.subject, table.kind, table.at),
  ],
);

/**
 * The browsers that proved themselves for an account (see known-device.ts). The signed cookie
 * names the device; only a device listed here counts as known, so deleting the row forgets it.
 */
export const knownDevices = pgTable(
  "known_devices",
  {
    /** Names the device on pages; the device id stays in the cookie and here. */
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    deviceId: text("device_id").notNull(),
    /** The browser family and system from the user agent ("Firefox", "Windows"); never the header itself. */
    browser: text("browser"),
    platform: text("platform"),
    firstUsedAt: timestamp("first_used_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("known_devices_user_device").on(table.userId, table.deviceId)],
);

export const emailTokens = pgTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ["verify_email", "reset_password", "unlock_sign_in"] }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (table) => [index("email_tokens_user").on(table.userId)],
);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** The first characters of the key, shown to the owner and used to find the row. */
    prefix: text("prefix").notNull().unique(),
    /** SHA-256 of the whole key; keys are long random strings, so a slow hash adds nothing. */
    keyHash: text("key_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("api_keys_user").on(table.userId)],
);

/**
 * The audit trail. Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. Records name
 * who did what to which record, never the personal data itself.
 */
export const auditRecords = pgTable(
  "audit_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type", { enum: ["user", "api_key", "system", "anonymous"] }).notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["success", "failure", "denied"] }).notNull(),
    entityType: text("entity_type"),
    entityId: text("entity_id"),
    agencyId: uuid("agency_id"),
    ip: text("ip"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, string | number | boolean | null>>(),
  },
  (table) => [
    index("audit_records_at").on(table.at),
    index("audit_records_actor").on(table.actorId, table.at),
    index("audit_records_entity").on(table.entityType, table.entityId),
    index("audit_records_action").on(table.action, table.at),
  ],
);

/**
 * The hash chain over the audit trail, one row per record id in order. A row either seals the
 * record (present) or states that no record had that id when it was sealed (a sequence gap),
 * so that removed and inserted records are both detectable. Also append-only.
 */
export const auditSeals = pgTable("audit_seals", {
  recordId: bigint("record_id", { mode: "number" }).primaryKey(),
  present: boolean("present").notNull(),
  /** HMAC-SHA-256 over the previous seal's hash and this record's canonical form. */
  hash: text("hash").notNull(),
  sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  batch: integer("batch").notNull(),
});
