-- State store in PostgreSQL: the same tables as state.sql, in PostgreSQL's types.
-- Irreplaceable: never rebuilt. Applied by db/state/postgres.py, which records each
-- migration in almanac_migrations. Ids are BIGINT: Discord's snowflakes stay below
-- 2^63 until 2084. Instants are timestamptz, written by the store's clock.

-- migration 1
-- state.sql's migrations 1 and 2 in one: this backend starts at their end.
CREATE TABLE guild_settings (
    guild_id     BIGINT PRIMARY KEY,
    timezone     TEXT NOT NULL,             -- IANA name
    updated_at   TIMESTAMPTZ NOT NULL,
    absent_since TIMESTAMPTZ                -- missing from READY since (see mark_absent)
);

CREATE TABLE subscriptions (
    guild_id      BIGINT PRIMARY KEY REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    channel_id    BIGINT NOT NULL,
    post_time     TIME NOT NULL,            -- local HH:MM, in the server's time zone
    empty_day     TEXT NOT NULL DEFAULT 'nearest' CHECK (empty_day IN ('skip', 'quote', 'nearest')),
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    since         TIMESTAMPTZ NOT NULL,     -- posts are due from this instant on
    paused_reason TEXT,                     -- set: no posts until /daily set again
    failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive failed posts
    last_error    TEXT,
    last_error_at TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE INDEX subscriptions_channel ON subscriptions (channel_id);

-- One row per server per local day: the guarantee of exactly one post a day, across
-- every process that shares this database.
CREATE TABLE post_log (
    guild_id   BIGINT NOT NULL,
    local_date DATE NOT NULL,               -- in the server's time zone
    channel_id BIGINT NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped', 'failed')),
    message_id BIGINT,
    detail     TEXT,
    attempts   INTEGER NOT NULL DEFAULT 1,  -- claims of this day (a stale claim is retried once)
    at         TIMESTAMPTZ NOT NULL,        -- last change
    PRIMARY KEY (guild_id, local_date)
);

CREATE TABLE owner (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    bot_user_id BIGINT NOT NULL,
    since       TIMESTAMPTZ NOT NULL
);

-- migration 2
-- The bot's schedules of turns, shared by every process (db/state/postgres.py,
-- reserve_turn): for each ('rest', 'identify'), the instant of its next free turn.
CREATE TABLE turns (
    name    TEXT PRIMARY KEY,
    next_at TIMESTAMPTZ NOT NULL
);
