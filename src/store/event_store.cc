#include "store/event_store.h"

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace bilat::store {
namespace {

Value I(uint64_t v) { return static_cast<long long>(v); }
Value I64(int64_t v) { return static_cast<long long>(v); }

template <typename... Args>
Status BindAll(Statement* st, Args&&... args) {
  int i = 1;
  Status s;
  ((s.ok() ? (void)(s = st->Bind(i++, Value(std::forward<Args>(args)))) : (void)0), ...);
  return s;
}

Status StepDone(Statement* st) {
  BILAT_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  st->Reset();
  return Status::Ok();
}

}  // namespace

Result<std::optional<int64_t>> FindEventFile(SqliteDb* db, const std::string& hash) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM event_files WHERE content_hash = ?"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, hash));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.ColumnInt(0));
}

Result<std::optional<int64_t>> FindEventFileByStat(SqliteDb* db, const std::string& path, uint64_t size,
                                                   int64_t mtime_ns) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT id FROM event_files WHERE path = ? AND file_size = ? "
                                                   "AND file_mtime_ns = ?"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, path, I(size), I64(mtime_ns)));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return std::optional<int64_t>();
  return std::optional<int64_t>(st.ColumnInt(0));
}

namespace {

void AddInto(DyadMonth* s, const DyadMonth& d) {
  s->events += d.events;
  for (int q = 0; q < 4; ++q) s->q[q] += d.q[q];
  s->goldstein_sum += d.goldstein_sum;
  s->mentions += d.mentions;
  s->sources += d.sources;
  s->articles += d.articles;
  s->tone_x_mentions += d.tone_x_mentions;
}

// A dyad-month's key in 61 bits, ordered as (src, dst, month, root) are:
// codes of up to three bytes, zero-padded, and the month as months since
// 1900. nullopt for anything else (then keys are strings).
std::optional<uint64_t> PackedKey(const DyadMonth& d) {
  auto code = [](const std::string& c) -> std::optional<uint64_t> {
    if (c.size() > 3 || c.find('\0') != std::string::npos) return std::nullopt;
    uint64_t v = 0;
    for (size_t i = 0; i < 3; ++i) v = (v << 8) | (i < c.size() ? static_cast<unsigned char>(c[i]) : 0);
    return v;
  };
  const int year = d.month / 100, month = d.month % 100;
  if (year < 1900 || year >= 1900 + 341 || month < 1 || month > 12) return std::nullopt;
  std::optional<uint64_t> src = code(d.src), dst = code(d.dst);
  if (!src || !dst) return std::nullopt;
  const uint64_t index = static_cast<uint64_t>((year - 1900) * 12 + month - 1);
  return *src << 37 | *dst << 13 | index << 1 | (d.root ? 1 : 0);
}

// The sum of several files' aggregates, in primary-key order. One file's
// rows are already summed and sorted (the scan sorts them), so they pass
// through untouched; a month of feed files is summed on integer keys.
std::vector<DyadMonth> SumDyads(const std::vector<const EventFileBatch*>& files) {
  std::vector<DyadMonth> out;
  std::unordered_map<uint64_t, size_t> at;
  bool packed = true;
  for (const EventFileBatch* f : files) {
    for (const DyadMonth& d : f->dyads) {
      std::optional<uint64_t> key = PackedKey(d);
      if (!key) {
        packed = false;
        break;
      }
      auto [it, fresh] = at.try_emplace(*key, out.size());
      if (fresh) {
        out.push_back(d);
      } else {
        AddInto(&out[it->second], d);
      }
    }
    if (!packed) break;
  }
  if (packed) {
    std::vector<std::pair<uint64_t, size_t>> order(at.begin(), at.end());
    std::sort(order.begin(), order.end());
    std::vector<DyadMonth> sorted;
    sorted.reserve(order.size());
    for (const auto& [key, i] : order) sorted.push_back(std::move(out[i]));
    return sorted;
  }
  // Unusual codes or months: string keys.
  std::map<std::tuple<std::string, std::string, int, bool>, DyadMonth> sum;
  for (const EventFileBatch* f : files) {
    for (const DyadMonth& d : f->dyads) {
      auto [it, fresh] = sum.try_emplace({d.src, d.dst, d.month, d.root}, d);
      if (!fresh) AddInto(&it->second, d);
    }
  }
  out.clear();
  for (auto& [k, d] : sum) out.push_back(std::move(d));
  return out;
}

std::vector<CountryMonth> SumCountries(const std::vector<const EventFileBatch*>& files) {
  // Keys as SumDyads packs them, with no target: (code, month).
  std::unordered_map<uint64_t, size_t> at;
  std::vector<CountryMonth> out;
  for (const EventFileBatch* f : files) {
    for (const CountryMonth& c : f->countries) {
      DyadMonth probe;
      probe.src = c.code;
      probe.month = c.month;
      std::optional<uint64_t> key = PackedKey(probe);
      if (!key) {  // unusual codes or months: string keys for all
        std::map<std::pair<std::string, int>, uint64_t> sum;
        for (const EventFileBatch* g : files) {
          for (const CountryMonth& d : g->countries) sum[{d.code, d.month}] += d.events;
        }
        out.clear();
        for (const auto& [k, n] : sum) out.push_back({k.first, k.second, n});
        return out;
      }
      auto [it, fresh] = at.try_emplace(*key, out.size());
      if (fresh) {
        out.push_back(c);
      } else {
        out[it->second].events += c.events;
      }
    }
  }
  std::sort(out.begin(), out.end(),
            [](const CountryMonth& x, const CountryMonth& y) { return std::tie(x.code, x.month) < std::tie(y.code, y.month); });
  return out;
}

// Everything of one file but its aggregates: its row in event_files, its
// whole events, rejects, mentions and text items.
Status InsertFileRows(SqliteDb* db, const EventFileBatch& b, EventCommit* out) {
  {
    BILAT_ASSIGN_OR_RETURN(Statement st,
                           db->Prepare("INSERT INTO event_files (content_hash, path, dataset, format, bytes, lines, "
                                       "rows_ok, rows_rejected, file_size, file_mtime_ns, ingested_at) VALUES "
                                       "(?,?,?,?,?,?,?,?,?,?, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"));
    BILAT_RETURN_IF_ERROR(BindAll(&st, b.file.content_hash, b.file.path, b.file.dataset, b.file.format,
                                  I(b.file.bytes), I(b.file.lines), I(b.file.rows_ok), I(b.file.rows_rejected),
                                  I(b.file.file_size), I64(b.file.file_mtime_ns)));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
    BILAT_ASSIGN_OR_RETURN(long long id, db->QueryInt("SELECT last_insert_rowid()"));
    out->file_id = id;
  }
  {
    BILAT_ASSIGN_OR_RETURN(Statement st,
                           db->Prepare("INSERT OR IGNORE INTO events VALUES "
                                       "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    for (const StoredEvent& e : b.events) {
      Value tone = e.avg_tone ? Value(*e.avg_tone) : Value(std::monostate{});
      BILAT_RETURN_IF_ERROR(BindAll(&st, b.file.dataset, I64(e.event_id), e.date, static_cast<long long>(e.month),
                                    e.src, e.dst, e.actor1_code, e.actor1_name, e.actor2_code, e.actor2_name,
                                    static_cast<long long>(e.root), e.event_code, static_cast<long long>(e.quad_class),
                                    e.goldstein, I64(e.mentions), I64(e.sources), I64(e.articles), tone, e.place,
                                    e.place_country, e.source_url, I64(out->file_id), I(e.line)));
      BILAT_RETURN_IF_ERROR(StepDone(&st));
      BILAT_ASSIGN_OR_RETURN(long long changed, db->QueryInt("SELECT changes()"));
      ++(changed ? out->events_added : out->events_duplicate);
    }
  }
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("INSERT INTO event_rejects VALUES (?,?,?,?,?,?)"));
    for (const StoredReject& r : b.rejects) {
      BILAT_RETURN_IF_ERROR(BindAll(&st, I64(out->file_id), I(r.line), I(r.byte_offset), r.reason, r.detail, r.text));
      BILAT_RETURN_IF_ERROR(StepDone(&st));
    }
  }
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("INSERT OR IGNORE INTO event_mentions VALUES (?,?,?,?,?,?,?,?)"));
    for (const StoredMention& m : b.mentions) {
      BILAT_RETURN_IF_ERROR(BindAll(&st, std::string("gdelt"), I64(m.event_id), I64(m.mention_time), m.source_name,
                                    m.url, static_cast<long long>(m.confidence), I64(out->file_id), I(m.line)));
      BILAT_RETURN_IF_ERROR(StepDone(&st));
    }
  }
  {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("INSERT INTO text_items VALUES "
                                                     "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    auto opt = [](const std::optional<double>& v) { return v ? Value(*v) : Value(std::monostate{}); };
    for (const TextItem& t : b.text_items) {
      BILAT_RETURN_IF_ERROR(BindAll(&st, I64(out->file_id), static_cast<long long>(t.item), t.doc_id, t.url,
                                    t.doc_date, t.kind, t.date, t.countries, t.subkind, t.status, t.actor, t.what,
                                    opt(t.value), opt(t.value_high), t.unit, t.qualifier, t.period, opt(t.yoy_pct),
                                    t.cameo_code, opt(t.goldstein), t.confidence, I64(t.evidence_begin),
                                    I64(t.evidence_end), t.evidence));
      BILAT_RETURN_IF_ERROR(StepDone(&st));
    }
  }
  return Status::Ok();
}

// Adds summed aggregates to what is stored.
Status UpsertAggregates(SqliteDb* db, const std::string& dataset, const std::vector<DyadMonth>& dyads,
                        const std::vector<CountryMonth>& countries) {
  {
    BILAT_ASSIGN_OR_RETURN(
        Statement st,
        db->Prepare("INSERT INTO dyad_months VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) "
                    "ON CONFLICT(dataset, src, dst, month, root) DO UPDATE SET "
                    "events = events + excluded.events, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2, "
                    "q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, "
                    "goldstein_sum = goldstein_sum + excluded.goldstein_sum, "
                    "mentions = mentions + excluded.mentions, sources = sources + excluded.sources, "
                    "articles = articles + excluded.articles, "
                    "tone_x_mentions = tone_x_mentions + excluded.tone_x_mentions"));
    // The hot loop of a big ingest (hundreds of thousands of rows): typed
    // binds without copies.
    for (const DyadMonth& d : dyads) {
      BILAT_RETURN_IF_ERROR(st.BindText(1, dataset));
      BILAT_RETURN_IF_ERROR(st.BindText(2, d.src));
      BILAT_RETURN_IF_ERROR(st.BindText(3, d.dst));
      BILAT_RETURN_IF_ERROR(st.BindInt(4, d.month));
      BILAT_RETURN_IF_ERROR(st.BindInt(5, d.root ? 1 : 0));
      BILAT_RETURN_IF_ERROR(st.BindInt(6, static_cast<long long>(d.events)));
      for (int q = 0; q < 4; ++q) BILAT_RETURN_IF_ERROR(st.BindInt(7 + q, static_cast<long long>(d.q[q])));
      BILAT_RETURN_IF_ERROR(st.BindDouble(11, d.goldstein_sum));
      BILAT_RETURN_IF_ERROR(st.BindInt(12, static_cast<long long>(d.mentions)));
      BILAT_RETURN_IF_ERROR(st.BindInt(13, static_cast<long long>(d.sources)));
      BILAT_RETURN_IF_ERROR(st.BindInt(14, static_cast<long long>(d.articles)));
      BILAT_RETURN_IF_ERROR(st.BindDouble(15, d.tone_x_mentions));
      BILAT_RETURN_IF_ERROR(StepDone(&st));
    }
  }
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("INSERT INTO country_months VALUES (?,?,?,?) "
                                                   "ON CONFLICT(dataset, code, month) DO UPDATE SET "
                                                   "events = events + excluded.events"));
  for (const CountryMonth& c : countries) {
    BILAT_RETURN_IF_ERROR(BindAll(&st, dataset, c.code, static_cast<long long>(c.month), I(c.events)));
    BILAT_RETURN_IF_ERROR(StepDone(&st));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<EventCommit>> CommitEventFiles(SqliteDb* db, const std::vector<const EventFileBatch*>& batches) {
  std::vector<EventCommit> out(batches.size());
  if (batches.empty()) return out;
  Transaction tx(db);
  BILAT_RETURN_IF_ERROR(tx.status());
  // Which files are new: not stored before (by an earlier run, or by another
  // process since the caller looked), and not twice in this call.
  std::map<std::string, std::vector<const EventFileBatch*>> new_by_dataset;
  std::unordered_map<std::string, size_t> first_here;
  for (size_t i = 0; i < batches.size(); ++i) {
    const EventFileBatch& b = *batches[i];
    BILAT_ASSIGN_OR_RETURN(std::optional<int64_t> existing, FindEventFile(db, b.file.content_hash));
    auto [it, fresh] = first_here.try_emplace(b.file.content_hash, i);
    if (existing || !fresh) {
      out[i].already_ingested = true;
      out[i].file_id = existing ? *existing : 0;
      continue;
    }
    BILAT_RETURN_IF_ERROR(InsertFileRows(db, b, &out[i]));
    new_by_dataset[b.file.dataset].push_back(&b);
  }
  for (size_t i = 0; i < batches.size(); ++i) {  // a repeat within this call: the first one's id
    if (out[i].already_ingested && out[i].file_id == 0) {
      out[i].file_id = out[first_here[batches[i]->file.content_hash]].file_id;
    }
  }
  for (const auto& [dataset, files] : new_by_dataset) {
    if (files.size() == 1) {  // already summed and sorted by the scan
      BILAT_RETURN_IF_ERROR(UpsertAggregates(db, dataset, files[0]->dyads, files[0]->countries));
    } else {
      BILAT_RETURN_IF_ERROR(UpsertAggregates(db, dataset, SumDyads(files), SumCountries(files)));
    }
  }
  BILAT_RETURN_IF_ERROR(tx.Commit());
  return out;
}

Result<EventCommit> CommitEventFile(SqliteDb* db, const EventFileBatch& b) {
  BILAT_ASSIGN_OR_RETURN(std::vector<EventCommit> out, CommitEventFiles(db, {&b}));
  return out[0];
}

Result<std::vector<TextItem>> LoadTextItems(SqliteDb* db, const std::string& a, const std::string& b) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT item, doc_id, url, doc_date, kind, date, countries, subkind, status, actor, what, value, "
                  "value_high, unit, qualifier, period, yoy_pct, cameo_code, goldstein, confidence, evidence_begin, "
                  "evidence_end, evidence, file_id FROM text_items WHERE instr(';' || countries || ';', ';' || ?1 || ';') > 0 "
                  "AND instr(';' || countries || ';', ';' || ?2 || ';') > 0 ORDER BY date, doc_id, item"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, a, b));
  std::vector<TextItem> out;
  auto opt = [&](int col) -> std::optional<double> {
    if (std::holds_alternative<std::monostate>(st.ColumnValue(col))) return std::nullopt;
    return st.ColumnDouble(col);
  };
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    TextItem t;
    t.item = static_cast<int>(st.ColumnInt(0));
    t.doc_id = st.ColumnText(1);
    t.url = st.ColumnText(2);
    t.doc_date = st.ColumnText(3);
    t.kind = st.ColumnText(4);
    t.date = st.ColumnText(5);
    t.countries = st.ColumnText(6);
    t.subkind = st.ColumnText(7);
    t.status = st.ColumnText(8);
    t.actor = st.ColumnText(9);
    t.what = st.ColumnText(10);
    t.value = opt(11);
    t.value_high = opt(12);
    t.unit = st.ColumnText(13);
    t.qualifier = st.ColumnText(14);
    t.period = st.ColumnText(15);
    t.yoy_pct = opt(16);
    t.cameo_code = st.ColumnText(17);
    t.goldstein = opt(18);
    t.confidence = st.ColumnDouble(19);
    t.evidence_begin = st.ColumnInt(20);
    t.evidence_end = st.ColumnInt(21);
    t.evidence = st.ColumnText(22);
    t.file_id = st.ColumnInt(23);
    out.push_back(std::move(t));
  }
  return out;
}

Status FollowPair(SqliteDb* db, const std::string& a, const std::string& b) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("INSERT OR IGNORE INTO followed_pairs VALUES (?, ?)"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, std::min(a, b), std::max(a, b)));
  return StepDone(&st);
}

Result<std::vector<std::pair<std::string, std::string>>> FollowedPairs(SqliteDb* db) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT a, b FROM followed_pairs ORDER BY a, b"));
  std::vector<std::pair<std::string, std::string>> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.emplace_back(st.ColumnText(0), st.ColumnText(1));
  }
  return out;
}

Result<bool> IsFollowed(SqliteDb* db, const std::string& a, const std::string& b) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT 1 FROM followed_pairs WHERE a = ? AND b = ?"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, std::min(a, b), std::max(a, b)));
  return st.Step();
}

Result<std::vector<DyadMonth>> LoadDyadMonths(SqliteDb* db, const std::string& dataset, const std::string& src,
                                              const std::string& dst, bool root_only) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT month, sum(events), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein_sum), "
                  "sum(mentions), sum(sources), sum(articles), sum(tone_x_mentions) FROM dyad_months "
                  "WHERE dataset = ? AND src = ? AND dst = ? AND root >= ? GROUP BY month ORDER BY month"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, dataset, src, dst, static_cast<long long>(root_only ? 1 : 0)));
  std::vector<DyadMonth> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    DyadMonth d;
    d.src = src;
    d.dst = dst;
    d.month = static_cast<int>(st.ColumnInt(0));
    d.root = root_only;
    d.events = static_cast<uint64_t>(st.ColumnInt(1));
    for (int q = 0; q < 4; ++q) d.q[q] = static_cast<uint64_t>(st.ColumnInt(2 + q));
    d.goldstein_sum = st.ColumnDouble(6);
    d.mentions = static_cast<uint64_t>(st.ColumnInt(7));
    d.sources = static_cast<uint64_t>(st.ColumnInt(8));
    d.articles = static_cast<uint64_t>(st.ColumnInt(9));
    d.tone_x_mentions = st.ColumnDouble(10);
    out.push_back(d);
  }
  return out;
}

Result<std::vector<CountryMonth>> LoadCountryMonths(SqliteDb* db, const std::string& dataset,
                                                    const std::string& code) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT month, events FROM country_months "
                                                   "WHERE dataset = ? AND code = ? ORDER BY month"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, dataset, code));
  std::vector<CountryMonth> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({code, static_cast<int>(st.ColumnInt(0)), static_cast<uint64_t>(st.ColumnInt(1))});
  }
  return out;
}

Result<std::vector<StoredEvent>> LoadEvents(SqliteDb* db, const std::string& dataset, const std::string& src,
                                            const std::string& dst) {
  BILAT_ASSIGN_OR_RETURN(
      Statement st,
      db->Prepare("SELECT event_id, date, month, src, dst, actor1_code, actor1_name, actor2_code, actor2_name, root, "
                  "event_code, quad_class, goldstein, mentions, sources, articles, avg_tone, place, place_country, "
                  "source_url, line, file_id FROM events WHERE dataset = ? AND src = ? AND dst = ? ORDER BY date, event_id"));
  BILAT_RETURN_IF_ERROR(BindAll(&st, dataset, src, dst));
  std::vector<StoredEvent> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    StoredEvent e;
    e.event_id = st.ColumnInt(0);
    e.date = st.ColumnText(1);
    e.month = static_cast<int>(st.ColumnInt(2));
    e.src = st.ColumnText(3);
    e.dst = st.ColumnText(4);
    e.actor1_code = st.ColumnText(5);
    e.actor1_name = st.ColumnText(6);
    e.actor2_code = st.ColumnText(7);
    e.actor2_name = st.ColumnText(8);
    e.root = st.ColumnInt(9) != 0;
    e.event_code = st.ColumnText(10);
    e.quad_class = static_cast<int>(st.ColumnInt(11));
    e.goldstein = st.ColumnDouble(12);
    e.mentions = st.ColumnInt(13);
    e.sources = st.ColumnInt(14);
    e.articles = st.ColumnInt(15);
    if (!std::holds_alternative<std::monostate>(st.ColumnValue(16))) e.avg_tone = st.ColumnDouble(16);
    e.place = st.ColumnText(17);
    e.place_country = st.ColumnText(18);
    e.source_url = st.ColumnText(19);
    e.line = static_cast<uint64_t>(st.ColumnInt(20));
    e.file_id = st.ColumnInt(21);
    out.push_back(std::move(e));
  }
  return out;
}

Result<std::vector<DatasetSummary>> EventDatasets(SqliteDb* db) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT dataset, count(*), sum(rows_ok), min(path), max(path) "
                                                   "FROM event_files WHERE format != 'gdelt2-mentions' "
                                                   "GROUP BY dataset ORDER BY dataset"));
  std::vector<DatasetSummary> out;
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    out.push_back({st.ColumnText(0), static_cast<int>(st.ColumnInt(1)), static_cast<uint64_t>(st.ColumnInt(2)),
                   st.ColumnText(3), st.ColumnText(4)});
  }
  return out;
}

Result<std::string> EventFilePath(SqliteDb* db, int64_t file_id) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare("SELECT path FROM event_files WHERE id = ?"));
  BILAT_RETURN_IF_ERROR(st.Bind(1, static_cast<long long>(file_id)));
  BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
  if (!row) return Status::NotFound("no event file " + std::to_string(file_id));
  return st.ColumnText(0);
}

}  // namespace bilat::store
