#include "app/extract_to_registry.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "app/atomic_write.h"
#include "core/csv_writer.h"
#include "core/text.h"
#include "ingest/text/gazetteer.h"

namespace bilat::app {
namespace {

namespace fs = std::filesystem;

// The review columns after the registry's own; `review` goes first, where a
// reviewer sees it.
constexpr const char* kTrailingColumns[] = {"confidence", "extracted", "to_check", "evidence"};

// An id part from a document id: lower-case letters and digits, runs of
// anything else as one '-', at most 40 characters (ids hold 64).
std::string Slug(const std::string& id) {
  std::string out;
  for (char c : id) {
    char l = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool keep = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9');
    if (keep) {
      out.push_back(l);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
    if (out.size() >= 40) break;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "doc" : out;
}

std::string Pad2(int v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// A registry date (YYYY, YYYY-MM, YYYY-MM-DD) from an extracted one; a span
// of years gives its first year. "" when unset.
std::string RegistryDate(const text::TextDate& d) {
  if (!d.IsSet()) return "";
  std::string out = std::to_string(d.year);
  if (d.HasMonth()) out += "-" + Pad2(d.month);
  if (d.HasMonth() && d.HasDay()) out += "-" + Pad2(d.day);
  return out;
}

// A plain decimal the registry reads: no exponent, no trailing zeros.
std::string Decimal(double v) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

std::string Confidence(double c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", c);
  return buf;
}

bool HasWord(const std::string& text, std::string_view word) {
  std::string lower = ToLower(text);
  for (size_t at = lower.find(word); at != std::string::npos; at = lower.find(word, at + 1)) {
    bool left = at == 0 || !std::isalpha(static_cast<unsigned char>(lower[at - 1]));
    size_t end = at + word.size();
    bool right = end >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end])) ||
                 (lower[end] == 's' && (end + 1 >= lower.size() || !std::isalpha(static_cast<unsigned char>(lower[end + 1]))));
    if (left && right) return true;
  }
  return false;
}

bool HasAnyWord(const std::string& text, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (HasWord(text, w)) return true;
  }
  return false;
}

// An amount's unit as stated ("USD billion", "CNY trillion", "EUR") in the
// registry's value, currency and scale; false when the unit is not of that
// form (then the currency is left for the reviewer).
struct Amount {
  std::string value, currency, scale;
};
bool ToAmount(double value, const std::string& unit, Amount* out) {
  std::vector<std::string_view> parts = Split(unit, ' ');
  std::string_view currency = parts.empty() ? std::string_view() : Trim(parts[0]);
  std::string_view scale = parts.size() > 1 ? Trim(parts[1]) : std::string_view();
  bool code = currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                                 [](char c) { return c >= 'A' && c <= 'Z'; });
  out->value = Decimal(value);
  out->currency = code ? std::string(currency) : "";
  if (scale.empty()) {
    out->scale = "units";
  } else if (scale == "thousand") {
    out->scale = "thousands";
  } else if (scale == "million") {
    out->scale = "millions";
  } else if (scale == "billion") {
    out->scale = "billions";
  } else if (scale == "trillion") {
    out->value = Decimal(value * 1000);
    out->scale = "billions";
  } else {
    out->scale = "units";
    return false;
  }
  return code && parts.size() <= 2;
}

// The registry's value_qualifier for an extracted hedge.
std::string Qualifier(const std::string& hedge) {
  if (hedge.empty()) return "";
  if (HasAnyWord(hedge, {"more than", "over", "exceeding", "at least", "above", "surpassed", "upwards of"})) {
    return "at_least";
  }
  if (HasAnyWord(hedge, {"up to", "at most", "less than", "under", "below", "no more than"})) return "at_most";
  return "about";  // about, around, almost, nearly, roughly, approximately, estimated, some, ...
}

std::string UrlHost(const std::string& url) {
  size_t start = url.find("://");
  if (start == std::string::npos) return "";
  start += 3;
  size_t end = url.find_first_of("/?#:", start);
  std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
  if (host.rfind("www.", 0) == 0) host = host.substr(4);
  return host;
}

std::string JoinTo(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

// A note for country cells that hold a region or group rather than a
// country ("Central Asia"), which the registry would refuse; "" when all are
// ISO alpha-3 codes.
std::string CountryNote(std::initializer_list<std::pair<const char*, std::string>> cells) {
  std::string out;
  for (const auto& [column, value] : cells) {
    for (std::string_view part : Split(value, ';')) {
      bool code = part.size() == 3 && std::all_of(part.begin(), part.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!code && !part.empty()) {
        out += (out.empty() ? "" : "; ") + std::string("'") + std::string(part) + "' in " + column +
               " is not a country: name one";
      } else if (part == text::kEuropeanUnion) {
        out += (out.empty() ? "" : "; ") + std::string("EUU (the European Union) in ") + column +
               " is a party of the text but not a country of the registry: name a member state or reject the row";
      }
    }
  }
  return out;
}

// The connectivity kind an opened or launched thing belongs to, or "".
std::string ConnectivityKind(const std::string& what) {
  if (HasAnyWord(what, {"checkpoint", "border crossing", "border port", "crossing point", "port of entry"})) {
    return "border_crossing";
  }
  if (HasAnyWord(what, {"pipeline", "gas line"})) return "pipeline";
  if (HasAnyWord(what, {"railway", "railroad", "rail", "train", "rail line"})) return "railway";
  if (HasAnyWord(what, {"road", "highway", "motorway", "expressway"})) return "road";
  if (HasAnyWord(what, {"flight", "air route", "air link", "air service"})) return "air_route";
  if (HasAnyWord(what, {"logistics", "dry port", "hub", "terminal"})) return "logistics_hub";
  if (HasAnyWord(what, {"port", "seaport"})) return "port";
  return "";
}

// The agreements kind of a signed or entered-into-force text.
std::string AgreementKind(const std::string& event_kind, const std::string& what) {
  if (event_kind == "memorandum signed" || HasAnyWord(what, {"memorandum", "mou"})) return "memorandum";
  if (HasWord(what, "treaty")) return "treaty";
  if (HasWord(what, "joint statement") || HasWord(what, "joint declaration")) return "joint_statement";
  return "agreement";
}

std::string Readme(const std::vector<const CandidateFile*>& files, const std::map<std::string, size_t>& unmapped) {
  std::string out =
      "# Candidate registry rows: review before ingest\n\n"
      "`bilat extract --format registry` wrote these files from news text. Every row is a\n"
      "*candidate*: a machine reading of one sentence, not yet a fact. Format and the review\n"
      "step: docs/formats/registry_candidates.md in the bilat source.\n\n"
      "1. Open each CSV in a spreadsheet (UTF-8, comma-separated). Read the `evidence`\n"
      "   sentence and the `to_check` note; `source_id` names the document in\n"
      "   `sources.csv` and `locator` the file and character span of the sentence.\n"
      "2. Set `review` to `accept` (store the row) or `reject` (leave it out); correct any\n"
      "   cell first, fill blank required cells (the `to_check` note names them).\n"
      "   Rows left as `candidate` (or blank) are not stored, and `bilat ingest registry`\n"
      "   counts and lists them.\n"
      "3. Complete `sources.csv` (title, publisher, published) for the documents you keep.\n"
      "4. Keep this folder inside the workspace's registry folder (e.g. W/registry/news/)\n"
      "   and run `bilat ingest registry W/registry -w W`: subfolders are read with the\n"
      "   registry, so the curated files and the reviewed candidates are stored together.\n"
      "   (Ingesting this folder on its own makes it the whole registry for its kinds.)\n\n"
      "Files written:\n\n";
  for (const CandidateFile* f : files) {
    out += "- `" + std::string(f->kind->file) + "`: " + std::to_string(f->rows.size()) +
           (f->rows.size() == 1 ? " row\n" : " rows\n");
  }
  if (!unmapped.empty()) {
    out += "\nItems with no registry column to go into (see `bilat extract --format table`):\n\n";
    for (const auto& [type, n] : unmapped) out += "- " + type + ": " + std::to_string(n) + "\n";
  }
  return out;
}

}  // namespace

RegistryCandidates::RegistryCandidates() {
  for (const KindSpec& k : RegistryKinds()) {
    CandidateFile f;
    f.kind = &k;
    f.header.push_back("review");
    for (const ColumnSpec& c : k.columns) f.header.emplace_back(c.name);
    if (k.name == "sources") {
      f.header.emplace_back("to_check");
    } else {
      for (const char* c : kTrailingColumns) f.header.emplace_back(c);
    }
    files_.push_back(std::move(f));
  }
}

std::vector<const CandidateFile*> RegistryCandidates::Files() const {
  std::vector<const CandidateFile*> out;
  for (const CandidateFile& f : files_) {
    if (!f.rows.empty()) out.push_back(&f);
  }
  return out;
}

size_t RegistryCandidates::CandidateRows() const {
  size_t n = 0;
  for (const CandidateFile& f : files_) {
    if (f.kind->name != "sources") n += f.rows.size();
  }
  return n;
}

void RegistryCandidates::AddRow(std::string_view kind, std::map<std::string, std::string> cells) {
  for (CandidateFile& f : files_) {
    if (f.kind->name != kind) continue;
    std::vector<std::string> row;
    for (const std::string& col : f.header) {
      auto it = cells.find(col);
      row.push_back(it == cells.end() ? "" : it->second);
    }
    f.rows.push_back(std::move(row));
    return;
  }
}

std::string RegistryCandidates::SameAs(const std::string& key, const std::string& id) {
  auto [it, inserted] = first_with_key_.emplace(key, id);
  return inserted ? "" : "likely the same as " + it->second;
}

std::string RegistryCandidates::SameExchange(const std::string& from, const std::string& to, const std::string& date,
                                             const std::string& id) {
  // One exchange told twice: the same two sides, one date within the other
  // ("2023-12" and "2023-12-22"), as the extractor merges visits.
  for (const Exchange& e : exchanges_) {
    bool same_sides = (e.from == from && e.to == to) || (e.from == to && e.to == from);
    bool nested = !date.empty() && !e.date.empty() &&
                  (e.date.rfind(date, 0) == 0 || date.rfind(e.date, 0) == 0);
    if (same_sides && nested) return "likely the same as " + e.id;
  }
  exchanges_.push_back({from, to, date, id});
  return "";
}

RegistryCandidates::Doc RegistryCandidates::Register(const text::Extraction& x) {
  std::string slug = Slug(x.doc_id);
  for (int n = 2; !slugs_.insert(slug).second; ++n) slug = Slug(x.doc_id) + "-" + std::to_string(n);
  Doc doc;
  doc.source_id = "txt-" + slug;
  std::string file = fs::path(x.text_file).filename().string();
  std::string stem = fs::path(x.text_file).stem().string();
  doc.locator_prefix = file.empty() ? x.doc_id : (stem == x.doc_id ? file : file + " id " + x.doc_id);
  doc.stated = RegistryDate(x.doc_date);
  doc.pair = x.country_pair;
  doc.pair.resize(2);

  std::vector<std::string> to_check;
  std::string publisher = UrlHost(x.url);
  if (publisher.empty()) to_check.push_back("fill in the publisher");
  if (doc.stated.empty()) to_check.push_back("fill in the publication date");
  // A complete row only describes the document, so it is accepted as
  // written; one with blanks waits for the reviewer like any candidate.
  const bool complete = to_check.empty();
  to_check.push_back("title: the file name; give the headline");
  AddRow("sources", {{"review", complete ? "accept" : "candidate"},
                     {"id", doc.source_id},
                     {"title", doc.locator_prefix},
                     {"publisher", publisher},
                     {"url", x.url},
                     {"citation", x.url.empty() ? "text file " + (file.empty() ? x.doc_id : file) : ""},
                     {"published", doc.stated},
                     {"to_check", JoinTo(to_check, "; ")}});
  return doc;
}

std::map<std::string, std::string> RegistryCandidates::Common(const Doc& doc, const std::string& id,
                                                              double confidence, const std::string& extracted,
                                                              const text::Evidence& ev) const {
  return {{"review", "candidate"},
          {"id", id},
          {"source_id", doc.source_id},
          {"locator", doc.locator_prefix + " chars " + std::to_string(ev.begin) + "-" + std::to_string(ev.end)},
          {"confidence", Confidence(confidence)},
          {"extracted", extracted},
          {"evidence", ev.text()}};
}

void RegistryCandidates::Add(const text::Extraction& x) {
  size_t items = x.visits.size() + x.events.size() + x.trade.size() + x.money.size();
  if (items == 0 && x.quantities.empty() && x.percentages.empty()) return;
  const size_t rows_before = CandidateRows();
  // The sources row goes in first so that it is written even when only some
  // of the document's items find a home; removed again if none does.
  const size_t sources_before = files_[0].rows.size();
  Doc doc = Register(x);
  for (size_t i = 0; i < x.visits.size(); ++i) AddVisit(doc, x.visits[i], i + 1);
  for (size_t i = 0; i < x.events.size(); ++i) AddEvent(doc, x.events[i], i + 1);
  for (size_t i = 0; i < x.trade.size(); ++i) AddTrade(doc, x.trade[i], i + 1);
  for (size_t i = 0; i < x.money.size(); ++i) {
    if (!AddTarget(doc, x.money[i], i + 1)) ++unmapped_["money"];
  }
  if (!x.quantities.empty()) unmapped_["quantity"] += x.quantities.size();
  if (!x.percentages.empty()) unmapped_["percentage"] += x.percentages.size();
  if (CandidateRows() == rows_before) {
    files_[0].rows.resize(sources_before);
    slugs_.erase(doc.source_id.substr(4));  // "txt-" + slug
  }
}

void RegistryCandidates::AddVisit(const Doc& doc, const text::Visit& v, size_t n) {
  std::string id = doc.source_id + "-v" + std::to_string(n);
  auto cells = Common(doc, id, v.confidence, "visit (" + v.kind + ", " + v.status + ")", v.evidence);
  std::string kind = v.kind == "state visit"          ? "state_visit"
                     : v.kind == "official visit"     ? "official_visit"
                     : v.kind == "working visit"      ? "working_visit"
                     : v.kind == "summit attendance"  ? "summit"
                                                      : "visit";
  std::string date = RegistryDate(v.date);
  std::vector<std::string> to_check;
  std::string same = SameExchange(v.visitor_country, v.host_country, date, id);
  if (!same.empty()) to_check.push_back(same);
  if (date.empty()) to_check.push_back("fill in the date");
  if (v.visitor.empty()) to_check.push_back("name the leader");
  if (std::string note = CountryNote({{"from", v.visitor_country}, {"to", v.host_country}}); !note.empty()) {
    to_check.push_back(note);
  }
  if (v.date.end_year) to_check.push_back("the text gives a span of years; the first is written");
  to_check.push_back("add location, role and counterpart if the text gives them");
  cells["date"] = date;
  cells["kind"] = kind;
  cells["from"] = v.visitor_country;
  cells["to"] = v.host_country;
  cells["leader"] = v.visitor;
  cells["status"] = v.status == "planned" ? "planned" : "actual";
  cells["to_check"] = JoinTo(to_check, "; ");
  AddRow("exchanges", std::move(cells));
}

void RegistryCandidates::AddEvent(const Doc& doc, const text::Event& e, size_t n) {
  std::string id = doc.source_id + "-e" + std::to_string(n);
  auto cells = Common(doc, id, e.confidence, "event (" + e.kind + ", " + e.status + ")", e.evidence);
  std::string date = RegistryDate(e.date);
  std::vector<std::string> parties = e.parties;
  for (const std::string& p : doc.pair) {
    if (parties.size() < 2 && !p.empty() && std::find(parties.begin(), parties.end(), p) == parties.end()) {
      parties.push_back(p);
    }
  }
  std::vector<std::string> to_check;
  if (date.empty()) to_check.push_back("fill in the date");
  const bool planned = e.status == "planned";
  cells["date"] = date;
  const std::string& k = e.kind;
  if (k == "meeting") {
    if (parties.size() < 2) {
      ++unmapped_["event: meeting without two countries"];
      return;
    }
    std::string same = SameExchange(parties[0], parties[1], date, id);
    if (!same.empty()) to_check.insert(to_check.begin(), same);
    to_check.push_back("name the leader of 'from' (required) and the counterpart; 'from' and 'to' follow the text's order");
    if (std::string note = CountryNote({{"from", parties[0]}, {"to", parties[1]}}); !note.empty()) {
      to_check.push_back(note);
    }
    cells["kind"] = "meeting";
    cells["from"] = parties[0];
    cells["to"] = parties[1];
    cells["status"] = planned ? "planned" : "actual";
    cells["to_check"] = JoinTo(to_check, "; ");
    AddRow("exchanges", std::move(cells));
    return;
  }
  const std::string what = e.what;
  if (std::string note = CountryNote({{"the parties", JoinTo(parties, ";")}}); !note.empty()) {
    to_check.push_back(note);
  }
  if (k == "agreement signed" || k == "memorandum signed" || k == "entry into force" ||
      k == "partnership established" || k == "announcement" ||
      (k == "launch" && ConnectivityKind(what).empty())) {
    std::string kind = k == "partnership established"
                           ? (HasWord(what, "partnership") ? "partnership_level" : "milestone")
                       : k == "announcement" ? "announcement"
                       : k == "launch"       ? "milestone"
                                             : AgreementKind(k, what);
    std::string status = planned ? "planned"
                         : k == "entry into force" ? "in_force"
                         : k == "announcement"     ? "announced"
                                                   : "signed";
    std::string title = what.empty() ? k : what;
    if (k == "launch") title = "launch: " + title;
    std::string same = SameAs("agreement|" + kind + "|" + date + "|" + ToLower(title), id);
    if (!same.empty()) to_check.insert(to_check.begin(), same);
    if (what.empty()) to_check.push_back("give the title");
    to_check.push_back("title: the text's words; shorten to the agreement's name");
    if (kind == "partnership_level") cells["level"] = what;
    cells["kind"] = kind;
    cells["parties"] = JoinTo(parties, ";");
    cells["title"] = title;
    cells["status"] = status;
    cells["to_check"] = JoinTo(to_check, "; ");
    AddRow("agreements", std::move(cells));
    return;
  }
  const bool construction = k.find("construction") != std::string::npos;
  if (k == "opening" || k == "launch" || construction) {
    std::string asset = ConnectivityKind(what);
    if (!asset.empty()) {
      cells.erase("date");
      cells["kind"] = asset;
      cells["name"] = what;
      cells["countries"] = JoinTo(parties, ";");
      if (k == "opening" && !planned) cells["opened"] = date;
      if (k != "opening" || planned) cells["as_of"] = date;
      cells["status"] = planned ? "planned" : construction ? "under_construction" : "operating";
      to_check.push_back("name: the text's words; give the asset's name");
      cells["to_check"] = JoinTo(to_check, "; ");
      AddRow("connectivity", std::move(cells));
      return;
    }
    if (parties.size() < 2) {
      ++unmapped_["event: " + k + " without two countries"];
      return;
    }
    cells["name"] = what.empty() ? k : what;
    cells["investor"] = parties[0];
    cells["host"] = parties[1];
    if (construction) cells["kind"] = "construction";
    cells["status"] = planned ? "announced" : construction ? "under_construction" : "operating";
    to_check.push_back("fill in the sector (required); investor and host follow the text's order: check them");
    cells["to_check"] = JoinTo(to_check, "; ");
    AddRow("projects", std::move(cells));
    return;
  }
  ++unmapped_["event: " + k];
}

void RegistryCandidates::AddTrade(const Doc& doc, const text::TradeFigure& t, size_t n) {
  std::string id = doc.source_id + "-t" + std::to_string(n);
  auto cells = Common(doc, id, t.confidence, "trade figure (" + t.flow + ")", t.evidence);
  std::vector<std::string> to_check;
  std::string a, b, flow = "total";
  const std::string& dir = t.reporter_or_direction;
  if (size_t arrow = dir.find("->"); arrow != std::string::npos) {
    std::string from = dir.substr(0, arrow), to = dir.substr(arrow + 2);
    // Registry flows are seen from partner_a: it exports to, or imports from, partner_b.
    flow = t.flow == "imports" ? "import" : "export";
    a = flow == "export" ? from : to;
    b = flow == "export" ? to : from;
  } else if (size_t dash = dir.find('-'); dash != std::string::npos) {
    a = dir.substr(0, dash);
    b = dir.substr(dash + 1);
  } else {
    a = doc.pair[0];
    b = doc.pair[1];
    to_check.push_back("name the two countries");
  }
  Amount amount;
  if (!ToAmount(t.value, t.unit, &amount)) to_check.push_back("the unit '" + t.unit + "' needs a currency and scale");
  std::string year = t.year > 0 ? std::to_string(t.year) : "";
  std::string same = SameAs("trade|" + year + "|" + t.period + "|" + flow + "|" + a + "|" + b + "|" + amount.value +
                                "|" + amount.scale,
                            id);
  if (!same.empty()) to_check.insert(to_check.begin(), same);
  if (year.empty()) to_check.push_back("fill in the year (the text does not resolve it)");
  if (std::string note = CountryNote({{"partner_a", a}, {"partner_b", b}}); !note.empty()) to_check.push_back(note);
  to_check.push_back(t.source.empty() ? "fill in reporter if the text says whose statistics these are"
                                      : "reporter: the text cites " + t.source);
  cells["year"] = year;
  cells["period"] = t.period;
  cells["partner_a"] = a;
  cells["partner_b"] = b;
  cells["flow"] = flow;
  cells["value"] = amount.value;
  cells["currency"] = amount.currency;
  cells["scale"] = amount.scale;
  cells["value_qualifier"] = Qualifier(t.qualifier);
  if (t.yoy_pct) cells["stated_growth_pct"] = Decimal(*t.yoy_pct);
  cells["to_check"] = JoinTo(to_check, "; ");
  AddRow("trade", std::move(cells));
}

bool RegistryCandidates::AddTarget(const Doc& doc, const text::Money& m, size_t n) {
  // A trade target: the amount's words (or failing them its sentence) speak
  // of trade and of a target, goal or aim.
  const std::string& sentence = m.evidence.text();
  auto says = [&](std::initializer_list<std::string_view> words) {
    return HasAnyWord(m.what, words) || HasAnyWord(sentence, words);
  };
  if (!says({"trade", "turnover"}) || !says({"target", "goal", "aim", "intend", "seek"})) return false;
  if (HasAnyWord(m.what, {"investment", "invest"})) return false;
  std::string id = doc.source_id + "-m" + std::to_string(n);
  auto cells = Common(doc, id, m.confidence, "money (a trade target)", m.evidence);
  Amount amount;
  std::vector<std::string> to_check;
  if (!ToAmount(m.value, m.unit, &amount)) to_check.push_back("the unit '" + m.unit + "' needs a currency and scale");
  if (doc.stated.empty()) to_check.push_back("fill in when it was stated");
  to_check.push_back("country and partner: the text's pair; check whose target it is and who stated it");
  cells["stated"] = doc.stated;
  cells["country"] = doc.pair[0];
  cells["partner"] = doc.pair[1];
  cells["indicator"] = "trade_total";
  cells["target_value"] = amount.value;
  cells["currency"] = amount.currency;
  cells["scale"] = amount.scale;
  if (m.date.IsSet()) cells["target_year"] = std::to_string(m.date.year);
  cells["to_check"] = JoinTo(to_check, "; ");
  AddRow("targets", std::move(cells));
  return true;
}

Status RegistryCandidates::CheckOutputDir(const std::string& dir) {
  std::error_code ec;
  for (const KindSpec& k : RegistryKinds()) {
    fs::path p = fs::path(dir) / k.file;
    if (fs::exists(p, ec)) {
      return Status::InvalidArgument(p.string() +
                                     " exists and may hold a review: write the candidates to a new folder, or "
                                     "move the old files away first");
    }
  }
  return Status::Ok();
}

Result<std::vector<std::string>> RegistryCandidates::Write(const std::string& dir) const {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::IoError(dir + ": cannot create the output folder (" + ec.message() + ")");
  std::vector<std::string> written;
  std::vector<const CandidateFile*> files = Files();
  for (const CandidateFile* f : files) {
    std::string csv = CsvRow(f->header) + "\n";
    for (const auto& row : f->rows) csv += CsvRow(row) + "\n";
    std::string path = (fs::path(dir) / f->kind->file).string();
    BILAT_RETURN_IF_ERROR(WriteFileAtomically(path, csv));
    written.push_back(path);
  }
  std::string readme = (fs::path(dir) / "README.md").string();
  BILAT_RETURN_IF_ERROR(WriteFileAtomically(readme, Readme(files, unmapped_)));
  written.push_back(readme);
  return written;
}

}  // namespace bilat::app
