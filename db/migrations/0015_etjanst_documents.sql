CREATE TABLE "etjanst_fragments" (
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"document" jsonb NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	CONSTRAINT "etjanst_fragments_name_version_pk" PRIMARY KEY("name","version")
);
--> statement-breakpoint
CREATE TABLE "etjanst_versions" (
	"service_id" text NOT NULL,
	"version" integer NOT NULL,
	"state" text NOT NULL,
	"document" jsonb NOT NULL,
	"hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"changed_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"retired_at" timestamp with time zone,
	"retired_by" uuid,
	CONSTRAINT "etjanst_versions_service_id_version_pk" PRIMARY KEY("service_id","version")
);
--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "service_hash" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "service_hash" text;--> statement-breakpoint
CREATE INDEX "etjanst_versions_state_idx" ON "etjanst_versions" USING btree ("state","service_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "etjanst_versions_one_draft_idx" ON "etjanst_versions" USING btree ("service_id") WHERE "etjanst_versions"."state" = 'draft';--> statement-breakpoint
-- A published e-tjänst version (or fragment) is immutable: its document, hash, id and version never
-- change and it is never deleted. Only its state moves on, and never back to draft.
CREATE FUNCTION etjanst_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN RAISE EXCEPTION 'a published e-tjänst version is never deleted'; END IF;
    RETURN OLD;
  END IF;
  IF OLD.state <> 'draft' AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.hash IS DISTINCT FROM OLD.hash
      OR NEW.service_id IS DISTINCT FROM OLD.service_id OR NEW.version IS DISTINCT FROM OLD.version OR NEW.state = 'draft') THEN
    RAISE EXCEPTION 'a published e-tjänst version is immutable';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER etjanst_versions_immutable BEFORE UPDATE OR DELETE ON etjanst_versions
  FOR EACH ROW EXECUTE FUNCTION etjanst_versions_refuse_change();--> statement-breakpoint
CREATE FUNCTION etjanst_fragments_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.state <> 'draft' THEN RAISE EXCEPTION 'a published fragment is never deleted'; END IF;
    RETURN OLD;
  END IF;
  IF OLD.state <> 'draft' AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.hash IS DISTINCT FROM OLD.hash
      OR NEW.name IS DISTINCT FROM OLD.name OR NEW.version IS DISTINCT FROM OLD.version OR NEW.state = 'draft') THEN
    RAISE EXCEPTION 'a published fragment is immutable';
  END IF;
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER etjanst_fragments_immutable BEFORE UPDATE OR DELETE ON etjanst_fragments
  FOR EACH ROW EXECUTE FUNCTION etjanst_fragments_refuse_change();
