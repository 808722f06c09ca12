ALTER TABLE "submissions" ADD COLUMN "akut_acknowledged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "akut_acknowledged_by" uuid;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "unread_messages_since" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "channel" text DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "link_path" text;--> statement-breakpoint
CREATE INDEX "submissions_akut_waiting_idx" ON "submissions" USING btree ("area","submitted_at") WHERE "submissions"."urgent" and "submissions"."akut_acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "submissions_unread_idx" ON "submissions" USING btree ("area","submitted_at","id") WHERE "submissions"."unread_messages_since" is not null;--> statement-breakpoint
CREATE INDEX "notifications_channel_due_idx" ON "notifications" USING btree ("channel","status","next_attempt_at");