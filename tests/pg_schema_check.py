#!/usr/bin/env python3
"""Compares the PostgreSQL schema with the SQLite one the app has always had.

The store keeps one set of queries for both backends, so the two migration sets
(src/store/migrations/*.sql and src/store/migrations/pg/*.sql) must produce the same tables with
the same column names in the same order, the same index names, the same seeded rows, and
PostgreSQL column types the Rust side can read as SQLite's (every integer BIGINT, REAL as DOUBLE
PRECISION, BLOB as BYTEA, TEXT as TEXT).

Usage: pg_schema_check.py [--apply] [--ignore-table NAME ...] POSTGRES_URL

The SQLite side is built in memory from the SQLite migrations. The PostgreSQL database at the
URL must already be migrated, or empty with --apply (then the pg migrations are applied to it,
each file in one transaction). Talks to PostgreSQL through `psql` (no Python driver needed).
Prints every difference and exits 1 if there is any, 0 otherwise.
"""

import argparse
import pathlib
import sqlite3
import subprocess
import sys

MIGRATIONS = pathlib.Path(__file__).resolve().parent.parent / "src" / "store" / "migrations"

# Tables whose seeded rows must match exactly, ordered by their key.
SEEDED = {"platform_kinds": "id"}

# SQLite declared type -> the PostgreSQL type (information_schema.columns.data_type).
TYPE_MAP = {
    "INTEGER": "bigint",
    "REAL": "double precision",
    "TEXT": "text",
    "BLOB": "bytea",
}


def sqlite_schema():
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        conn.executescript(path.read_text(encoding="utf-8"))
    tables = {}
    names = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    for name in names:
        tables[name] = [
            (r[1], r[2].upper(), bool(r[3]))
            for r in conn.execute(f'PRAGMA table_info("{name}")')
        ]
    indexes = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
    }
    seeded = {
        t: [tuple(str(v) for v in row) for row in conn.execute(f'SELECT * FROM "{t}" ORDER BY {k}')]
        for t, k in SEEDED.items()
    }
    return tables, indexes, seeded


def psql(url, sql):
    out = subprocess.run(
        ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-At", "-F", "\x1f", "-d", url, "-c", sql],
        capture_output=True,
        text=True,
    )
    if out.returncode != 0:
        sys.exit(f"psql failed on: {sql}\n{out.stderr}")
    return [line.split("\x1f") for line in out.stdout.splitlines() if line]


def apply_pg(url):
    for path in sorted((MIGRATIONS / "pg").glob("[0-9][0-9][0-9]_*.sql")):
        subprocess.run(
            ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-d", url, "-f", str(path)],
            check=True,
        )


def pg_schema(url):
    tables = {}
    rows = psql(
        url,
        "SELECT c.table_name, c.column_name, c.data_type, c.is_nullable "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
        "ORDER BY c.table_name, c.ordinal_position",
    )
    for table, column, data_type, nullable in rows:
        tables.setdefault(table, []).append((column, data_type, nullable == "NO"))
    # Indexes created by CREATE INDEX: not the ones behind PRIMARY KEY / UNIQUE constraints.
    indexes = {
        r[0]: r[1]
        for r in psql(
            url,
            "SELECT i.indexname, i.tablename FROM pg_indexes i "
            "WHERE i.schemaname = current_schema() AND NOT EXISTS ("
            "  SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname "
            "  AND k.connamespace = (SELECT oid FROM pg_namespace WHERE nspname = i.schemaname))",
        )
    }
    seeded = {
        t: [tuple(r) for r in psql(url, f'SELECT * FROM "{t}" ORDER BY {k}')]
        for t, k in SEEDED.items()
    }
    return tables, indexes, seeded


def compare(lite, pg, ignore):
    diffs = []
    lt, li, ls = lite
    pt, pi, ps = pg
    for name in sorted(set(lt) - set(pt) - ignore):
        diffs.append(f"table {name}: in SQLite only")
    for name in sorted(set(pt) - set(lt) - ignore):
        diffs.append(f"table {name}: in PostgreSQL only")
    for name in sorted(set(lt) & set(pt)):
        lcols = [c[0] for c in lt[name]]
        pcols = [c[0] for c in pt[name]]
        if lcols != pcols:
            diffs.append(f"table {name}: columns differ\n  sqlite:   {lcols}\n  postgres: {pcols}")
            continue
        for (col, ltype, lnn), (_, ptype, pnn) in zip(lt[name], pt[name]):
            want = TYPE_MAP.get(ltype)
            if want != ptype:
                diffs.append(f"{name}.{col}: SQLite {ltype}, PostgreSQL {ptype} (want {want})")
            # SQLite reports NOT NULL only where declared; PRIMARY KEY columns are NOT NULL on
            # PostgreSQL whatever the declaration, so only a missing NOT NULL is a difference.
            if lnn and not pnn:
                diffs.append(f"{name}.{col}: NOT NULL on SQLite, nullable on PostgreSQL")
    for name in sorted(set(li) - set(pi)):
        diffs.append(f"index {name} (on {li[name]}): in SQLite only")
    for name in sorted(set(pi) - set(li)):
        # The lower(login) index stands in for COLLATE NOCASE; it has no SQLite counterpart.
        if name == "users_login_lower" or pi[name] in ignore:
            continue
        diffs.append(f"index {name} (on {pi[name]}): in PostgreSQL only")
    for name in sorted(set(li) & set(pi)):
        if li[name] != pi[name]:
            diffs.append(f"index {name}: on {li[name]} in SQLite, on {pi[name]} in PostgreSQL")
    for table in SEEDED:
        if ls[table] != ps[table]:
            diffs.append(f"seed rows of {table} differ\n  sqlite:   {ls[table]}\n  postgres: {ps[table]}")
    return diffs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="postgres://user:password@host:port/database")
    parser.add_argument("--apply", action="store_true", help="apply the pg migrations first")
    parser.add_argument(
        "--ignore-table",
        action="append",
        default=[],
        metavar="NAME",
        help="a table on one side only that is not part of the schema (e.g. a version table)",
    )
    args = parser.parse_args()
    if args.apply:
        apply_pg(args.url)
    diffs = compare(sqlite_schema(), pg_schema(args.url), set(args.ignore_table))
    for d in diffs:
        print(d)
    if diffs:
        print(f"{len(diffs)} difference(s)", file=sys.stderr)
        return 1
    print("schemas match", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
