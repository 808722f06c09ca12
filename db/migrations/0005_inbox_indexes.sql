DROP INDEX "submissions_service_submitted_idx";--> statement-breakpoint
DROP INDEX "submissions_assignee_submitted_idx";--> statement-breakpoint
DROP INDEX "submissions_area_submitted_idx";--> statement-breakpoint
DROP INDEX "submissions_area_status_submitted_idx";--> statement-breakpoint
DROP INDEX "submissions_area_due_idx";--> statement-breakpoint
CREATE INDEX "submissions_area_service_status_submitted_idx" ON "submissions" USING btree ("area","service_id","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_area_assignee_status_submitted_idx" ON "submissions" USING btree ("area","assignee_id","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_area_status_due_idx" ON "submissions" USING btree ("area","status",coalesce("due_at", 'infinity'::timestamptz),"id");--> statement-breakpoint
CREATE INDEX "submissions_area_submitted_idx" ON "submissions" USING btree ("area","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_area_status_submitted_idx" ON "submissions" USING btree ("area","status","submitted_at","id");--> statement-breakpoint
CREATE INDEX "submissions_area_due_idx" ON "submissions" USING btree ("area",coalesce("due_at", 'infinity'::timestamptz),"id");