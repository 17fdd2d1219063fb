"""The SQL behind the reference version (core.caching.pages): a trigger function that bumps it,
and the triggers that call it, in the transaction of each change. Triggers, not signals: no
statement more per write, and no write escapes them (bulk updates, the admin, raw SQL)."""

BUMP_FUNCTION = """
CREATE OR REPLACE FUNCTION public.pagecache_reference_bump() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO public.core_referenceversion (id, version) VALUES (1, 1)
    ON CONFLICT (id) DO UPDATE SET version = public.core_referenceversion.version + 1;
    RETURN NULL;
END $$;
"""
# Account columns no cached page prints: logging in, activity, the session generation, the
# password and the language (part of every key anyway) change nothing a page shows.
UNPRINTED_USER_COLUMNS = (
    "last_login",
    "minutes_used",
    "last_seen_at",
    "session_generation",
    "password",
    "language",
)


def table_triggers(table: str) -> tuple[str, str]:
    """SQL creating and dropping the bump on every insert, update and delete of `table`."""
    name = f"{table}_pagecache"
    return (
        f"CREATE TRIGGER {name} AFTER INSERT OR UPDATE OR DELETE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION public.pagecache_reference_bump();",
        f"DROP TRIGGER IF EXISTS {name} ON {table};",
    )


def user_triggers() -> tuple[str, str]:
    """Accounts: a change of a printed column, or a deletion; a new account prints nowhere
    before it has an application, whose own stamp changes then."""
    skip = "ARRAY[" + ", ".join(f"'{column}'" for column in UNPRINTED_USER_COLUMNS) + "]::text[]"
    return (
        "CREATE TRIGGER core_user_pagecache AFTER UPDATE ON core_user FOR EACH ROW "
        f"WHEN ((to_jsonb(OLD) - {skip}) IS DISTINCT FROM (to_jsonb(NEW) - {skip})) "
        "EXECUTE FUNCTION public.pagecache_reference_bump();"
        "CREATE TRIGGER core_user_pagecache_delete AFTER DELETE ON core_user "
        "FOR EACH STATEMENT EXECUTE FUNCTION public.pagecache_reference_bump();",
        "DROP TRIGGER IF EXISTS core_user_pagecache ON core_user;"
        "DROP TRIGGER IF EXISTS core_user_pagecache_delete ON core_user;",
    )
