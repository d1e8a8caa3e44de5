-- State store: server settings and the post log. Irreplaceable: never rebuilt.
-- Times are UTC ISO-8601 strings of one fixed shape, so they compare as text.

-- migration 1
-- One time zone per server: /onthisday's "today" and the daily post time use it.
CREATE TABLE guild_settings (
    guild_id   INTEGER PRIMARY KEY,
    timezone   TEXT NOT NULL,            -- IANA name
    updated_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
    guild_id      INTEGER PRIMARY KEY REFERENCES guild_settings (guild_id) ON DELETE CASCADE,
    channel_id    INTEGER NOT NULL,
    post_time     TEXT NOT NULL,            -- local HH:MM, in the server's time zone
    empty_day     TEXT NOT NULL DEFAULT 'nearest' CHECK (empty_day IN ('skip', 'quote', 'nearest')),
    enabled       INTEGER NOT NULL DEFAULT 1,
    since         TEXT NOT NULL,            -- posts are due from this instant on
    paused_reason TEXT,                     -- set: no posts until /daily set again
    failures      INTEGER NOT NULL DEFAULT 0,  -- consecutive failed posts
    last_error    TEXT,
    last_error_at TEXT,
    updated_at    TEXT NOT NULL
);

CREATE INDEX subscriptions_channel ON subscriptions (channel_id);

-- One row per server per local day: the guarantee of exactly one post a day.
CREATE TABLE post_log (
    guild_id   INTEGER NOT NULL,
    local_date TEXT NOT NULL,               -- YYYY-MM-DD in the server's time zone
    channel_id INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped', 'failed')),
    message_id INTEGER,
    detail     TEXT,
    attempts   INTEGER NOT NULL DEFAULT 1,  -- claims of this day (a stale claim is retried once)
    at         TEXT NOT NULL,               -- last change
    PRIMARY KEY (guild_id, local_date)
) WITHOUT ROWID;

-- migration 2
-- READY no longer forgets a server at once: a server missing from it is marked absent
-- and forgotten only after a grace period (a staging bot, a partial outage). The bot
-- that first used the file owns it; another bot's READY forgets nothing.
ALTER TABLE guild_settings ADD COLUMN absent_since TEXT;

CREATE TABLE owner (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    bot_user_id INTEGER NOT NULL,
    since       TEXT NOT NULL
);
