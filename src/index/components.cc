#include "index/components.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "core/date.h"
#include "core/text.h"
#include "measure/pair_facts.h"

namespace bilat::index {
namespace {

using store::SqliteDb;
using store::Statement;

// Rows of a stored observation joined to its current file.
constexpr const char* kCurrentObservations =
    " FROM observations o JOIN dataset_files f ON f.id = o.file_id AND f.current = 1 ";

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Days since 1970-01-01 of a day-precision date (Howard Hinnant's
// days_from_civil).
int DaysFromCivil(const Date& d) {
  int y = d.year() - (d.month() <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = (d.month() + 9) % 12;
  const int doy = (153 * mp + 2) / 5 + d.day() - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int YearOf(std::string_view text) {
  if (text.size() < 4) return 0;
  int y = 0;
  for (int i = 0; i < 4; ++i) {
    if (text[i] < '0' || text[i] > '9') return 0;
    y = y * 10 + (text[i] - '0');
  }
  return y;
}

// Runs `sql` with ?1 bound to the series' country and calls `row` for each
// result row.
template <typename RowFn>
Status ForEachRow(SqliteDb* db, const std::string& sql, const std::string& country, RowFn row) {
  BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
  BILAT_RETURN_IF_ERROR(st.Bind(1, country));
  while (true) {
    BILAT_ASSIGN_OR_RETURN(bool more, st.Step());
    if (!more) return Status::Ok();
    row(st);
  }
}

void Widen(ComponentValues* c, int year) {
  if (year <= 0) return;
  if (c->first_year == 0 || year < c->first_year) c->first_year = year;
  if (year > c->last_year) c->last_year = year;
}

void Add(ComponentValues* c, const std::string& partner, int year, double value, int rows = 1) {
  Cell& cell = c->cells[partner][year];
  cell.value += value;
  cell.rows += rows;
  cell.from_year = year;
}

// Carries states forward, then fills the zeros the coverage rule implies.
// `listed`: the countries a kListedCountries dataset names.
void Finish(ComponentValues* c, const std::vector<std::string>& partners, const std::set<std::string>& listed,
            int horizon_year) {
  const ComponentSpec& spec = *c->spec;
  if (spec.carry_years > 0) {
    const int until = std::min(c->last_year + spec.carry_years, std::max(horizon_year, c->last_year));
    for (auto& [partner, years] : c->cells) {
      std::map<int, Cell> carried;
      const Cell* last = nullptr;
      int last_year = 0;
      for (int y = years.empty() ? 0 : years.begin()->first; y > 0 && y <= until; ++y) {
        auto it = years.find(y);
        if (it != years.end()) {
          last = &it->second;
          last_year = y;
        } else if (last && y - last_year <= spec.carry_years) {
          Cell cell = *last;
          cell.carried = true;
          carried[y] = cell;
        }
      }
      years.merge(carried);
    }
  }
  if (spec.coverage == Coverage::kRowsOnly || c->first_year == 0) return;
  for (const std::string& p : partners) {
    if (spec.coverage == Coverage::kListedCountries && !listed.count(p)) continue;
    auto& years = c->cells[p];
    for (int y = c->first_year; y <= c->last_year; ++y) years.try_emplace(y, Cell{0, 0, false, y});
  }
}

// --- weight -------------------------------------------------------------

// Trade both ways from the trade totals of the dataset that covers the most
// partners: the country's own statement where it gives both flows, else
// the partner's.
Status LoadTrade(SqliteDb* db, const std::string& a, ComponentValues* c) {
  std::string dataset;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT dataset, count(DISTINCT partner) n FROM trade_totals "
                                   "WHERE country = ?1 AND partner <> 'WLD' GROUP BY dataset ORDER BY n DESC, dataset LIMIT 1",
                                   a, [&](Statement& st) { dataset = st.ColumnText(0); }));
  if (dataset.empty()) return Status::Ok();
  // (partner, year) -> [own export, own import, their export, their import]
  std::map<std::pair<std::string, int>, std::array<std::optional<double>, 4>> flows;
  // Two halves, so that each uses its index (trade_totals_by_country,
  // trade_totals_by_partner); an OR would scan the dataset.
  const std::string quoted = "'" + dataset + "'";
  std::string sql = "SELECT year, country, partner, flow, value_usd FROM trade_totals INDEXED BY trade_totals_by_country "
                    "WHERE country = ?1 AND dataset = " +
                    quoted + " AND partner <> 'WLD' UNION ALL " +
                    "SELECT year, country, partner, flow, value_usd FROM trade_totals INDEXED BY trade_totals_by_partner "
                    "WHERE partner = ?1 AND dataset = " +
                    quoted + " AND country <> 'WLD' AND country <> ?1";
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    const int year = static_cast<int>(st.ColumnInt(0));
    const std::string country = st.ColumnText(1), partner = st.ColumnText(2), flow = st.ColumnText(3);
    const bool own = country == a;
    const std::string& other = own ? partner : country;
    int slot = (own ? 0 : 2) + (flow == "import" ? 1 : 0);
    if (flow != "export" && flow != "import") return;
    flows[{other, year}][slot] = st.ColumnDouble(4);
  }));
  for (const auto& [key, f] : flows) {
    double total = 0;
    if (f[0] && f[1]) {
      total = *f[0] + *f[1];
    } else if (f[2] && f[3]) {
      total = *f[2] + *f[3];
    } else {
      continue;
    }
    Add(c, key.first, key.second, total, 2);
    Widen(c, key.second);
  }
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT path FROM trade_files WHERE dataset = ?1 ORDER BY id",
                                   dataset, [&](Statement& st) { c->files.insert(BaseName(st.ColumnText(0))); }));
  if (c->files.empty()) c->files.insert(dataset);
  return Status::Ok();
}

// Investment and construction: the newest AEI edition's deals (troubled
// deals left out: they did not go ahead).
Status LoadInvestment(SqliteDb* db, const std::string& a, ComponentValues* c) {
  std::string newest;
  int newest_edition = 0;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT DISTINCT substr(id, 1, instr(id, ':') - 1) FROM projects "
                                   "WHERE id LIKE 'aei%:%' AND investor = ?1",
                                   a, [&](Statement& st) {
                                     std::string scope = st.ColumnText(0);
                                     if (scope.find("troubled") != std::string::npos) return;
                                     int edition = YearOf(scope.substr(3));
                                     if (edition > newest_edition) newest_edition = edition, newest = scope;
                                   }));
  if (newest.empty()) return Status::Ok();
  std::string sql = "SELECT host, date, value, origin_file FROM projects WHERE id LIKE '" + newest +
                    ":%' AND investor = ?1 AND coalesce(status, '') <> 'troubled'";
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    const int year = YearOf(st.ColumnView(1));
    if (year == 0) return;
    Widen(c, year);
    c->files.insert(st.ColumnText(3));
    Add(c, st.ColumnText(0), year, st.ColumnDouble(2));
  }));
  return Status::Ok();
}

// One observation per partner-year of `measure`, the partner on the side
// `partner_is_subject` says, the series' country on the other; `listed`
// (when given) collects the partners the dataset names, for its coverage.
Status LoadYearlyMeasure(SqliteDb* db, const std::string& a, const char* measure, bool partner_is_subject,
                         ComponentValues* c, std::set<std::string>* listed) {
  const std::string sql = std::string(partner_is_subject ? "SELECT o.subject" : "SELECT o.object") +
                          ", o.period, o.value, f.path" + kCurrentObservations + "WHERE o.measure = '" + measure +
                          "' AND o.value IS NOT NULL AND " + (partner_is_subject ? "o.object" : "o.subject") + " = ?1";
  return ForEachRow(db, sql, a, [&](Statement& st) {
    const int year = YearOf(st.ColumnView(1));
    if (listed) listed->insert(st.ColumnText(0));
    Widen(c, year);
    c->files.insert(BaseName(st.ColumnText(3)));
    Add(c, st.ColumnText(0), year, st.ColumnDouble(2));
  });
}

// High-level exchanges, counted as episodes the way the report counts them:
// rows of one leader and direction at most three days apart are one trip,
// and a row dated to the year only joins a dated trip of that year.
Status LoadExchanges(SqliteDb* db, const std::string& a, ComponentValues* c) {
  struct Row {
    std::string partner, from, leader, date, file;
  };
  std::vector<Row> rows;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT \"from\", \"to\", leader, date, origin_file FROM exchanges "
                                   "WHERE (id LIKE 'chinavitae:%' OR id LIKE 'ceias:%') "
                                   "AND coalesce(status, '') <> 'planned' AND (\"from\" = ?1 OR \"to\" = ?1)",
                                   a, [&](Statement& st) {
                                     std::string from = st.ColumnText(0), to = st.ColumnText(1);
                                     rows.push_back({from == a ? to : from, from, st.ColumnText(2),
                                                     st.ColumnText(3), st.ColumnText(4)});
                                   }));
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return std::tie(x.partner, x.from, x.leader, x.date) < std::tie(y.partner, y.from, y.leader, y.date);
  });
  // Within one (partner, direction, leader): dated rows first (longer text
  // sorts after "YYYY"), so walk and merge.
  std::set<std::tuple<std::string, std::string, std::string, int>> dated_years;
  int open_end = 0;  // day number of the open trip's last row
  bool open = false;
  const Row* open_key = nullptr;
  // The years every source covers: outside them a count would change with
  // the sources, not the relationship (CEIAS alone before 2003).
  std::map<std::string, std::pair<int, int>> spans;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT substr(id, 1, instr(id, ':') - 1), min(substr(date, 1, 4)), "
                                   "max(substr(date, 1, 4)) FROM exchanges WHERE (id LIKE 'chinavitae:%' OR "
                                   "id LIKE 'ceias:%') AND ?1 = ?1 GROUP BY 1",
                                   a, [&](Statement& st) {
                                     spans[st.ColumnText(0)] = {YearOf(st.ColumnView(1)), YearOf(st.ColumnView(2))};
                                   }));
  for (const auto& [scope, span] : spans) {
    c->first_year = std::max(c->first_year, span.first);
    c->last_year = c->last_year ? std::min(c->last_year, span.second) : span.second;
  }
  for (const Row& r : rows) {
    c->files.insert(r.file);
    const int year = YearOf(r.date);
    const bool same_key = open_key && open_key->partner == r.partner && open_key->from == r.from &&
                          open_key->leader == r.leader;
    if (!same_key) open = false;
    open_key = &r;
    if (r.date.size() == 4) {
      if (dated_years.count({r.partner, r.from, r.leader, year})) continue;  // joins that year's trip
      Add(c, r.partner, year, 1);
      continue;
    }
    Result<Date> d = Date::Parse(r.date);
    if (!d.ok() || d->precision() != DatePrecision::kDay) continue;
    dated_years.insert({r.partner, r.from, r.leader, year});
    const int day = DaysFromCivil(*d);
    if (open && day - open_end <= measure::kEpisodeGapDays) {
      open_end = day;
      continue;
    }
    open = true;
    open_end = day;
    Add(c, r.partner, year, 1);
  }
  for (auto& [partner, years] : c->cells) {
    std::erase_if(years, [&](const auto& kv) { return kv.first < c->first_year || kv.first > c->last_year; });
  }
  return Status::Ok();
}

// Diplomatic posts in one direction (Lowy Global Diplomacy Index editions).
// `of_country`: the series' country's posts in each partner; otherwise each
// partner's posts in the country (only partners the index covers as senders).
Status LoadPosts(SqliteDb* db, const std::string& a, bool of_country, ComponentValues* c,
                 std::set<std::string>* listed, const std::vector<std::string>& partners) {
  // The editions each sender appears in (the 2019 edition covers a few
  // senders only): a zero is a zero only in an edition that lists the sender.
  std::map<std::string, std::set<int>> editions;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   std::string("SELECT DISTINCT o.subject, o.period") + kCurrentObservations +
                                       "WHERE o.measure = 'lowy.post' AND ?1 = ?1",
                                   a, [&](Statement& st) {
                                     editions[st.ColumnText(0)].insert(YearOf(st.ColumnView(1)));
                                   }));
  if (editions.empty()) return Status::Ok();
  // An edition is a year with at least a tenth of the largest year's rows:
  // the dataset has 40 stray rows dated 2019 (Venezuela only), not an edition.
  std::map<int, int> year_rows;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   std::string("SELECT o.period, count(*)") + kCurrentObservations +
                                       "WHERE o.measure = 'lowy.post' AND ?1 = ?1 GROUP BY 1",
                                   a, [&](Statement& st) { year_rows[YearOf(st.ColumnView(0))] = static_cast<int>(st.ColumnInt(1)); }));
  int largest = 0;
  for (const auto& [y, n] : year_rows) largest = std::max(largest, n);
  std::set<int> stray;
  for (const auto& [y, n] : year_rows) {
    if (10 * n < largest) stray.insert(y);
  }
  for (auto& [sender, years] : editions) {
    for (int y : stray) years.erase(y);
  }
  std::string sql = std::string("SELECT o.subject, o.object, o.period, f.path") + kCurrentObservations +
                    (of_country ? "WHERE o.measure = 'lowy.post' AND o.subject = ?1"
                                : "WHERE o.measure = 'lowy.post' AND o.object = ?1");
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    const int year = YearOf(st.ColumnView(2));
    if (stray.count(year)) return;
    c->files.insert(BaseName(st.ColumnText(3)));
    Add(c, of_country ? st.ColumnText(1) : st.ColumnText(0), year, 1);
  }));
  for (const auto& [sender, years] : editions) {
    for (int y : years) Widen(c, y);
  }
  // Zeros only in the sender's editions; years between editions are carried.
  for (const std::string& p : partners) {
    auto sender = editions.find(of_country ? a : p);
    if (sender == editions.end()) continue;
    listed->insert(p);
    for (int y : sender->second) c->cells[p].try_emplace(y, Cell{0, 0, false, y});
  }
  return Status::Ok();
}

// Confucius Institutes in the partner, as the list stands on its as-of
// date. Half the rows (all of the United States') have no opening date, so a
// yearly stock would undercount some partners and not others: the count is
// one reading, in the year of the list.
Status LoadConfucius(SqliteDb* db, const std::string& a, ComponentValues* c) {
  return ForEachRow(db,
                    "SELECT host, max(as_of), count(*), max(origin_file) FROM people WHERE id LIKE 'confucius:%' "
                    "AND partner = ?1 AND kind = 'confucius_institute' GROUP BY host",
                    a, [&](Statement& st) {
                      const int year = YearOf(st.ColumnView(1));
                      if (year == 0) return;
                      Widen(c, year);
                      c->files.insert(st.ColumnText(3));
                      Add(c, st.ColumnText(0), year, static_cast<double>(st.ColumnInt(2)),
                          static_cast<int>(st.ColumnInt(2)));
                    });
}

// --- warmth -------------------------------------------------------------

// The balance of the GDELT-derived daily score: sum over the period divided
// by the sum of absolute values, from -1 (every day conflictual) to +1 (every
// day cooperative). Dividing by the absolute sum takes the volume of
// coverage out. Years or months after the series' last full one are left out.
Status LoadEventBalance(SqliteDb* db, const std::string& a, ComponentValues* c, MonthlyValues* monthly) {
  struct Sums {
    double net = 0, abs = 0;
    int days = 0;
  };
  std::map<std::pair<std::string, std::string>, Sums> by_month;
  std::string last_day;
  // Summed here rather than with GROUP BY: SQLite's grouping on substr()
  // of 160,000 rows took 0.45 s, this loop takes a fraction of it.
  std::string file;
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   std::string("SELECT max(f.path)") + kCurrentObservations +
                                       "WHERE o.measure = 'gdelt.china_score' AND o.subject = ?1",
                                   a, [&](Statement& st) { file = BaseName(st.ColumnText(0)); }));
  if (!file.empty()) c->files.insert(file), monthly->files.insert(file);
  std::string sql = std::string("SELECT o.subject, o.object, o.period, o.value") + kCurrentObservations +
                    "WHERE o.measure = 'gdelt.china_score' AND (o.subject = ?1 OR o.object = ?1)";
  std::pair<std::string, std::string> key;
  Sums* current = nullptr;
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    std::string_view subject = st.ColumnView(0), object = st.ColumnView(1), period = st.ColumnView(2);
    std::string_view partner = subject == a ? object : subject;
    if (!current || key.first != partner || key.second != period.substr(0, 7)) {
      key = {std::string(partner), std::string(period.substr(0, 7))};
      current = &by_month[key];
    }
    const double v = st.ColumnDouble(3);
    current->net += v;
    current->abs += std::fabs(v);
    ++current->days;
    if (period > last_day) last_day = std::string(period);
  }));
  if (last_day.size() < 10) return Status::Ok();
  // A month is complete when the series runs to its last day (approximated
  // as the 28th); a year when its December is complete.
  std::string last_full_month = last_day.substr(0, 7);
  if (last_day.substr(8, 2) < "28") {
    int y = YearOf(last_day), m = std::atoi(last_day.substr(5, 2).c_str()) - 1;
    if (m == 0) m = 12, --y;
    last_full_month = std::to_string(y) + (m < 10 ? "-0" : "-") + std::to_string(m);
  }
  const int last_full_year = YearOf(last_full_month) - (last_full_month.substr(5, 2) == "12" ? 0 : 1);
  std::map<std::pair<std::string, int>, Sums> by_year;
  for (const auto& [key, s] : by_month) {
    if (key.second > last_full_month || s.abs <= 0) continue;
    monthly->cells[key.first][key.second] = Cell{s.net / s.abs, s.days, false, YearOf(key.second)};
    const int year = YearOf(key.second);
    if (year > last_full_year) continue;
    Sums& y = by_year[{key.first, year}];
    y.net += s.net;
    y.abs += s.abs;
    y.days += s.days;
  }
  for (const auto& [key, s] : by_year) {
    Widen(c, key.second);
    c->cells[key.first][key.second] = Cell{s.net / s.abs, s.days, false, key.second};
  }
  return Status::Ok();
}

// Coded events either way (GDELT, ICEWS, text) from the dyad aggregates:
// (verbal and material cooperation - verbal and material conflict) / events.
// And the mention-weighted tone of the GDELT coverage.
Status LoadCodedEvents(SqliteDb* db, const std::string& a, ComponentValues* net, ComponentValues* tone) {
  std::string sql =
      "SELECT CASE WHEN src = ?1 THEN dst ELSE src END, month / 100, dataset, sum(events), "
      "sum(q1 + q2 - q3 - q4), sum(mentions), sum(tone_x_mentions) FROM dyad_months "
      "WHERE (src = ?1 OR dst = ?1) AND src <> dst GROUP BY 1, 2, 3";
  struct Sums {
    double events = 0, net = 0, mentions = 0, tone = 0;
  };
  std::map<std::pair<std::string, int>, Sums> all, gdelt;
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    std::pair<std::string, int> key{st.ColumnText(0), static_cast<int>(st.ColumnInt(1))};
    const std::string dataset = st.ColumnText(2);
    Sums& s = all[key];
    s.events += st.ColumnDouble(3);
    s.net += st.ColumnDouble(4);
    net->files.insert(dataset);
    if (dataset == "gdelt") {
      Sums& g = gdelt[key];
      g.mentions += st.ColumnDouble(5);
      g.tone += st.ColumnDouble(6);
      tone->files.insert(dataset);
    }
  }));
  for (const auto& [key, s] : all) {
    if (s.events <= 0) continue;
    Widen(net, key.second);
    net->cells[key.first][key.second] = Cell{s.net / s.events, static_cast<int>(s.events), false, key.second};
  }
  for (const auto& [key, g] : gdelt) {
    if (g.mentions <= 0) continue;
    Widen(tone, key.second);
    tone->cells[key.first][key.second] = Cell{g.tone / g.mentions, static_cast<int>(g.mentions), false, key.second};
  }
  return Status::Ok();
}

// The partnership level on the ladder (0 = diplomatic relations, higher =
// closer), held from the month it was attested until the next.
Status LoadPartnership(SqliteDb* db, const std::string& a, ComponentValues* c) {
  std::string sql = std::string("SELECT o.subject, o.period, o.value, f.path") + kCurrentObservations +
                    "WHERE o.measure = 'partnership.rank' AND o.object = ?1 AND o.value IS NOT NULL "
                    "ORDER BY o.subject, o.period";
  return ForEachRow(db, sql, a, [&](Statement& st) {
    const int year = YearOf(st.ColumnView(1));
    if (year == 0) return;
    Widen(c, year);
    c->files.insert(BaseName(st.ColumnText(3)));
    Cell& cell = c->cells[st.ColumnText(0)][year];  // the last level attested in a year stands
    cell = Cell{st.ColumnDouble(2), cell.rows + 1, false, year};
  });
}

// How open each side's border is to the other's citizens (Passport Index
// releases): visa-free 1, visa on arrival 0.75, eTA or e-visa 0.5, visa
// required 0; the mean of both directions, from each year's last release.
// Pandemic bans and "other" rules say nothing about the pair and are left out.
Status LoadVisa(SqliteDb* db, const std::string& a, ComponentValues* c) {
  std::string sql = std::string("SELECT o.subject, o.object, o.period, o.text, f.path") + kCurrentObservations +
                    "WHERE o.measure = 'visa.requirement' AND (o.subject = ?1 OR o.object = ?1) "
                    "AND o.subject <> o.object ORDER BY o.period";
  // (partner, year) -> [partner's citizens entering, country's citizens entering]
  std::map<std::pair<std::string, int>, std::array<std::optional<double>, 2>> last;
  BILAT_RETURN_IF_ERROR(ForEachRow(db, sql, a, [&](Statement& st) {
    const std::string subject = st.ColumnText(0), object = st.ColumnText(1), rule = st.ColumnText(3);
    double open;
    if (rule == "visa_free") {
      open = 1;
    } else if (rule == "visa_on_arrival") {
      open = 0.75;
    } else if (rule == "eta_or_evisa") {
      open = 0.5;
    } else if (rule == "visa_required") {
      open = 0;
    } else {
      return;
    }
    const int year = YearOf(st.ColumnView(2));
    Widen(c, year);
    c->files.insert(BaseName(st.ColumnText(4)));
    const bool partner_passport = object == a;
    last[{partner_passport ? subject : object, year}][partner_passport ? 0 : 1] = open;
  }));
  for (const auto& [key, v] : last) {
    double sum = 0;
    int n = 0;
    for (const auto& x : v) {
      if (x) sum += *x, ++n;
    }
    if (n) c->cells[key.first][key.second] = Cell{sum / n, n, false, key.second};
  }
  return Status::Ok();
}

// Belt and Road membership: 1 from the year of joining until the year of
// exit, 0 otherwise, from 2013 (the year the initiative was announced);
// members the list dates as uncertain are missing.
Status LoadBri(SqliteDb* db, const std::string& a, ComponentValues* c, std::set<std::string>* uncertain) {
  std::map<std::string, std::pair<int, int>> spans;  // partner -> (join, exit)
  int last = 0;
  BILAT_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT id, parties, date, origin_file FROM agreements WHERE id LIKE 'bri-%:%' "
      "AND instr(';' || parties || ';', ';' || ?1 || ';') > 0",
      a, [&](Statement& st) {
        const std::string id = st.ColumnText(0);
        std::string partner;
        const std::string parties = st.ColumnText(1);  // Split's views must outlive the loop (ASan found it)
        for (std::string_view p : Split(parties, ';')) {
          if (p != a) partner = std::string(p);
        }
        const int year = YearOf(st.ColumnView(2));
        last = std::max(last, year);
        c->files.insert(st.ColumnText(3));
        // The list names China itself (parties "CHN;CHN"): not a partner.
        if (partner.empty()) return;
        if (id.find(":join-") != std::string::npos) spans[partner].first = year;
        if (id.find(":exit-") != std::string::npos) spans[partner].second = year;
      }));
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   std::string("SELECT o.subject") + kCurrentObservations +
                                       "WHERE o.measure = 'bri.member' AND o.object = ?1",
                                   a, [&](Statement& st) { uncertain->insert(st.ColumnText(0)); }));
  if (spans.empty()) return Status::Ok();
  c->first_year = 2013;
  c->last_year = std::max(last, 2013);
  for (const auto& [partner, span] : spans) {
    for (int y = span.first; span.first > 0 && y <= c->last_year; ++y) {
      if (span.second > 0 && y >= span.second) break;
      c->cells[partner][y] = Cell{1, 1, false, span.first};
    }
  }
  return Status::Ok();
}

}  // namespace

std::string_view AxisName(Axis axis) { return axis == Axis::kWeight ? "weight" : "warmth"; }

const std::vector<ComponentSpec>& ComponentSpecs() {
  static const std::vector<ComponentSpec> kSpecs = {
      {"trade", Axis::kWeight, "trade both ways", "USD", Transform::kLog1pUsdM, Coverage::kEveryCountry, 0,
       "trade totals (IMF DOTS, BACI or Comtrade): exports plus imports"},
      {"investment", Axis::kWeight, "investment and construction", "USD", Transform::kLog1pUsdM,
       Coverage::kEveryCountry, 0, "AEI China Global Investment Tracker, newest edition, troubled deals left out"},
      {"finance", Axis::kWeight, "official finance", "USD", Transform::kLog1pUsdM, Coverage::kListedCountries, 0,
       "AidData GCDF 3.0 commitments, constant 2021 USD"},
      {"exchanges", Axis::kWeight, "high-level exchanges", "count", Transform::kLog1p, Coverage::kEveryCountry, 0,
       "China Vitae and CEIAS leader travel, episodes"},
      {"posts_out", Axis::kWeight, "diplomatic posts sent", "count", Transform::kLog1p,
       Coverage::kRowsOnly, 3, "Lowy Global Diplomacy Index editions: the country's embassies and consulates in the partner"},
      {"posts_in", Axis::kWeight, "diplomatic posts received", "count", Transform::kLog1p,
       Coverage::kRowsOnly, 3, "Lowy Global Diplomacy Index editions"},
      {"confucius", Axis::kWeight, "Confucius Institutes listed", "count", Transform::kLog1p, Coverage::kEveryCountry,
       0, "Confucius Institute list, as of its date (one reading)"},
      {"students", Axis::kWeight, "students from the partner", "count", Transform::kLog1p,
       Coverage::kListedCountries, 0, "AidData Chinese public diplomacy, inbound students"},
      {"unga", Axis::kWarmth, "UN General Assembly agreement", "share", Transform::kIdentity, Coverage::kRowsOnly, 0,
       "Voeten UNGA voting: share of votes cast alike"},
      {"events", Axis::kWarmth, "balance of event coverage", "balance", Transform::kIdentity, Coverage::kRowsOnly, 0,
       "GDELT-derived daily China score: sum / sum of absolute values"},
      {"coded_events", Axis::kWarmth, "net cooperation in coded events", "balance", Transform::kIdentity,
       Coverage::kRowsOnly, 0, "ingested GDELT, ICEWS and text events: (cooperation - conflict) / events"},
      {"tone", Axis::kWarmth, "tone of GDELT coverage", "tone", Transform::kIdentity, Coverage::kRowsOnly, 0,
       "ingested GDELT events: mention-weighted average tone"},
      {"partnership", Axis::kWarmth, "partnership level", "level", Transform::kIdentity, Coverage::kRowsOnly, 100,
       "China's partnership ladder, each level sourced"},
      {"visa", Axis::kWarmth, "visa openness both ways", "share", Transform::kIdentity, Coverage::kRowsOnly, 1,
       "Passport Index releases"},
      {"bri", Axis::kWarmth, "Belt and Road membership", "member", Transform::kIdentity, Coverage::kRowsOnly, 0,
       "Belt and Road signatories with likely dates of joining and exit"},
  };
  return kSpecs;
}

const ComponentSpec* FindComponent(const std::string& id) {
  for (const ComponentSpec& s : ComponentSpecs()) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

Result<SeriesComponents> LoadSeriesComponents(SqliteDb* db, const std::string& country) {
  SeriesComponents out;
  out.country = country;
  for (const ComponentSpec& spec : ComponentSpecs()) out.components.push_back(ComponentValues{&spec, {}, 0, 0, {}});
  auto at = [&](const std::string& id) -> ComponentValues* {
    for (ComponentValues& c : out.components) {
      if (c.spec->id == id) return &c;
    }
    return nullptr;
  };
  std::map<std::string, std::set<std::string>> listed;
  std::set<std::string> bri_uncertain;
  out.monthly.push_back(MonthlyValues{"events", {}, {}});
  BILAT_RETURN_IF_ERROR(LoadTrade(db, country, at("trade")));
  BILAT_RETURN_IF_ERROR(LoadInvestment(db, country, at("investment")));
  // Official finance committed by the country (GCDF), constant 2021 USD.
  BILAT_RETURN_IF_ERROR(
      LoadYearlyMeasure(db, country, "gcdf.usd_const_2021", true, at("finance"), &listed["finance"]));
  BILAT_RETURN_IF_ERROR(LoadExchanges(db, country, at("exchanges")));
  BILAT_RETURN_IF_ERROR(LoadConfucius(db, country, at("confucius")));
  // Students from the partner in the country (AidData public diplomacy).
  BILAT_RETURN_IF_ERROR(
      LoadYearlyMeasure(db, country, "pd.inbound_students_to_china", false, at("students"), &listed["students"]));
  // The share of UN General Assembly votes the partner cast as the country
  // did (Voeten's agreement scores, by the year a session opened).
  BILAT_RETURN_IF_ERROR(LoadYearlyMeasure(db, country, "unga.agree", true, at("unga"), nullptr));
  BILAT_RETURN_IF_ERROR(LoadEventBalance(db, country, at("events"), &out.monthly.back()));
  BILAT_RETURN_IF_ERROR(LoadCodedEvents(db, country, at("coded_events"), at("tone")));
  BILAT_RETURN_IF_ERROR(LoadPartnership(db, country, at("partnership")));
  BILAT_RETURN_IF_ERROR(LoadVisa(db, country, at("visa")));
  BILAT_RETURN_IF_ERROR(LoadBri(db, country, at("bri"), &bri_uncertain));

  // The partners: every country some component has a row for (cheaper than
  // store::PartnersOf, and a country no component names has no index).
  std::set<std::string> partners;
  for (const ComponentValues& c : out.components) {
    for (const auto& [p, years] : c.cells) partners.insert(p);
  }
  for (const auto& [id, names] : listed) partners.insert(names.begin(), names.end());
  partners.erase(country);
  partners.erase("");
  partners.erase("WLD");
  out.partners.assign(partners.begin(), partners.end());
  // Posts last: their zeros go to the partners found above.
  BILAT_RETURN_IF_ERROR(LoadPosts(db, country, true, at("posts_out"), &listed["posts_out"], out.partners));
  BILAT_RETURN_IF_ERROR(LoadPosts(db, country, false, at("posts_in"), &listed["posts_in"], out.partners));
  for (const char* id : {"posts_out", "posts_in"}) {
    for (const auto& [p, years] : at(id)->cells) partners.insert(p);
  }
  partners.erase(country);
  out.partners.assign(partners.begin(), partners.end());
  BILAT_RETURN_IF_ERROR(ForEachRow(db,
                                   "SELECT v.country, v.year, v.value, f.path FROM indicator_values v JOIN trade_files f "
                                   "ON f.id = v.file_id WHERE v.series = 'NY.GDP.MKTP.CD' AND v.is_country = 1 "
                                   "AND ?1 = ?1",
                                   country, [&](Statement& st) {
                                     out.gdp[st.ColumnText(0)][static_cast<int>(st.ColumnInt(1))] = st.ColumnDouble(2);
                                     out.gdp_files.insert(BaseName(st.ColumnText(3)));
                                   }));
  int horizon = 0;
  for (const ComponentValues& c : out.components) horizon = std::max(horizon, c.last_year);
  for (ComponentValues& c : out.components) Finish(&c, out.partners, listed[c.spec->id], horizon);
  // BRI: every partner is listed or not a member, from 2013; uncertain dates are missing.
  if (ComponentValues* bri = at("bri"); bri->first_year) {
    for (const std::string& p : out.partners) {
      if (bri_uncertain.count(p)) continue;
      for (int y = bri->first_year; y <= bri->last_year; ++y) bri->cells[p].try_emplace(y, Cell{0, 0, false, y});
    }
  }
  // Partners the country is not in series with (a partner only some other
  // pair names) get no cells; drop empty maps so "missing" stays honest,
  // and the country itself, "" and WLD, which are no partners.
  for (ComponentValues& c : out.components) {
    for (auto it = c.cells.begin(); it != c.cells.end();) {
      if (it->second.empty() || it->first == country || it->first.empty() || it->first == "WLD") {
        it = c.cells.erase(it);
      } else {
        ++it;
      }
    }
  }
  return out;
}

}  // namespace bilat::index
