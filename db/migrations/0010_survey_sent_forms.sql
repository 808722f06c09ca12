CREATE TABLE "survey_sent_forms" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"sent_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "survey_sent_forms_sent_on_idx" ON "survey_sent_forms" USING btree ("sent_on");