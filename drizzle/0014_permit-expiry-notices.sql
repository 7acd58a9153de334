CREATE TABLE "permit_expiry_notices" (
	"case_id" uuid NOT NULL,
	"valid_to" date NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "permit_expiry_notices_case_id_valid_to_pk" PRIMARY KEY("case_id","valid_to")
);
--> statement-breakpoint
CREATE INDEX "cases_permit_valid_to" ON "cases" USING btree (("decision" ->> 'validTo')) WHERE "cases"."category" = 'decided' and ("cases"."decision" ->> 'documentNumber') is not null;