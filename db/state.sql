-- State store: server settings and the post log. Irreplaceable: never rebuilt.

-- migration 1
CREATE TABLE guild_settings (
    guild_id   INTEGER PRIMARY KEY,
    timezone   TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE subscriptions (
    guild_id      INTEGER PRIMARY KEY,
    channel_id    INTEGER NOT NULL,
    post_time     TEXT NOT NULL,            -- local HH:MM
    timezone      TEXT NOT NULL,            -- IANA name
    empty_day     TEXT NOT NULL DEFAULT 'nearest' CHECK (empty_day IN ('skip', 'quote', 'nearest')),
    enabled       INTEGER NOT NULL DEFAULT 1,
    paused_reason TEXT,
    failures      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    last_error_at TEXT,
    updated_at    TEXT NOT NULL
);

-- One row per server per local day: the guarantee of exactly one post a day.
CREATE TABLE post_log (
    guild_id   INTEGER NOT NULL,
    local_date TEXT NOT NULL,               -- YYYY-MM-DD in the server's time zone
    channel_id INTEGER NOT NULL,
    status     TEXT NOT NULL CHECK (status IN ('claimed', 'posted', 'skipped', 'failed')),
    message_id INTEGER,
    detail     TEXT,
    at         TEXT NOT NULL,
    PRIMARY KEY (guild_id, local_date)
) WITHOUT ROWID;
