// Text extraction for Python: a string or a file through the extractor
// exactly as `bilat extract` runs it (app::ExtractTextFacts,
// app::ExtractFileFacts), the six kinds of item flattened into one table
// with a row per fact. The fields are those of `bilat extract --format
// jsonl` (docs/formats/extraction_json.md), mapped onto shared columns.
#include <pybind11/stl.h>

#include <cmath>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/extract_text.h"
#include "ingest/text/extractor.h"
#include "python/bindings.h"

namespace bilat::python {
namespace {

// The extractor with every dictionary loaded, once per process (it is
// immutable and safe to share across threads).
const text::Extractor& SharedExtractor() {
  static std::shared_ptr<const text::Extractor> extractor;
  static std::once_flag once;
  static Status error;
  const CountryRegistry& countries = Countries();
  std::call_once(once, [&] {
    py::gil_scoped_release release;
    auto r = text::Extractor::LoadDefault(countries);
    if (r.ok()) {
      extractor = *r;
    } else {
      error = r.status();
    }
  });
  if (!extractor) Raise(error);
  return *extractor;
}

// Confidence as the JSON output gives it: two decimals.
double Confidence(double c) { return std::round(c * 100) / 100; }

py::object Date(const text::TextDate& d) { return d.IsSet() ? py::object(py::str(d.Iso())) : py::object(py::none()); }

class FactTable {
 public:
  void Add(const text::Extraction& x) {
    for (const text::Visit& v : x.visits) {
      Row(v.evidence, "visit", py::str(v.kind), Date(v.date),
          std::vector<std::string>{v.visitor_country, v.host_country}, Text(v.visitor), py::none(), Text(v.status),
          py::none(), py::none(), py::none(), &v.cameo, v.confidence);
    }
    for (const text::Event& e : x.events) {
      Row(e.evidence, "event", py::str(e.kind), Date(e.date), e.parties, py::none(), Text(e.what), Text(e.status),
          py::none(), py::none(), py::none(), &e.cameo, e.confidence);
    }
    for (const text::TradeFigure& f : x.trade) {
      // The year as the JSON gives it: "2021/2022" for a fiscal year, none
      // when the text does not say.
      py::object year = py::none();
      if (f.year) year = py::str(f.end_year ? std::to_string(f.year) + "/" + std::to_string(f.end_year)
                                            : std::to_string(f.year));
      std::vector<std::string> parties;
      const std::string& d = f.reporter_or_direction;
      size_t cut = d.find("->");
      size_t width = 2;
      if (cut == std::string::npos) {
        cut = d.find('-');
        width = 1;
      }
      if (cut != std::string::npos) parties = {d.substr(0, cut), d.substr(cut + width)};
      Row(f.evidence, "trade", py::str(f.flow), year, parties, py::none(), py::none(), py::none(),
          py::float_(f.value), py::none(), py::str(f.unit), nullptr, f.confidence, Text(f.period),
          Text(f.reporter_or_direction), Opt(f.yoy_pct), Text(f.qualifier), Text(f.source));
    }
    for (const text::Quantity& q : x.quantities) {
      Row(q.evidence, "quantity", py::none(), Date(q.date), {}, py::none(), Text(q.what), py::none(),
          py::float_(q.value), py::none(), py::str(q.unit), nullptr, q.confidence, py::none(), py::none(), py::none(),
          Text(q.qualifier));
    }
    for (const text::Money& m : x.money) {
      Row(m.evidence, "money", py::none(), Date(m.date), {}, py::none(), Text(m.what), py::none(),
          py::float_(m.value), py::none(), py::str(m.unit), nullptr, m.confidence, py::none(), py::none(), py::none(),
          Text(m.qualifier));
    }
    for (const text::Percentage& p : x.percentages) {
      Row(p.evidence, "percentage", py::none(), Date(p.date), {}, py::none(), Text(p.what), py::none(),
          py::float_(p.value_low), py::float_(p.value_high), py::str("%"), nullptr, p.confidence, py::none(),
          py::none(), py::none(), Text(p.qualifier));
    }
    documents_.Row({py::str(x.doc_id), Text(x.url), Text(x.text_file), Date(x.doc_date), Text(x.doc_date_source),
                    py::cast(x.country_pair), py::cast(x.other_countries), py::int_(x.sentences),
                    py::int_(x.visits.size() + x.events.size() + x.trade.size() + x.quantities.size() +
                             x.money.size() + x.percentages.size())});
  }

  py::dict ToDict(const std::vector<text::ReadIssue>& issues) const {
    py::list issue_list;
    for (const text::ReadIssue& i : issues) {
      py::dict d;
      d["file"] = i.file;
      d["line"] = i.line;
      d["reason"] = i.reason;
      d["fatal"] = i.fatal;
      d["message"] = i.ToString();
      issue_list.append(d);
    }
    py::dict out;
    out["rows"] = facts_.ToDict();
    out["documents"] = documents_.ToDict();
    out["issues"] = issue_list;
    return out;
  }

 private:
  // One fact: kind, its type within the kind, date, countries involved, who,
  // what, status, value (low and high for a range), unit, CAMEO coding,
  // confidence, and the trade figure's own fields (none for other kinds).
  void Row(const text::Evidence& e, const char* kind, py::object type, py::object date,
           const std::vector<std::string>& countries, py::object actor, py::object what, py::object status,
           py::object value, py::object value_high, py::object unit, const text::CameoCoding* cameo,
           double confidence, py::object period = py::none(), py::object direction = py::none(),
           py::object yoy_pct = py::none(), py::object qualifier = py::none(), py::object source = py::none()) {
    facts_.Row({py::str(e.doc_id), py::str(kind), std::move(type), std::move(date), py::cast(countries),
                std::move(actor), std::move(what), std::move(status), std::move(value), std::move(value_high),
                std::move(unit), std::move(period), std::move(direction), std::move(yoy_pct), std::move(qualifier),
                std::move(source), cameo ? Text(cameo->code) : py::object(py::none()),
                cameo && !cameo->code.empty() ? py::object(py::float_(cameo->goldstein)) : py::object(py::none()),
                py::float_(Confidence(confidence)), py::int_(e.begin), py::int_(e.end), py::str(e.text())});
  }

  Table facts_{"doc",     "kind",      "type",      "date",      "countries", "actor",   "what",
               "status",  "value",     "value_high", "unit",     "period",    "direction", "yoy_pct",
               "qualifier", "source",  "cameo_code", "goldstein", "confidence", "begin",  "end",
               "evidence"};
  Table documents_{"doc",   "url",          "text_file",       "date",      "date_source",
                   "country_pair", "other_countries", "sentences", "facts"};
};

py::dict ExtractText(const std::string& content, const std::string& doc_id, const std::string& date,
                     const std::string& url) {
  const text::Extractor& extractor = SharedExtractor();
  app::TextInput input;
  input.text = content;
  input.id = doc_id;
  input.date = date;
  input.url = url;
  std::vector<text::ReadIssue> issues;
  text::Extraction x = Take([&] {
    py::gil_scoped_release release;
    return app::ExtractTextFacts(extractor, input, &issues);
  }());
  FactTable t;
  t.Add(x);
  return t.ToDict(issues);
}

py::dict ExtractFile(const std::string& path, size_t max_document_bytes) {
  const text::Extractor& extractor = SharedExtractor();
  std::vector<text::ReadIssue> issues;
  Result<std::vector<text::Extraction>> r = [&] {
    py::gil_scoped_release release;
    return app::ExtractFileFacts(extractor, path, &issues, max_document_bytes);
  }();
  if (!r.ok() && r.status().code() == StatusCode::kNotFound) {
    throw PyError{PyExc_FileNotFoundError, r.status().message()};
  }
  FactTable t;
  for (const text::Extraction& x : Take(std::move(r))) t.Add(x);
  return t.ToDict(issues);
}

}  // namespace

void BindExtract(py::module_& m) {
  using py::arg;
  m.def("extract_text", &ExtractText, arg("text"), arg("doc_id") = "text", arg("date") = "", arg("url") = "",
        "Facts in one text (app::ExtractTextFacts), as columns.");
  m.def("extract_file", &ExtractFile, arg("path"), arg("max_document_bytes") = size_t{16} << 20,
        "Facts in every document of one file: text, HTML or JSON Lines (app::ExtractFileFacts), as columns.");
}

}  // namespace bilat::python
