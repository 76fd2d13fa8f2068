#include "store/migrations.h"

#include <string>

namespace bilat::store {
namespace {

// Migrations are append-only: a released step is never edited, because a
// workspace that already ran it would not run it again. Change the schema by
// adding a step. Each step runs in its own transaction with user_version.

// Version 1: the curated registries (docs/formats/registry.md), one table per
// kind; every fact row references a source and remembers its registry line.
constexpr const char* kV1 = R"sql(
CREATE TABLE "sources" (
  "id" TEXT PRIMARY KEY,
  "title" TEXT NOT NULL,
  "publisher" TEXT NOT NULL,
  "url" TEXT,
  "citation" TEXT,
  "published" TEXT NOT NULL,
  "accessed" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "exchanges" (
  "id" TEXT PRIMARY KEY,
  "date" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "from" TEXT NOT NULL,
  "to" TEXT NOT NULL,
  "location" TEXT,
  "leader" TEXT NOT NULL,
  "role" TEXT,
  "counterpart" TEXT,
  "occasion" TEXT,
  "status" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "agreements" (
  "id" TEXT PRIMARY KEY,
  "date" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "parties" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "level" TEXT,
  "status" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "projects" (
  "id" TEXT PRIMARY KEY,
  "date" TEXT,
  "as_of" TEXT,
  "name" TEXT NOT NULL,
  "investor" TEXT NOT NULL,
  "host" TEXT NOT NULL,
  "entity" TEXT,
  "counterpart" TEXT,
  "sector" TEXT NOT NULL,
  "subsector" TEXT,
  "kind" TEXT,
  "status" TEXT,
  "count" INTEGER,
  "value" REAL,
  "value_qualifier" TEXT,
  "currency" TEXT,
  "scale" TEXT,
  "share_pct" REAL,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "connectivity" (
  "id" TEXT PRIMARY KEY,
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "countries" TEXT NOT NULL,
  "count" INTEGER,
  "as_of" TEXT,
  "opened" TEXT,
  "status" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "finance" (
  "id" TEXT PRIMARY KEY,
  "date" TEXT,
  "as_of" TEXT,
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "institution" TEXT,
  "countries" TEXT NOT NULL,
  "value" REAL,
  "currency" TEXT,
  "scale" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "people" (
  "id" TEXT PRIMARY KEY,
  "date" TEXT,
  "as_of" TEXT,
  "kind" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "host" TEXT NOT NULL,
  "partner" TEXT NOT NULL,
  "count" INTEGER,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "trade" (
  "id" TEXT PRIMARY KEY,
  "year" INTEGER NOT NULL,
  "period" TEXT,
  "reporter" TEXT,
  "partner_a" TEXT NOT NULL,
  "partner_b" TEXT NOT NULL,
  "flow" TEXT NOT NULL,
  "value" REAL NOT NULL,
  "value_qualifier" TEXT,
  "currency" TEXT,
  "scale" TEXT,
  "stated_growth_pct" REAL,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "indicators" (
  "id" TEXT PRIMARY KEY,
  "country" TEXT NOT NULL,
  "year" INTEGER NOT NULL,
  "indicator" TEXT NOT NULL,
  "series" TEXT,
  "value" REAL NOT NULL,
  "currency" TEXT,
  "scale" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE TABLE "targets" (
  "id" TEXT PRIMARY KEY,
  "stated" TEXT NOT NULL,
  "country" TEXT NOT NULL,
  "partner" TEXT,
  "indicator" TEXT NOT NULL,
  "target_value" REAL NOT NULL,
  "target_value_high" REAL,
  "currency" TEXT,
  "scale" TEXT,
  "target_year" INTEGER,
  "stated_by" TEXT,
  "source_id" TEXT NOT NULL REFERENCES sources(id),
  "locator" TEXT NOT NULL,
  "note" TEXT,
  "origin_file" TEXT NOT NULL,
  "origin_line" INTEGER NOT NULL,
  "row_hash" TEXT NOT NULL
) STRICT;
CREATE INDEX exchanges_pair ON exchanges("from", "to");
CREATE INDEX projects_pair ON projects(investor, host);
CREATE INDEX trade_pair ON trade(partner_a, partner_b);
)sql";

// Version 2: a log of ingests that changed the workspace, so an analyst can
// see when the registry was last loaded and what it changed.
constexpr const char* kV2 = R"sql(
CREATE TABLE ingest_log (
  id INTEGER PRIMARY KEY,
  at_utc TEXT NOT NULL,
  command TEXT NOT NULL,
  path TEXT NOT NULL,
  added INTEGER NOT NULL,
  updated INTEGER NOT NULL,
  removed INTEGER NOT NULL,
  rejected INTEGER NOT NULL
) STRICT;
)sql";

// Version 3: event data (GDELT, ICEWS). Aggregates are kept for every dyad;
// whole events only for followed pairs. Files are recorded by content hash
// in the same transaction as their rows, so a file is applied exactly once
// and an interrupted ingest leaves nothing of it behind.
constexpr const char* kV3 = R"sql(
CREATE TABLE event_files (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  dataset TEXT NOT NULL,
  format TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  lines INTEGER NOT NULL,
  rows_ok INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  file_size INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX event_files_stat ON event_files(path, file_size, file_mtime_ns);
CREATE TABLE event_rejects (
  file_id INTEGER NOT NULL REFERENCES event_files(id),
  line INTEGER NOT NULL,
  byte_offset INTEGER NOT NULL,
  reason TEXT NOT NULL,
  detail TEXT NOT NULL,
  text TEXT NOT NULL
) STRICT;
CREATE TABLE dyad_months (
  dataset TEXT NOT NULL,
  src TEXT NOT NULL,
  dst TEXT NOT NULL,
  month INTEGER NOT NULL,
  root INTEGER NOT NULL,
  events INTEGER NOT NULL,
  q1 INTEGER NOT NULL, q2 INTEGER NOT NULL, q3 INTEGER NOT NULL, q4 INTEGER NOT NULL,
  goldstein_sum REAL NOT NULL,
  mentions INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  tone_x_mentions REAL NOT NULL,
  PRIMARY KEY (dataset, src, dst, month, root)
) STRICT, WITHOUT ROWID;
CREATE TABLE country_months (
  dataset TEXT NOT NULL,
  code TEXT NOT NULL,
  month INTEGER NOT NULL,
  events INTEGER NOT NULL,
  PRIMARY KEY (dataset, code, month)
) STRICT, WITHOUT ROWID;
CREATE TABLE followed_pairs (
  a TEXT NOT NULL,
  b TEXT NOT NULL,
  PRIMARY KEY (a, b),
  CHECK (a < b)
) STRICT;
CREATE TABLE events (
  dataset TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  date TEXT NOT NULL,
  month INTEGER NOT NULL,
  src TEXT NOT NULL,
  dst TEXT NOT NULL,
  actor1_code TEXT NOT NULL, actor1_name TEXT NOT NULL,
  actor2_code TEXT NOT NULL, actor2_name TEXT NOT NULL,
  root INTEGER NOT NULL,
  event_code TEXT NOT NULL,
  quad_class INTEGER NOT NULL,
  goldstein REAL NOT NULL,
  mentions INTEGER NOT NULL, sources INTEGER NOT NULL, articles INTEGER NOT NULL,
  avg_tone REAL,
  place TEXT NOT NULL,
  place_country TEXT NOT NULL,
  source_url TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES event_files(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (dataset, event_id)
) STRICT;
CREATE INDEX events_pair ON events(src, dst, month);
CREATE TABLE event_mentions (
  dataset TEXT NOT NULL,
  event_id INTEGER NOT NULL,
  mention_time INTEGER NOT NULL,
  source_name TEXT NOT NULL,
  url TEXT NOT NULL,
  confidence INTEGER NOT NULL,
  file_id INTEGER NOT NULL REFERENCES event_files(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (dataset, event_id, url)
) STRICT;
)sql";

// Version 4: facts extracted from text, each with its evidence (document,
// character span, sentence). Text-derived events also enter the event tables
// as dataset 'text' (one event_files row per document), so that they
// aggregate with GDELT's and ICEWS's.
constexpr const char* kV4 = R"sql(
CREATE TABLE text_items (
  file_id INTEGER NOT NULL REFERENCES event_files(id),
  item INTEGER NOT NULL,
  doc_id TEXT NOT NULL,
  url TEXT NOT NULL,
  doc_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  date TEXT NOT NULL,
  countries TEXT NOT NULL,
  subkind TEXT NOT NULL,
  status TEXT NOT NULL,
  actor TEXT NOT NULL,
  what TEXT NOT NULL,
  value REAL,
  value_high REAL,
  unit TEXT NOT NULL,
  qualifier TEXT NOT NULL,
  period TEXT NOT NULL,
  yoy_pct REAL,
  cameo_code TEXT NOT NULL,
  goldstein REAL,
  confidence REAL NOT NULL,
  evidence_begin INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (file_id, item)
) STRICT;
)sql";

// Version 5: trade statistics and macro indicators loaded from statistical
// files (UN Comtrade, CEPII BACI, World Bank WDI). One trade_files row per
// file, committed with its rows in one transaction. trade_flows keeps each
// flow as its file states it; its key is also the duplicate test across
// files. trade_totals and trade_product_totals are derived, rebuilt for the
// years a file touches: each country's total trade with each partner and
// with the world ("WLD"), and its trade with the world by product, packed
// one blob per country and flow (format in store/trade_store.h) so that a
// query for one country reads a few hundred rows, not millions.
// indicator_values holds WDI observations.
constexpr const char* kV5 = R"sql(
CREATE TABLE trade_files (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  dataset TEXT NOT NULL,
  layout TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_stored INTEGER NOT NULL,
  rows_duplicate INTEGER NOT NULL,
  issues INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
) STRICT;
CREATE TABLE trade_flows (
  dataset TEXT NOT NULL,
  year INTEGER NOT NULL,
  reporter TEXT NOT NULL,
  partner TEXT NOT NULL,
  flow TEXT NOT NULL,
  product TEXT NOT NULL,
  period TEXT NOT NULL,
  value_usd REAL NOT NULL,
  quantity REAL,
  quantity_unit TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES trade_files(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (dataset, year, reporter, partner, flow, product, period)
) STRICT, WITHOUT ROWID;
CREATE TABLE trade_totals (
  dataset TEXT NOT NULL,
  year INTEGER NOT NULL,
  country TEXT NOT NULL,
  partner TEXT NOT NULL,
  flow TEXT NOT NULL,
  value_usd REAL NOT NULL,
  PRIMARY KEY (dataset, year, country, partner, flow)
) STRICT, WITHOUT ROWID;
CREATE TABLE trade_product_totals (
  dataset TEXT NOT NULL,
  year INTEGER NOT NULL,
  country TEXT NOT NULL,
  flow TEXT NOT NULL,
  products INTEGER NOT NULL,
  packed BLOB NOT NULL,
  PRIMARY KEY (dataset, year, country, flow)
) STRICT, WITHOUT ROWID;
CREATE TABLE trade_issues (
  file_id INTEGER NOT NULL REFERENCES trade_files(id),
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL,
  hint TEXT NOT NULL
) STRICT;
CREATE INDEX trade_issues_by_file ON trade_issues(file_id, line);
CREATE TABLE indicator_values (
  series TEXT NOT NULL,
  country TEXT NOT NULL,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  is_country INTEGER NOT NULL,
  file_id INTEGER NOT NULL REFERENCES trade_files(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (series, country, year)
) STRICT, WITHOUT ROWID;
)sql";

// Version 6: bulk datasets (China Vitae, AEI, UNGA votes, ...). Their
// registry-kind rows live in the registry's tables with ids "<scope>:..."
// (registry ids never contain ':'); values that are not registry facts are
// observations of a measure for a country or a pair in a period. Each file's
// rows replace the earlier file of the same scope (`current`).
constexpr const char* kV6 = R"sql(
CREATE TABLE dataset_files (
  id INTEGER PRIMARY KEY,
  content_hash TEXT NOT NULL,
  path TEXT NOT NULL,
  dataset TEXT NOT NULL,
  scope TEXT NOT NULL,
  layout TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  file_mtime_ns INTEGER NOT NULL,
  rows_read INTEGER NOT NULL,
  records INTEGER NOT NULL,
  observations INTEGER NOT NULL,
  rows_skipped INTEGER NOT NULL,
  issues INTEGER NOT NULL,
  current INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
) STRICT;
CREATE INDEX dataset_files_by_hash ON dataset_files(content_hash);
CREATE INDEX dataset_files_by_scope ON dataset_files(scope, current);
CREATE TABLE dataset_issues (
  file_id INTEGER NOT NULL REFERENCES dataset_files(id),
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  message TEXT NOT NULL,
  hint TEXT NOT NULL
) STRICT;
CREATE INDEX dataset_issues_by_file ON dataset_issues(file_id, line);
CREATE TABLE observations (
  scope TEXT NOT NULL,
  measure TEXT NOT NULL,
  subject TEXT NOT NULL,
  object TEXT NOT NULL,
  period TEXT NOT NULL,
  item TEXT NOT NULL,
  value REAL,
  text TEXT NOT NULL,
  file_id INTEGER NOT NULL REFERENCES dataset_files(id),
  line INTEGER NOT NULL,
  PRIMARY KEY (scope, measure, subject, object, period, item)
) STRICT, WITHOUT ROWID;
CREATE INDEX observations_by_pair ON observations(subject, object, measure);
)sql";

// v7: series-wide reads against one country (the relations index asks
// "every partner's UN agreement with CHN", "CHN's trade with everyone and
// everyone's with CHN"), which the primary keys (scope first, dataset and
// year first) and observations_by_pair (subject first) cannot serve.
constexpr const char* kV7 = R"sql(
CREATE INDEX observations_by_measure ON observations(measure, object, subject);
CREATE INDEX trade_totals_by_country ON trade_totals(country, dataset);
CREATE INDEX trade_totals_by_partner ON trade_totals(partner, dataset);
)sql";

constexpr const char* kSteps[] = {kV1, kV2, kV3, kV4, kV5, kV6, kV7};

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(std::size(kSteps)); }

Result<int> SchemaVersion(SqliteDb* db) {
  BILAT_ASSIGN_OR_RETURN(long long v, db->QueryInt("PRAGMA user_version;"));
  return static_cast<int>(v);
}

Status Migrate(SqliteDb* db, int target_version) {
  BILAT_ASSIGN_OR_RETURN(int current, SchemaVersion(db));
  if (current > LatestSchemaVersion()) {
    return Status::FailedPrecondition(
        db->path() + ": workspace schema version " + std::to_string(current) +
        " is newer than this bilat understands (" +
        std::to_string(LatestSchemaVersion()) + "); update bilat");
  }
  for (int v = current + 1; v <= target_version && v <= LatestSchemaVersion(); ++v) {
    Transaction tx(db);
    BILAT_RETURN_IF_ERROR(tx.status());
    Status st = db->Exec(kSteps[v - 1]);
    if (!st.ok()) {
      return Status::Internal("schema migration to version " + std::to_string(v) +
                              " failed: " + st.message());
    }
    BILAT_RETURN_IF_ERROR(db->Exec("PRAGMA user_version = " + std::to_string(v) + ";"));
    BILAT_RETURN_IF_ERROR(tx.Commit());
  }
  return Status::Ok();
}

}  // namespace bilat::store
