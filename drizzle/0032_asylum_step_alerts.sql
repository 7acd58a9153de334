CREATE TABLE "asylum_step_alerts" (
	"case_id" uuid NOT NULL,
	"step" text NOT NULL,
	"kind" text NOT NULL,
	"due_date" date NOT NULL,
	"alerted_on" date NOT NULL,
	CONSTRAINT "asylum_step_alerts_case_id_step_kind_pk" PRIMARY KEY("case_id","step","kind")
);
