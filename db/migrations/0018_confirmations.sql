CREATE TABLE "confirmations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"role" text NOT NULL,
	"personnummer" text NOT NULL,
	"name" text,
	"state" text DEFAULT 'pending' NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_name" text,
	"assurance" text
);
--> statement-breakpoint
ALTER TABLE "citizen_sessions" ADD COLUMN "assurance" text;--> statement-breakpoint
ALTER TABLE "confirmations" ADD CONSTRAINT "confirmations_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "confirmations_submission_role_idx" ON "confirmations" USING btree ("submission_id","role");--> statement-breakpoint
CREATE INDEX "confirmations_pnr_idx" ON "confirmations" USING btree ("personnummer","state");