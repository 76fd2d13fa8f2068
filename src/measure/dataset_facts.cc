#include "measure/dataset_facts.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "store/registry_store.h"

namespace bilat::measure {
namespace {

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int YearOf(const std::string& period) { return period.size() >= 4 ? std::atoi(period.substr(0, 4).c_str()) : 0; }

// The scope of a dataset row's id ("aei2021-all:123" -> "aei2021-all"), or "".
std::string ScopeOf(const std::string& id) {
  size_t colon = id.find(':');
  return colon == std::string::npos ? "" : id.substr(0, colon);
}

// The AEI edition of a scope ("aei2021-all" -> 2021), 0 for other scopes and
// for troubled transactions (a table of its own, not an edition of the deals).
int AeiEdition(const std::string& scope) {
  if (scope.size() < 8 || scope.compare(0, 3, "aei") != 0 || scope.find("troubled") != std::string::npos) return 0;
  return std::atoi(scope.substr(3, 4).c_str());
}

void AddYearValue(std::vector<YearValue>* series, int year, double value, const Record* r) {
  auto it = std::find_if(series->begin(), series->end(), [&](const YearValue& y) { return y.year == year; });
  if (it == series->end()) {
    series->push_back({year, 0, {}});
    it = series->end() - 1;
  }
  it->value += value;
  it->records.push_back(r);
}

void SortByYear(std::vector<YearValue>* series) {
  std::sort(series->begin(), series->end(), [](const YearValue& x, const YearValue& y) { return x.year < y.year; });
}

void DerivePosts(const DatasetFacts& f, size_t i, std::vector<PostEdition>* out) {
  const store::StoredObservation& o = f.observations[i];
  int year = YearOf(o.period);
  auto it = std::find_if(out->begin(), out->end(), [&](const PostEdition& e) { return e.year == year; });
  if (it == out->end()) {
    out->push_back({year, 0, 0, 0, {}, {}});
    it = out->end() - 1;
  }
  std::string type = o.text;
  if (type.rfind("Embassy", 0) == 0) {
    ++it->embassies;
  } else if (type.rfind("Consulate", 0) == 0) {
    ++it->consulates;
  } else {
    ++it->other;
  }
  std::string city = o.item.substr(0, o.item.find(" | "));
  std::string title = o.item.find(" | ") == std::string::npos ? type : o.item.substr(o.item.find(" | ") + 3);
  it->places.push_back(city + " (" + title + ")");
  it->records.push_back(&f.records[i]);
}

void DeriveVisa(const DatasetFacts& f, const std::vector<size_t>& rows, std::vector<VisaSpell>* out) {
  for (size_t i : rows) {
    const store::StoredObservation& o = f.observations[i];
    if (!out->empty() && out->back().category == o.text && out->back().days == o.value) {
      out->back().to = o.period;
      out->back().last = &f.records[i];
      continue;
    }
    out->push_back({o.text, o.value, o.period, o.period, &f.records[i], &f.records[i]});
  }
}

}  // namespace

const KindSpec& ObservationRecordKind() {
  static const KindSpec k{"observations", "", "dataset observations",
                          {{"id", ColumnType::kText, true},
                           {"source_id", ColumnType::kSourceRef, true},
                           {"locator", ColumnType::kText, true}},
                          PairRule::kNone, {}};
  return k;
}

Status LoadDatasetFacts(store::SqliteDb* db, const std::string& a, const std::string& b, DatasetFacts* f) {
  BILAT_ASSIGN_OR_RETURN(f->observations, store::LoadPairObservations(db, a, b));
  f->records.reserve(f->observations.size());
  std::set<std::string> scopes;
  for (const store::StoredObservation& o : f->observations) {
    Record r;
    r.kind = &ObservationRecordKind();
    std::string id = o.scope + "/" + o.measure + "/" + o.subject + (o.object.empty() ? "" : "-" + o.object) + "/" +
                     o.period + (o.item.empty() ? "" : "/" + o.item);
    const std::string file = BaseName(o.path);
    r.values = {id, o.scope + ":source", file + ":" + std::to_string(o.line)};
    r.origin_file = file;
    r.origin_line = static_cast<int>(o.line);
    f->records.push_back(std::move(r));
    scopes.insert(o.scope);
  }
  if (!scopes.empty()) {
    BILAT_ASSIGN_OR_RETURN(std::vector<Record> sources, store::LoadRecords(db, *FindKind("sources")));
    for (Record& s : sources) {
      std::string scope = ScopeOf(s.Text("id"));
      if (scopes.count(scope) && s.Text("id") == scope + ":source") f->sources.emplace(s.Text("id"), std::move(s));
    }
  }

  // Index rows by measure and direction.
  std::map<std::string, std::vector<size_t>> by;  // "measure|subject|object" -> rows (sorted by period)
  for (size_t i = 0; i < f->observations.size(); ++i) {
    const auto& o = f->observations[i];
    by[o.measure + "|" + o.subject + "|" + o.object].push_back(i);
  }
  auto rows = [&](const std::string& measure, const std::string& subject, const std::string& object) {
    auto it = by.find(measure + "|" + subject + "|" + object);
    return it == by.end() ? std::vector<size_t>{} : it->second;
  };

  // UN voting: agreement either way, and the ideal-point distance.
  std::map<int, UnVotingYear> un;
  for (const auto& [s, o] : {std::pair{b, a}, std::pair{a, b}}) {
    for (size_t i : rows("unga.agree", s, o)) {
      UnVotingYear& y = un[YearOf(f->observations[i].period)];
      if (y.agree) continue;  // the first direction found stands
      y.agree = f->observations[i].value;
      y.voter = s;
      y.agree_record = &f->records[i];
      y.session = f->observations[i].item;
    }
  }
  std::map<int, size_t> ip_a, ip_b;
  for (size_t i : rows("unga.ideal_point", a, "")) ip_a[YearOf(f->observations[i].period)] = i;
  for (size_t i : rows("unga.ideal_point", b, "")) ip_b[YearOf(f->observations[i].period)] = i;
  for (const auto& [year, i] : ip_a) {
    auto j = ip_b.find(year);
    if (j == ip_b.end() || !f->observations[i].value || !f->observations[j->second].value) continue;
    UnVotingYear& y = un[year];
    y.distance = std::fabs(*f->observations[i].value - *f->observations[j->second].value);
    y.ideal_a = &f->records[i];
    y.ideal_b = &f->records[j->second];
    if (y.session.empty()) y.session = f->observations[i].item;
  }
  for (auto& [year, y] : un) {
    y.year = year;
    f->un_voting.push_back(y);
  }

  for (size_t i : rows("lowy.post", a, b)) DerivePosts(*f, i, &f->posts_a_in_b);
  for (size_t i : rows("lowy.post", b, a)) DerivePosts(*f, i, &f->posts_b_in_a);
  DeriveVisa(*f, rows("visa.requirement", a, b), &f->visa_a_to_b);
  DeriveVisa(*f, rows("visa.requirement", b, a), &f->visa_b_to_a);

  // Development finance: the recipient is the subject, the lender the object.
  for (const auto& [recipient, lender] : {std::pair{b, a}, std::pair{a, b}}) {
    for (const char* m : {"gcdf.usd_const_2021", "gcdf.projects", "gcdf.oda_like", "gcdf.oof_like", "gcdf.vague"}) {
      for (size_t i : rows(m, recipient, lender)) {
        AddYearValue(&f->finance[m], YearOf(f->observations[i].period), f->observations[i].value.value_or(0),
                     &f->records[i]);
        f->finance_lender = lender;
        f->finance_recipient = recipient;
      }
    }
    if (!f->finance.empty()) break;
  }
  for (auto& [m, series] : f->finance) SortByYear(&series);

  for (size_t i = 0; i < f->observations.size(); ++i) {
    const store::StoredObservation& o = f->observations[i];
    const bool pair = (o.subject == a && o.object == b) || (o.subject == b && o.object == a);
    if (!pair) continue;
    if (o.measure.rfind("pd.", 0) == 0) {
      AddYearValue(&f->public_diplomacy[o.measure], YearOf(o.period), o.value.value_or(0), &f->records[i]);
    } else if (o.measure == "gdelt.china_score") {
      AddYearValue(&f->score_by_year, YearOf(o.period), o.value.value_or(0), &f->records[i]);
      AddYearValue(&f->score_days_by_year, YearOf(o.period), 1, &f->records[i]);
      f->score_last_day = std::max(f->score_last_day, o.period);
    } else if (o.measure == "bri.member" && o.text == "uncertain") {
      f->bri_uncertain = &f->records[i];
    }
  }
  for (auto& [m, series] : f->public_diplomacy) SortByYear(&series);
  SortByYear(&f->score_by_year);
  SortByYear(&f->score_days_by_year);
  return Status::Ok();
}

void ApplyPrecedence(std::map<std::string, std::vector<Record>>* records, DatasetFacts* out) {
  // What the registry states: the dataset lines it cites, and its exchanges.
  std::map<std::string, std::string> cited;     // "file:line" -> registry id
  std::map<std::string, std::string> exchanges;  // date|from|to|leader -> registry id
  for (const auto& [kind, rows] : *records) {
    for (const Record& r : rows) {
      if (!ScopeOf(r.Text("id")).empty()) continue;
      cited.emplace(r.Text("locator"), r.Text("id"));
      if (kind == "exchanges") {
        exchanges.emplace(r.Text("date") + "|" + r.Text("from") + "|" + r.Text("to") + "|" + r.Text("leader"),
                          r.Text("id"));
      }
    }
  }
  int newest_aei = 0;
  for (const Record& r : (*records)["projects"]) newest_aei = std::max(newest_aei, AeiEdition(ScopeOf(r.Text("id"))));
  for (auto& [kind, rows] : *records) {
    std::vector<Record> kept;
    kept.reserve(rows.size());
    for (Record& r : rows) {
      const std::string scope = ScopeOf(r.Text("id"));
      if (scope.empty()) {
        kept.push_back(std::move(r));
        continue;
      }
      auto c = cited.find(r.origin_file + ":" + std::to_string(r.origin_line));
      if (c != cited.end()) {
        out->superseded.push_back({std::move(r), kind + "/" + c->second, "registry row citing the same line"});
        continue;
      }
      if (kind == "exchanges") {
        auto e = exchanges.find(r.Text("date") + "|" + r.Text("from") + "|" + r.Text("to") + "|" + r.Text("leader"));
        if (e != exchanges.end()) {
          out->superseded.push_back({std::move(r), kind + "/" + e->second, "same exchange in the registry"});
          continue;
        }
      }
      int edition = kind == "projects" ? AeiEdition(scope) : 0;
      if (edition && edition < newest_aei) {
        out->superseded.push_back({std::move(r), "AEI " + std::to_string(newest_aei) + " edition", "newer edition"});
        continue;
      }
      kept.push_back(std::move(r));
    }
    rows = std::move(kept);
  }
}

}  // namespace bilat::measure
