-- Content store: rebuildable at any time from the source texts.
-- Migrations are applied in order by db/schema.py; PRAGMA user_version records the last one.

-- migration 1
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    path        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    published   TEXT,
    bytes       INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);

CREATE TABLE people (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- Every name a document uses for a person; norm is the lookup form.
CREATE TABLE aliases (
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL,
    norm        TEXT NOT NULL,
    -- A rowid table: SQLite 3.40's integrity_check falsely reports NOT NULL
    -- columns of a WITHOUT ROWID table like this one as NULL.
    UNIQUE (document_id, person_id, norm)
);
CREATE INDEX aliases_norm ON aliases(norm);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date        TEXT NOT NULL,
    precision   TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year', 'month-day')),
    year        INTEGER,
    month       INTEGER,
    day         INTEGER,
    sort_key    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
CREATE INDEX events_month_day ON events(month, day) WHERE day IS NOT NULL;
CREATE INDEX events_sort ON events(sort_key) WHERE year IS NOT NULL;
CREATE INDEX events_document ON events(document_id);

CREATE TABLE event_people (
    event_id  INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (event_id, person_id)
) WITHOUT ROWID;
CREATE INDEX event_people_person ON event_people(person_id);

CREATE TABLE quotes (
    id          INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker_id  INTEGER REFERENCES people(id),
    text        TEXT NOT NULL,
    date        TEXT,
    precision   TEXT CHECK (precision IN ('day', 'month', 'year', 'month-day')),
    year        INTEGER,
    month       INTEGER,
    day         INTEGER,
    context     TEXT,
    fragment    INTEGER NOT NULL DEFAULT 0,
    span_start  INTEGER NOT NULL,
    span_end    INTEGER NOT NULL
);
CREATE INDEX quotes_month_day ON quotes(month, day) WHERE day IS NOT NULL AND fragment = 0;
CREATE INDEX quotes_speaker ON quotes(speaker_id) WHERE fragment = 0;
CREATE INDEX quotes_document ON quotes(document_id);

-- Full-text search over normalised copies (apostrophes and quote marks folded),
-- so "Russiaʼs", "Russia’s" and "Russia's" match alike. rowid = quotes.id / events.id.
-- Fragments are not indexed: /quote never serves them. The speaker column holds
-- a token "p<id>" so speaker + topic is one MATCH.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, context, speaker, tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE events_fts USING fts5(
    title, summary, people, tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Surface words of quotes with how many quotes use them: topic autocomplete.
CREATE TABLE vocabulary (
    word   TEXT PRIMARY KEY,
    quotes INTEGER NOT NULL
) WITHOUT ROWID;

-- migration 2
-- Speed at a million rows (see tests/bench). Anniversary lists come out of the
-- index already in year order, so a busy month-day is never sorted whole.
DROP INDEX events_month_day;
CREATE INDEX events_month_day ON events(month, day, year IS NULL, year) WHERE day IS NOT NULL;
DROP INDEX quotes_month_day;
CREATE INDEX quotes_month_day ON quotes(month, day, year IS NULL, year)
    WHERE day IS NOT NULL AND fragment = 0;

-- Ingest looks a text up by its hash (same text under another name): index it,
-- or every document scans all the others.
CREATE INDEX documents_sha256 ON documents(sha256);

-- Events per sort key and per year, kept by triggers (cascading deletes fire
-- them too), so /timeline counts a date range by summing a few hundred rows
-- instead of visiting every event in it.
CREATE TABLE event_days (
    sort_key INTEGER PRIMARY KEY,
    events   INTEGER NOT NULL
);
CREATE TABLE event_years (
    year   INTEGER PRIMARY KEY,
    events INTEGER NOT NULL
);
INSERT INTO event_days (sort_key, events)
    SELECT sort_key, count(*) FROM events WHERE year IS NOT NULL GROUP BY sort_key;
INSERT INTO event_years (year, events)
    SELECT year, count(*) FROM events WHERE year IS NOT NULL GROUP BY year;
CREATE TRIGGER events_count_insert AFTER INSERT ON events WHEN new.year IS NOT NULL
BEGIN
    INSERT INTO event_days (sort_key, events) VALUES (new.sort_key, 1)
        ON CONFLICT (sort_key) DO UPDATE SET events = events + 1;
    INSERT INTO event_years (year, events) VALUES (new.year, 1)
        ON CONFLICT (year) DO UPDATE SET events = events + 1;
END;
CREATE TRIGGER events_count_delete AFTER DELETE ON events WHEN old.year IS NOT NULL
BEGIN
    UPDATE event_days SET events = events - 1 WHERE sort_key = old.sort_key;
    UPDATE event_years SET events = events - 1 WHERE year = old.year;
END;
CREATE TRIGGER events_count_update AFTER UPDATE OF year, sort_key ON events
BEGIN
    UPDATE event_days SET events = events - 1
        WHERE old.year IS NOT NULL AND sort_key = old.sort_key;
    UPDATE event_years SET events = events - 1 WHERE old.year IS NOT NULL AND year = old.year;
    INSERT INTO event_days (sort_key, events) SELECT new.sort_key, 1 WHERE new.year IS NOT NULL
        ON CONFLICT (sort_key) DO UPDATE SET events = events + 1;
    INSERT INTO event_years (year, events) SELECT new.year, 1 WHERE new.year IS NOT NULL
        ON CONFLICT (year) DO UPDATE SET events = events + 1;
END;

-- migration 3
-- One row about the store itself. loader: the process id of a first load under
-- way (an ingest into a store with no documents), so that nothing else starts
-- building the same empty store from the seeds meanwhile. writes counts the runs
-- that changed the store (ingest, remove) and checked is the count quick_check
-- last found sound: db/write/bootstrap.py checks a store only after writes it has not checked.
CREATE TABLE store_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    loader  INTEGER,
    writes  INTEGER NOT NULL,
    checked INTEGER NOT NULL
);
INSERT INTO store_state (id, loader, writes, checked) VALUES (1, NULL, 1, 0);

-- migration 4
-- /timeline pages through a topic in date order. With events_fts keyed by event id,
-- a common topic whose matches come late walked every earlier event (35 s at 10^6
-- rows). Keyed by the timeline key instead (db/records.timeline_key: sort_key * 2^32
-- + id), FTS5 hands the matches over already in date order and a date range is a
-- rowid range, so a page costs what it shows plus its offset in the topic's matches.
-- Only events with a year are on the timeline, so only they are indexed.
CREATE VIRTUAL TABLE events_by_date_fts USING fts5(
    title, summary, people, tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO events_by_date_fts (rowid, title, summary, people)
    SELECT e.sort_key * 4294967296 + e.id, f.title, f.summary, f.people
    FROM events e JOIN events_fts f ON f.rowid = e.id
    WHERE e.year IS NOT NULL;
DROP TABLE events_fts;
ALTER TABLE events_by_date_fts RENAME TO events_fts;

-- migration 5
-- ISO dates count years astronomically, as the JSON contract asks (1 BC is 0000, 44 BC
-- is -0043); stores before this wrote the historical number (-0044). The year columns
-- keep the historical number; only the text form of a year before Christ changes.
UPDATE events SET date =
    (CASE WHEN year = -1 THEN '0000' ELSE '-' || printf('%04d', -year - 1) END)
    || substr(date, 6)
    WHERE year < 0;
UPDATE quotes SET date =
    (CASE WHEN year = -1 THEN '0000' ELSE '-' || printf('%04d', -year - 1) END)
    || substr(date, 6)
    WHERE year < 0;

-- migration 6
-- What a source says about itself: a saved web page's canonical URL, author and site
-- name, or a text's front-matter block (db/ingest/front_matter.py). Answers cite them.
-- The publication date has its column since migration 1. A store of an earlier version
-- gets NULLs, the same as a text that says nothing about itself.
ALTER TABLE documents ADD COLUMN url TEXT;
ALTER TABLE documents ADD COLUMN author TEXT;
ALTER TABLE documents ADD COLUMN site TEXT;

-- migration 7
-- /timeline opens a long span with its key moments (db/read/timeline.py): the most
-- salient event of each stretch of it. Salience is computed at ingest
-- (db/records.event_salience): 3 for an event that heads a dated section, plus
-- up to 2 for the served quotes its document dates on its day or month, plus up to 2
-- for the people it names. An existing store gets the last two here (whether an
-- event headed its section was not stored: 0 until its text is ingested again).
ALTER TABLE events ADD COLUMN salience INTEGER NOT NULL DEFAULT 0;
UPDATE events SET salience = min(2, q.n)
    FROM (SELECT document_id, date, count(*) AS n FROM quotes
          WHERE fragment = 0 AND speaker_id IS NOT NULL AND precision IN ('day', 'month')
          GROUP BY document_id, date) AS q
    WHERE q.document_id = events.document_id AND q.date = events.date
        AND events.precision IN ('day', 'month');
UPDATE events SET salience = salience + min(2, p.n)
    FROM (SELECT event_id, count(*) AS n FROM event_people GROUP BY event_id) AS p
    WHERE p.event_id = events.id;
-- Each stretch of a span gives its most salient events by a seek per salience level.
CREATE INDEX events_salience ON events(salience, sort_key) WHERE year IS NOT NULL;

-- migration 8
-- /onthisday counts a day's served quotes (db.schema.SERVED_QUOTE: fragment = 0 AND
-- speaker_id IS NOT NULL) up to 1,000. The index held every whole quote, so the count
-- read each one's row to see its speaker: 2.3 ms a day at 10^6 quotes, the costliest
-- query of a burst of commands. Holding the served quotes only, the index answers the
-- count by itself (0.14 ms); the same queries use it, and only they.
DROP INDEX quotes_month_day;
CREATE INDEX quotes_month_day ON quotes(month, day, year IS NULL, year)
    WHERE day IS NOT NULL AND fragment = 0 AND speaker_id IS NOT NULL;
