#include "app/ingest_text.h"

#include <set>

#include "ingest/events/byte_source.h"
#include "ingest/text/document.h"
#include "ingest/text/extractor.h"
#include "store/event_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  std::set<std::string> seen;
  for (const std::string& s : v) {
    if (s.empty() || !seen.insert(s).second) continue;
    if (!out.empty()) out += ';';
    out += s;
  }
  return out;
}

store::TextItem Base(const text::Document& doc, int item, const char* kind, const text::Evidence& ev,
                     double confidence) {
  store::TextItem t;
  t.item = item;
  t.doc_id = doc.id;
  t.url = doc.url;
  t.doc_date = doc.date.Iso();
  t.kind = kind;
  t.confidence = confidence;
  t.evidence_begin = static_cast<int64_t>(ev.begin);
  t.evidence_end = static_cast<int64_t>(ev.end);
  t.evidence = ev.text();
  return t;
}

// A stable id for a text-derived event: 62 bits of the document hash and item.
int64_t TextEventId(const std::string& doc_hash, int item) {
  std::string h = ingest::ContentHash(doc_hash + "#" + std::to_string(item));
  return static_cast<int64_t>(std::stoull(h.substr(0, 15), nullptr, 16) >> 2);
}

// Adds a CAMEO-coded, month-dated fact to the event tables of the batch.
void AddEvent(const store::TextItem& t, const text::CameoCoding& c, const text::TextDate& date,
              const std::string& doc_hash, store::EventFileBatch* b) {
  if (c.code.empty() || c.source.empty() || c.target.empty() || c.source == c.target || !date.HasMonth()) return;
  const int month = date.year * 100 + date.month;
  const std::string root = c.code.substr(0, 2);
  const int r = std::atoi(root.c_str());
  const int quad = r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
  store::DyadMonth d;
  d.src = c.source;
  d.dst = c.target;
  d.month = month;
  d.root = true;
  d.events = 1;
  d.q[quad - 1] = 1;
  d.goldstein_sum = c.goldstein;
  d.sources = 1;
  d.articles = 1;
  b->dyads.push_back(d);
  b->countries.push_back({c.source, month, 1});
  b->countries.push_back({c.target, month, 1});
  store::StoredEvent e;
  e.event_id = TextEventId(doc_hash, t.item);
  char day[16];
  std::snprintf(day, sizeof day, "%04d-%02d-%02d", date.year, date.month, date.day ? date.day : 1);
  e.date = day;
  e.month = month;
  e.src = c.source;
  e.dst = c.target;
  e.actor1_name = t.actor;
  e.root = true;
  e.event_code = c.code;
  e.quad_class = quad;
  e.goldstein = c.goldstein;
  e.sources = 1;
  e.articles = 1;
  e.place = t.what;
  e.source_url = t.url;
  e.line = static_cast<uint64_t>(t.item);
  b->events.push_back(std::move(e));
}

}  // namespace

Result<IngestTextResult> IngestText(const IngestTextOptions& o, const CountryRegistry& countries) {
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));
  BILAT_ASSIGN_OR_RETURN(auto extractor, text::Extractor::LoadDefault(countries));
  IngestTextResult result;
  for (const std::string& path : o.files) {
    std::vector<text::ReadIssue> issues;
    auto docs = text::ReadDocuments(path, {}, &issues);
    for (const auto& i : issues) result.issues.push_back(i.ToString());
    if (!docs.ok()) {
      result.issues.push_back(docs.status().message());
      ++result.files_refused;
      continue;
    }
    for (const text::Document& doc : *docs) {
      TextDocumentOutcome outcome;
      outcome.file = path;
      outcome.doc_id = doc.id;
      const std::string hash = ingest::ContentHash(doc.id + '\0' + doc.original);
      text::Extraction x = extractor->Extract(doc);
      store::EventFileBatch b;
      b.file.content_hash = hash;
      b.file.path = path + (docs->size() > 1 ? "#" + doc.id : "");
      b.file.dataset = "text";
      b.file.format = "text";
      b.file.bytes = doc.original.size();
      b.file.lines = x.sentences;
      int item = 0;
      for (const text::Visit& v : x.visits) {
        store::TextItem t = Base(doc, item++, "visit", v.evidence, v.confidence);
        t.date = v.date.Iso();
        t.countries = Join({v.visitor_country, v.host_country});
        t.subkind = v.kind;
        t.status = v.status;
        t.actor = v.visitor;
        t.what = v.visitor;
        t.cameo_code = v.cameo.code;
        if (!v.cameo.code.empty()) t.goldstein = v.cameo.goldstein;
        if (v.status != "planned") AddEvent(t, v.cameo, v.date, hash, &b);
        b.text_items.push_back(std::move(t));
      }
      for (const text::Event& e : x.events) {
        store::TextItem t = Base(doc, item++, "event", e.evidence, e.confidence);
        t.date = e.date.Iso();
        t.countries = Join(e.parties);
        t.subkind = e.kind;
        t.status = e.status;
        t.what = e.what;
        t.cameo_code = e.cameo.code;
        if (!e.cameo.code.empty()) t.goldstein = e.cameo.goldstein;
        if (e.status != "planned") AddEvent(t, e.cameo, e.date, hash, &b);
        b.text_items.push_back(std::move(t));
      }
      for (const text::TradeFigure& f : x.trade) {
        store::TextItem t = Base(doc, item++, "trade", f.evidence, f.confidence);
        // A figure whose year the text does not give keeps an empty date
        // (the report says so), never year "0"; a fiscal year is its span.
        if (f.year > 0) t.date = std::to_string(f.year);
        if (f.year > 0 && f.end_year > f.year) t.date += "/" + std::to_string(f.end_year);
        std::string pair = f.reporter_or_direction;
        for (char& c : pair) {
          if (c == '-' || c == '>') c = ';';
        }
        std::vector<std::string> parts;
        for (size_t s = 0, e; s <= pair.size(); s = e + 1) {
          e = pair.find(';', s);
          if (e == std::string::npos) e = pair.size();
          if (e > s) parts.push_back(pair.substr(s, e - s));
        }
        t.countries = Join(parts);
        t.subkind = f.flow;
        t.actor = f.reporter_or_direction;
        t.what = "trade " + f.flow;
        t.value = f.value;
        t.unit = f.unit;
        t.qualifier = f.qualifier;
        t.period = f.period;
        t.yoy_pct = f.yoy_pct;
        b.text_items.push_back(std::move(t));
      }
      const std::string pair_countries = Join(x.country_pair);
      auto add_figure = [&](const char* kind, const std::string& what, double value, std::optional<double> high,
                            const std::string& unit, const text::TextDate& date, const std::string& qualifier,
                            const text::Evidence& ev, double confidence) {
        store::TextItem t = Base(doc, item++, kind, ev, confidence);
        t.date = date.Iso();
        t.countries = pair_countries;
        t.what = what;
        t.value = value;
        t.value_high = high;
        t.unit = unit;
        t.qualifier = qualifier;
        b.text_items.push_back(std::move(t));
      };
      for (const text::Quantity& q : x.quantities) {
        add_figure("quantity", q.what, q.value, std::nullopt, q.unit, q.date, q.qualifier, q.evidence, q.confidence);
      }
      for (const text::Money& m : x.money) {
        add_figure("money", m.what, m.value, std::nullopt, m.unit, m.date, m.qualifier, m.evidence, m.confidence);
      }
      for (const text::Percentage& p : x.percentages) {
        add_figure("percentage", p.what, p.value_low, p.value_high, "%", p.date, p.qualifier, p.evidence,
                   p.confidence);
      }
      b.file.rows_ok = b.text_items.size();
      outcome.items = b.text_items.size();
      outcome.events = b.events.size();
      BILAT_ASSIGN_OR_RETURN(store::EventCommit commit, store::CommitEventFile(ws->db(), b));
      outcome.already_ingested = commit.already_ingested;
      result.documents.push_back(std::move(outcome));
    }
  }
  return result;
}

}  // namespace bilat::app
