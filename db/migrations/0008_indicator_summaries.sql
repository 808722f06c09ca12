CREATE TABLE "indicator_decided_cases" (
	"submission_id" uuid PRIMARY KEY NOT NULL,
	"service_id" text NOT NULL,
	"area" text NOT NULL,
	"month" text NOT NULL,
	"outcome" text NOT NULL,
	"insats" text,
	"sex" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_decisions" (
	"service_id" text NOT NULL,
	"area" text NOT NULL,
	"month" text NOT NULL,
	"outcome" text NOT NULL,
	"insats" text,
	"sex" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "indicator_decisions_cell" UNIQUE NULLS NOT DISTINCT("service_id","area","month","outcome","insats","sex")
);
--> statement-breakpoint
CREATE TABLE "indicator_handling" (
	"area" text NOT NULL,
	"month" text NOT NULL,
	"counts" integer[] NOT NULL,
	CONSTRAINT "indicator_handling_area_month_pk" PRIMARY KEY("area","month")
);
--> statement-breakpoint
CREATE TABLE "indicator_office_days" (
	"area" text NOT NULL,
	"day" text NOT NULL,
	"weekday_office_hour" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "indicator_office_days_area_day_weekday_office_hour_pk" PRIMARY KEY("area","day","weekday_office_hour")
);
--> statement-breakpoint
CREATE TABLE "indicator_volumes" (
	"service_id" text NOT NULL,
	"area" text NOT NULL,
	"month" text NOT NULL,
	"on_behalf" boolean NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "indicator_volumes_service_id_area_month_on_behalf_pk" PRIMARY KEY("service_id","area","month","on_behalf")
);
--> statement-breakpoint
-- The indicator summaries are kept up to date by the database itself, in the same transaction as
-- every write to submissions and decisions, whoever writes: receiving a submission, a handläggare's
-- first action, a decision or its correction, gallring deleting a case, a test inserting rows.
-- Submissions added or removed are counted once per statement (a bulk load is one aggregated
-- update per summary row); a first handling and a decision are counted when the transaction
-- commits (deferred), so their counter rows are locked only while it does. Months and days are Swedish (Europe/Stockholm);
-- holidays are not decided here: indicator_office_days keeps the day, and the indicators apply the
-- Swedish holidays to it when they read (src/domain/indicators/time.ts).

-- The number of the handling-time bucket of handlingBucket() in src/domain/indicators/median.ts,
-- from 0: 0–59 each minute under an hour, 60–197 ten minutes under a day, 198–893 each hour under
-- 30 days, 894 on each day beyond (bucketMinutes() in src/server/indicators/repository.ts turns
-- it back into the bucket's lower bound in minutes).
CREATE FUNCTION indicator_handling_bucket(submitted timestamptz, handled timestamptz) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN m < 60 THEN m WHEN m < 1440 THEN 60 + (m - 60) / 10 WHEN m < 43200 THEN 198 + (m - 1440) / 60 ELSE 894 + (m - 43200) / 1440 END
  FROM (SELECT greatest(0, floor(extract(epoch FROM handled - submitted) / 60))::int AS m) x
$$;
--> statement-breakpoint
-- The applicant's sex from the second-last digit of the personnummer (sexOf() in src/domain/indicators/data.ts).
CREATE FUNCTION indicator_sex(personnummer text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN personnummer ~ '[0-9][0-9]$'
    THEN CASE WHEN substr(personnummer, length(personnummer) - 1, 1)::int % 2 = 1 THEN 'man' ELSE 'kvinna' END
    ELSE 'okant' END
$$;
--> statement-breakpoint
-- Two handling-time histograms added element by element (null where both are).
CREATE FUNCTION indicator_histogram_add(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(array_agg(CASE WHEN a[i] IS NULL AND b[i] IS NULL THEN NULL ELSE coalesce(a[i], 0) + coalesce(b[i], 0) END ORDER BY i), '{}')
  FROM generate_series(1, greatest(coalesce(cardinality(a), 0), coalesce(cardinality(b), 0))) AS i
$$;
--> statement-breakpoint
-- Adds (delta 1) or takes away (delta -1) one submission's arrival: its e-tjänst's month and its day.
CREATE FUNCTION indicator_count_arrival(s submissions, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  l timestamp := s.submitted_at AT TIME ZONE 'Europe/Stockholm';
BEGIN
  INSERT INTO indicator_volumes AS t (service_id, area, month, on_behalf, n)
    VALUES (s.service_id, s.area, to_char(l, 'YYYY-MM'), s.on_behalf, delta)
    ON CONFLICT (service_id, area, month, on_behalf) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO indicator_office_days AS t (area, day, weekday_office_hour, n)
    VALUES (s.area, to_char(l, 'YYYY-MM-DD'), extract(isodow FROM l) < 6 AND extract(hour FROM l) >= 8 AND extract(hour FROM l) < 17, delta)
    ON CONFLICT (area, day, weekday_office_hour) DO UPDATE SET n = t.n + excluded.n;
END;
$$;
--> statement-breakpoint
-- Adds or takes away one submission's handling time, if it has been handled.
CREATE FUNCTION indicator_count_handling(s submissions, delta integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  k integer;
BEGIN
  IF s.first_handled_at IS NOT NULL THEN
    k := indicator_handling_bucket(s.submitted_at, s.first_handled_at) + 1;
    INSERT INTO indicator_handling AS t (area, month, counts)
      VALUES (s.area, to_char(s.submitted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), array_fill(NULL::integer, ARRAY[k - 1]) || delta)
      ON CONFLICT (area, month) DO UPDATE SET counts[k] = coalesce(t.counts[k], 0) + delta;
  END IF;
END;
$$;
--> statement-breakpoint
-- Puts a case in the cell of indicator_decisions it belongs in now, taking it out of the one it was
-- in: each decided case once, in the Swedish month of its first decision, with the outcome and
-- insats of its latest (decided_at, then id, as the indicators have always ordered them).
CREATE FUNCTION indicator_refresh_decided_case(case_id uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  was indicator_decided_cases;
  now_ indicator_decided_cases;
BEGIN
  -- One case at a time, even when two transactions decide it at once (the later one sees the earlier one's decision).
  PERFORM pg_advisory_xact_lock(hashtextextended('indicator_decided_case:' || case_id::text, 0));
  SELECT * INTO was FROM indicator_decided_cases WHERE submission_id = case_id;
  SELECT case_id, s.service_id, s.area, to_char(f.first_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), d.outcome, d.insats, indicator_sex(s.subject_personnummer)
    INTO now_
    FROM submissions s
    CROSS JOIN LATERAL (SELECT min(decided_at) AS first_at FROM decisions WHERE submission_id = case_id) f
    CROSS JOIN LATERAL (SELECT outcome, insats FROM decisions WHERE submission_id = case_id ORDER BY decided_at DESC, id DESC LIMIT 1) d
    WHERE s.id = case_id;
  IF was.submission_id IS NULL AND now_.submission_id IS NULL THEN RETURN; END IF;
  IF was IS NOT DISTINCT FROM now_ THEN RETURN; END IF;
  -- Both cells in one statement, in a fixed order, so two corrections never wait for each other in a cycle.
  INSERT INTO indicator_decisions AS t (service_id, area, month, outcome, insats, sex, n)
    SELECT c.service_id, c.area, c.month, c.outcome, c.insats, c.sex, c.delta
    FROM (VALUES (was.service_id, was.area, was.month, was.outcome, was.insats, was.sex, -1, was.submission_id IS NOT NULL),
                 (now_.service_id, now_.area, now_.month, now_.outcome, now_.insats, now_.sex, 1, now_.submission_id IS NOT NULL))
      AS c (service_id, area, month, outcome, insats, sex, delta, present)
    WHERE c.present
    ORDER BY c.service_id, c.area, c.month, c.outcome, c.insats NULLS FIRST, c.sex
    ON CONFLICT (service_id, area, month, outcome, insats, sex) DO UPDATE SET n = t.n + excluded.n;
  IF now_.submission_id IS NULL THEN
    DELETE FROM indicator_decided_cases WHERE submission_id = case_id;
  ELSE
    INSERT INTO indicator_decided_cases AS t (submission_id, service_id, area, month, outcome, insats, sex)
      VALUES (case_id, now_.service_id, now_.area, now_.month, now_.outcome, now_.insats, now_.sex)
      ON CONFLICT (submission_id) DO UPDATE SET service_id = excluded.service_id, area = excluded.area, month = excluded.month,
        outcome = excluded.outcome, insats = excluded.insats, sex = excluded.sex;
  END IF;
END;
$$;
--> statement-breakpoint
-- Submissions added (INSERT) or removed (DELETE) by one statement, all at once; the transition
-- table is called "changed" in both triggers.
CREATE FUNCTION indicator_submissions_added_or_removed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  direction integer := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  -- Rows in key order, so that two statements never wait for each other in a cycle.
  INSERT INTO indicator_volumes AS t (service_id, area, month, on_behalf, n)
    SELECT service_id, area, to_char(submitted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), on_behalf, direction * count(*)
    FROM changed GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (service_id, area, month, on_behalf) DO UPDATE SET n = t.n + excluded.n;
  INSERT INTO indicator_office_days AS t (area, day, weekday_office_hour, n)
    SELECT area, to_char(l, 'YYYY-MM-DD'), extract(isodow FROM l) < 6 AND extract(hour FROM l) >= 8 AND extract(hour FROM l) < 17, direction * count(*)
    FROM (SELECT area, submitted_at AT TIME ZONE 'Europe/Stockholm' AS l FROM changed) c GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (area, day, weekday_office_hour) DO UPDATE SET n = t.n + excluded.n;
  WITH b AS (
    SELECT area, to_char(submitted_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM') AS month,
      indicator_handling_bucket(submitted_at, first_handled_at) AS k, direction * count(*)::int AS n
    FROM changed WHERE first_handled_at IS NOT NULL GROUP BY 1, 2, 3
  )
  INSERT INTO indicator_handling AS t (area, month, counts)
    SELECT m.area, m.month, array_agg(b.n ORDER BY g.k)
    FROM (SELECT area, month, max(k) AS top FROM b GROUP BY 1, 2) m
    CROSS JOIN LATERAL generate_series(0, m.top) AS g (k)
    LEFT JOIN b ON b.area = m.area AND b.month = m.month AND b.k = g.k
    GROUP BY m.area, m.month ORDER BY m.area, m.month
    ON CONFLICT (area, month) DO UPDATE SET counts = indicator_histogram_add(t.counts, excluded.counts);
  -- A removed case no longer counts as decided (its decisions go with it, and say the same when they do).
  IF TG_OP = 'DELETE' THEN
    PERFORM indicator_refresh_decided_case(c.id) FROM (SELECT id FROM changed ORDER BY id) c;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- A submission changed in what the indicators count it by (a first handling, in practice).
CREATE FUNCTION indicator_submissions_updated() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Only the counts that change: a first handling touches the handling time alone, not the
  -- e-tjänst's month, which new submissions are counting into at the same time.
  IF (OLD.service_id, OLD.area, OLD.submitted_at, OLD.on_behalf) IS DISTINCT FROM (NEW.service_id, NEW.area, NEW.submitted_at, NEW.on_behalf) THEN
    PERFORM indicator_count_arrival(OLD, -1);
    PERFORM indicator_count_arrival(NEW, 1);
  END IF;
  IF (OLD.area, OLD.submitted_at, OLD.first_handled_at) IS DISTINCT FROM (NEW.area, NEW.submitted_at, NEW.first_handled_at) THEN
    PERFORM indicator_count_handling(OLD, -1);
    PERFORM indicator_count_handling(NEW, 1);
  END IF;
  -- What a decided case counts under (e-tjänst, area, sex) comes from the submission.
  IF (OLD.service_id, OLD.area, OLD.subject_personnummer) IS DISTINCT FROM (NEW.service_id, NEW.area, NEW.subject_personnummer) THEN
    PERFORM indicator_refresh_decided_case(NEW.id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION indicator_decisions_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM indicator_refresh_decided_case(OLD.submission_id); END IF;
  IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.submission_id IS DISTINCT FROM OLD.submission_id) THEN
    PERFORM indicator_refresh_decided_case(NEW.submission_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER indicator_submissions_added AFTER INSERT ON submissions
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_submissions_added_or_removed();
--> statement-breakpoint
CREATE TRIGGER indicator_submissions_removed AFTER DELETE ON submissions
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION indicator_submissions_added_or_removed();
--> statement-breakpoint
-- Only the columns the indicators count by: the inbox's many other updates do not fire it.
CREATE CONSTRAINT TRIGGER indicator_submissions_updated AFTER UPDATE ON submissions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.service_id, OLD.area, OLD.submitted_at, OLD.on_behalf, OLD.first_handled_at, OLD.subject_personnummer)
        IS DISTINCT FROM (NEW.service_id, NEW.area, NEW.submitted_at, NEW.on_behalf, NEW.first_handled_at, NEW.subject_personnummer))
  EXECUTE FUNCTION indicator_submissions_updated();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER indicator_decisions_changed AFTER INSERT OR UPDATE OR DELETE ON decisions
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION indicator_decisions_changed();
--> statement-breakpoint
-- Recomputes every summary from the submissions and decisions tables (here for the rows already
-- there; also after a bulk load with triggers off, or whenever in doubt). Writers wait meanwhile.
CREATE FUNCTION indicator_summaries_rebuild() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE submissions, decisions IN SHARE MODE;
  TRUNCATE indicator_volumes, indicator_office_days, indicator_handling, indicator_decisions, indicator_decided_cases;
  CREATE TEMPORARY TABLE indicator_local ON COMMIT DROP AS
    SELECT service_id, area, on_behalf, submitted_at AT TIME ZONE 'Europe/Stockholm' AS l,
      CASE WHEN first_handled_at IS NOT NULL THEN indicator_handling_bucket(submitted_at, first_handled_at) END AS bucket
    FROM submissions;
  INSERT INTO indicator_volumes (service_id, area, month, on_behalf, n)
    SELECT service_id, area, to_char(l, 'YYYY-MM'), on_behalf, count(*) FROM indicator_local GROUP BY 1, 2, 3, 4;
  INSERT INTO indicator_office_days (area, day, weekday_office_hour, n)
    SELECT area, to_char(l, 'YYYY-MM-DD'), extract(isodow FROM l) < 6 AND extract(hour FROM l) >= 8 AND extract(hour FROM l) < 17, count(*)
    FROM indicator_local GROUP BY 1, 2, 3;
  WITH b AS (
    SELECT area, to_char(l, 'YYYY-MM') AS month, bucket AS k, count(*)::int AS n FROM indicator_local WHERE bucket IS NOT NULL GROUP BY 1, 2, 3
  )
  INSERT INTO indicator_handling (area, month, counts)
    SELECT m.area, m.month, array_agg(b.n ORDER BY g.k)
    FROM (SELECT area, month, max(k) AS top FROM b GROUP BY 1, 2) m
    CROSS JOIN LATERAL generate_series(0, m.top) AS g (k)
    LEFT JOIN b ON b.area = m.area AND b.month = m.month AND b.k = g.k
    GROUP BY m.area, m.month;
  DROP TABLE indicator_local;
  INSERT INTO indicator_decided_cases (submission_id, service_id, area, month, outcome, insats, sex)
    SELECT d.submission_id, s.service_id, s.area, to_char(d.first_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM'), d.outcome, d.insats,
      indicator_sex(s.subject_personnummer)
    FROM (
      SELECT DISTINCT ON (submission_id) submission_id, outcome, insats, min(decided_at) OVER (PARTITION BY submission_id) AS first_at
      FROM decisions
      ORDER BY submission_id, decided_at DESC, id DESC
    ) d
    JOIN submissions s ON s.id = d.submission_id;
  INSERT INTO indicator_decisions (service_id, area, month, outcome, insats, sex, n)
    SELECT service_id, area, month, outcome, insats, sex, count(*) FROM indicator_decided_cases GROUP BY 1, 2, 3, 4, 5, 6;
END;
$$;
--> statement-breakpoint
SELECT indicator_summaries_rebuild();
