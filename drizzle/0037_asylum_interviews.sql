CREATE TABLE "asylum_interviews" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"place" text NOT NULL,
	"interpreter_language" text,
	"scheduled_by" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL
);
