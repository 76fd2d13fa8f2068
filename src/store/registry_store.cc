#include "store/registry_store.h"

#include <cstdio>
#include <set>
#include <unordered_map>

namespace bilat::store {
namespace {

std::string Quote(std::string_view ident) { return "\"" + std::string(ident) + "\""; }

// FNV-1a over the row's values and origin: a change of either is an update.
std::string RowHash(const Record& r) {
  uint64_t h = 1469598103934665603ull;
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ull;
    }
    h ^= 0xff;
    h *= 1099511628211ull;
  };
  for (const Value& v : r.values) {
    if (std::holds_alternative<std::monostate>(v)) {
      mix("\x01null");
    } else if (const auto* s = std::get_if<std::string>(&v)) {
      mix(*s);
    } else if (const auto* n = std::get_if<long long>(&v)) {
      mix(std::to_string(*n));
    } else {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", std::get<double>(v));
      mix(buf);
    }
  }
  mix(r.Origin());
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
  return out;
}

// The rows a sync owns: the registry's (ids without ':'), or one dataset
// scope's (ids "<scope>:...").
std::string OwnedRows(const std::string& scope) {
  if (scope.empty()) return " WHERE instr(id, ':') = 0";
  return " WHERE id >= '" + scope + ":' AND id < '" + scope + ";'";  // ';' follows ':' in ASCII
}

Status SyncKind(SqliteDb* db, const KindSpec& kind, const std::vector<Record>& rows,
                SyncCounts* counts, const std::string& scope = "") {
  std::unordered_map<std::string, std::string> stored;  // id -> row_hash
  {
    BILAT_ASSIGN_OR_RETURN(Statement st,
                           db->Prepare("SELECT id, row_hash FROM " + Quote(kind.name) + OwnedRows(scope)));
    while (true) {
      BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      stored.emplace(st.ColumnText(0), st.ColumnText(1));
    }
  }
  std::string cols, params, updates;
  for (size_t i = 0; i < kind.columns.size(); ++i) {
    cols += Quote(kind.columns[i].name) + ",";
    params += "?,";
    if (kind.columns[i].name != "id") {
      updates += Quote(kind.columns[i].name) + "=excluded." + Quote(kind.columns[i].name) + ",";
    }
  }
  std::string sql = "INSERT INTO " + Quote(kind.name) + " (" + cols +
                    "origin_file,origin_line,row_hash) VALUES (" + params +
                    "?,?,?) ON CONFLICT(id) DO UPDATE SET " + updates +
                    "origin_file=excluded.origin_file,origin_line=excluded.origin_line,"
                    "row_hash=excluded.row_hash";
  BILAT_ASSIGN_OR_RETURN(Statement ins, db->Prepare(sql));
  std::set<std::string> ids;
  for (const Record& r : rows) {
    std::string id = r.Text("id");
    ids.insert(id);
    std::string hash = RowHash(r);
    auto it = stored.find(id);
    if (it != stored.end() && it->second == hash) {
      ++counts->unchanged;
      continue;
    }
    ++(it == stored.end() ? counts->added : counts->updated);
    int p = 1;
    for (const Value& v : r.values) BILAT_RETURN_IF_ERROR(ins.Bind(p++, v));
    BILAT_RETURN_IF_ERROR(ins.Bind(p++, r.origin_file));
    BILAT_RETURN_IF_ERROR(ins.Bind(p++, static_cast<long long>(r.origin_line)));
    BILAT_RETURN_IF_ERROR(ins.Bind(p++, hash));
    BILAT_ASSIGN_OR_RETURN(bool unused, ins.Step());
    (void)unused;
    ins.Reset();
  }
  return Status::Ok();
}

Status RemoveStale(SqliteDb* db, const KindSpec& kind, const std::vector<Record>& rows,
                   SyncCounts* counts, const std::string& scope = "") {
  std::set<std::string> keep;
  for (const Record& r : rows) keep.insert(r.Text("id"));
  std::vector<std::string> stale;
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM " + Quote(kind.name) + OwnedRows(scope)));
    while (true) {
      BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (!keep.count(st.ColumnText(0))) stale.push_back(st.ColumnText(0));
    }
  }
  BILAT_ASSIGN_OR_RETURN(Statement del,
                         db->Prepare("DELETE FROM " + Quote(kind.name) + " WHERE id = ?"));
  for (const std::string& id : stale) {
    BILAT_RETURN_IF_ERROR(del.Bind(1, id));
    Result<bool> r = del.Step();
    if (!r.ok()) {
      return Status::FailedPrecondition(
          std::string(kind.file) + ": row '" + id +
          "' was removed from the file but is still cited by stored rows of "
          "another registry file; remove those citations too (" +
          r.status().message() + ")");
    }
    del.Reset();
    ++counts->removed;
  }
  return Status::Ok();
}

Result<std::vector<Record>> Query(SqliteDb* db, const KindSpec& kind, const std::string& where,
                                  const std::vector<std::string>& args) {
  std::string cols;
  for (const ColumnSpec& c : kind.columns) cols += Quote(c.name) + ",";
  std::string sql = "SELECT " + cols + "origin_file, origin_line FROM " + Quote(kind.name) +
                    (where.empty() ? "" : " WHERE " + where) + " ORDER BY id";
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
  for (size_t i = 0; i < args.size(); ++i) {
    BILAT_RETURN_IF_ERROR(st.Bind(static_cast<int>(i) + 1, args[i]));
  }
  std::vector<Record> out;
  const int n = static_cast<int>(kind.columns.size());
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    Record r;
    r.kind = &kind;
    for (int i = 0; i < n; ++i) r.values.push_back(st.ColumnValue(i));
    r.origin_file = st.ColumnText(n);
    r.origin_line = static_cast<int>(st.ColumnInt(n + 1));
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace

Result<std::map<std::string, SyncCounts>> SyncRegistry(
    SqliteDb* db, const std::vector<std::vector<Record>>& records,
    const std::vector<const KindSpec*>& files_present) {
  const auto kinds = RegistryKinds();
  std::map<std::string, SyncCounts> counts;
  std::set<std::string_view> present;
  for (const KindSpec* k : files_present) present.insert(k->name);
  Transaction tx(db);
  BILAT_RETURN_IF_ERROR(tx.status());
  // Sources first so new citations resolve; stale facts go before stale
  // sources so that a foreign key only blocks a source still really cited.
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (!present.count(kinds[i].name)) continue;
    BILAT_RETURN_IF_ERROR(SyncKind(db, kinds[i], records[i], &counts[std::string(kinds[i].name)]));
  }
  for (size_t i = kinds.size(); i-- > 0;) {
    if (!present.count(kinds[i].name)) continue;
    BILAT_RETURN_IF_ERROR(
        RemoveStale(db, kinds[i], records[i], &counts[std::string(kinds[i].name)]));
  }
  BILAT_RETURN_IF_ERROR(tx.Commit());
  return counts;
}

Result<SyncCounts> SyncDatasetScope(SqliteDb* db, const std::string& scope, const std::vector<Record>& sources,
                                    const std::vector<Record>& records) {
  if (scope.empty() || scope.find_first_of(":;'") != std::string::npos) {
    return Status::InvalidArgument("dataset scope '" + scope + "' must be non-empty, without ':', ';' or quotes");
  }
  SyncCounts counts;
  const auto kinds = RegistryKinds();
  std::vector<std::vector<Record>> by_kind(kinds.size());
  for (const Record& r : records) {
    if (r.Text("id").rfind(scope + ":", 0) != 0) {
      return Status::Internal("record id '" + r.Text("id") + "' is outside dataset scope " + scope);
    }
    by_kind[static_cast<size_t>(r.kind - kinds.data())].push_back(r);
  }
  by_kind[0] = sources;  // kinds[0] is "sources"
  SyncCounts source_counts;  // not counted: the caller reports records
  for (size_t i = 0; i < kinds.size(); ++i) {
    BILAT_RETURN_IF_ERROR(SyncKind(db, kinds[i], by_kind[i], i == 0 ? &source_counts : &counts, scope));
  }
  for (size_t i = kinds.size(); i-- > 0;) {
    BILAT_RETURN_IF_ERROR(RemoveStale(db, kinds[i], by_kind[i], i == 0 ? &source_counts : &counts, scope));
  }
  return counts;
}

Result<std::vector<Record>> LoadRecords(SqliteDb* db, const KindSpec& kind) {
  return Query(db, kind, "", {});
}

Result<std::vector<Record>> LoadPairRecords(SqliteDb* db, const KindSpec& kind,
                                            const std::string& a, const std::string& b) {
  switch (kind.pair_rule) {
    case PairRule::kNone:
      return Query(db, kind, "", {});
    case PairRule::kTwoColumns: {
      std::string x = Quote(kind.pair_columns[0]), y = Quote(kind.pair_columns[1]);
      return Query(db, kind, "(" + x + "=?1 AND " + y + "=?2) OR (" + x + "=?2 AND " + y + "=?1)",
                   {a, b});
    }
    case PairRule::kListHasBoth: {
      std::string l = "';' || " + Quote(kind.pair_columns[0]) + " || ';'";
      return Query(db, kind, "instr(" + l + ", ';' || ?1 || ';') > 0 AND instr(" + l +
                                 ", ';' || ?2 || ';') > 0",
                   {a, b});
    }
    case PairRule::kOneOfPair: {
      std::string x = Quote(kind.pair_columns[0]);
      return Query(db, kind, x + "=?1 OR " + x + "=?2", {a, b});
    }
  }
  return Status::Internal("unknown pair rule");
}

Status LogIngest(SqliteDb* db, const std::string& command, const std::string& path,
                 const SyncCounts& total, int rejected) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("INSERT INTO ingest_log (at_utc, command, path, added, updated, removed, "
                  "rejected) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?, ?, ?, ?, ?, ?)"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, command));
  BILAT_RETURN_IF_ERROR(st.Bind(2, path));
  BILAT_RETURN_IF_ERROR(st.Bind(3, static_cast<long long>(total.added)));
  BILAT_RETURN_IF_ERROR(st.Bind(4, static_cast<long long>(total.updated)));
  BILAT_RETURN_IF_ERROR(st.Bind(5, static_cast<long long>(total.removed)));
  BILAT_RETURN_IF_ERROR(st.Bind(6, static_cast<long long>(rejected)));
  BILAT_ASSIGN_OR_RETURN(bool unused, st.Step());
  (void)unused;
  return Status::Ok();
}

}  // namespace bilat::store
