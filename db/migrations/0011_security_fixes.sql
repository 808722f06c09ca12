CREATE TABLE "upload_chunks" (
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "upload_chunks_upload_id_seq_pk" PRIMARY KEY("upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "upload_quota_counters" (
	"key" text NOT NULL,
	"day" date NOT NULL,
	"bytes" bigint NOT NULL,
	"files" integer NOT NULL,
	CONSTRAINT "upload_quota_counters_key_day_pk" PRIMARY KEY("key","day")
);
--> statement-breakpoint
CREATE TABLE "admin_notices" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"actor_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_change_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"target_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"roles" text[],
	"areas" text[],
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "uploads" ALTER COLUMN "data" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "sha256" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "quota_person_key" text;--> statement-breakpoint
ALTER TABLE "uploads" ADD COLUMN "quota_address_key" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "staff_users" ADD COLUMN "enrolment_code_hash" "bytea";--> statement-breakpoint
ALTER TABLE "staff_change_requests" ADD CONSTRAINT "staff_change_requests_target_id_staff_users_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."staff_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "upload_chunks_created_idx" ON "upload_chunks" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "admin_notices_created_idx" ON "admin_notices" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "staff_change_requests_status_idx" ON "staff_change_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "staff_change_requests_target_idx" ON "staff_change_requests" USING btree ("target_id","status");--> statement-breakpoint
CREATE INDEX "uploads_quota_person_idx" ON "uploads" USING btree ("quota_person_key");--> statement-breakpoint
CREATE INDEX "uploads_quota_address_idx" ON "uploads" USING btree ("quota_address_key");--> statement-breakpoint
CREATE INDEX "audit_events_person_idx" ON "audit_events" USING btree (("details"->>'personKey'),"at");--> statement-breakpoint
-- An upload that joins a case no longer says who or where it came from (the quota counts only uploads not yet sent).
CREATE FUNCTION uploads_forget_uploader() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.submission_id IS NOT NULL OR NEW.message_id IS NOT NULL THEN
    NEW.quota_person_key := NULL;
    NEW.quota_address_key := NULL;
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER uploads_forget_uploader BEFORE INSERT OR UPDATE OF submission_id, message_id ON uploads FOR EACH ROW EXECUTE FUNCTION uploads_forget_uploader();--> statement-breakpoint
-- Separation of duties (docs/adr/0008): an administrator never holds a case role. Accounts that
-- held both keep the administrator role; the case role is removed, with an audit event each.
INSERT INTO audit_events (actor_type, action, subject_type, subject_id, details)
  SELECT 'system', 'staff.case_role_removed_from_admin', 'staff_user', id::text, jsonb_build_object('areas', array_to_string(areas, ','))
  FROM staff_users WHERE 'admin' = ANY(roles) AND 'handlaggare' = ANY(roles);--> statement-breakpoint
UPDATE staff_users SET roles = array_remove(roles, 'handlaggare'), areas = '{}' WHERE 'admin' = ANY(roles) AND 'handlaggare' = ANY(roles);--> statement-breakpoint
ALTER TABLE staff_users ADD CONSTRAINT staff_users_admin_holds_no_case_role CHECK (NOT ('admin' = ANY(roles) AND 'handlaggare' = ANY(roles)));
--> statement-breakpoint
-- An upload's bytes go with it, whether it is removed by itself or with its case.
CREATE FUNCTION uploads_remove_chunks() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM upload_chunks WHERE upload_id = OLD.id;
  RETURN OLD;
END $$;--> statement-breakpoint
CREATE TRIGGER uploads_remove_chunks AFTER DELETE ON uploads FOR EACH ROW EXECUTE FUNCTION uploads_remove_chunks();
