CREATE TABLE "stat_parked_cases" (
	"case_id" uuid PRIMARY KEY NOT NULL,
	"error" text NOT NULL,
	"parked_at" timestamp with time zone NOT NULL,
	"attempts" integer NOT NULL
);
