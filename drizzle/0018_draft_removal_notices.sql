CREATE TABLE "draft_removal_notices" (
	"case_id" uuid NOT NULL,
	"last_change" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "draft_removal_notices_case_id_last_change_pk" PRIMARY KEY("case_id","last_change")
);
