#include "app/extract_text.h"

#include <filesystem>
#include <fstream>

#include "app/extract_to_registry.h"
#include "ingest/text/extractor.h"
#include "ingest/text/output.h"

namespace bilat::app {
namespace {

// A file name from a document id: letters, digits, '-', '_' and '.' kept.
std::string SafeName(const std::string& id) {
  std::string out;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.';
    out.push_back(ok ? c : '_');
  }
  if (out.empty() || out[0] == '.') out.insert(out.begin(), '_');
  return out;
}

Status WriteFile(const std::string& path, const std::string& content) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return Status::IoError(path + ": cannot write (check the folder's permissions)");
  f << content;
  f.close();
  if (!f) return Status::IoError(path + ": write failed (disk full?)");
  return Status::Ok();
}

}  // namespace

text::Extraction ExtractDocument(const text::Extractor& extractor, const text::Document& doc,
                                 const std::string& file, std::vector<text::ReadIssue>* issues) {
  text::Extraction x = extractor.Extract(doc);
  x.text_file = file;
  if (x.sentences_skipped) {
    issues->push_back({file, 0,
                       "document " + doc.id + " gave " + std::to_string(text::kMaxItemsPerDocument) +
                           " items, the most one document may give; its last " +
                           std::to_string(x.sentences_skipped) +
                           " sentences were not read (is it a table of figures rather than prose?)",
                       false});
  }
  return x;
}

Result<std::vector<text::Extraction>> ExtractFileFacts(const text::Extractor& extractor, const std::string& file,
                                                       std::vector<text::ReadIssue>* issues,
                                                       size_t max_document_bytes) {
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return Status::NotFound(file + ": no such file");
  text::ReadOptions read;
  read.max_document_bytes = max_document_bytes;
  BILAT_ASSIGN_OR_RETURN(std::vector<text::Document> docs, text::ReadDocuments(file, read, issues));
  std::vector<text::Extraction> out;
  out.reserve(docs.size());
  for (const text::Document& doc : docs) out.push_back(ExtractDocument(extractor, doc, file, issues));
  return out;
}

Result<text::Extraction> ExtractTextFacts(const text::Extractor& extractor, const TextInput& input,
                                          std::vector<text::ReadIssue>* issues) {
  std::optional<text::TextDate> date;
  if (!input.date.empty()) {
    date = text::ParseInputDate(input.date);
    if (!date) {
      return Status::InvalidArgument("date '" + input.date + "' is not a date (use YYYY-MM-DD, YYYYMMDD, YYYY-MM or YYYY)");
    }
  }
  // Without a url or date, the text reads as a plain-text file does (a
  // "URL:" first line and a "date" marker line are its own); with either,
  // as a JSON Lines record giving them.
  Result<text::Document> doc = input.url.empty() && !date
                                   ? text::DocumentFromText(input.id, input.text, input.id, issues)
                                   : text::DocumentFromRecord(input.id, input.text, input.url, date, input.id, issues);
  if (!doc.ok()) return doc.status();
  return ExtractDocument(extractor, *doc, "", issues);
}

Result<ExtractSummary> ExtractText(const ExtractOptions& options, const CountryRegistry& countries,
                                   std::ostream* out) {
  if (options.format != "gold" && options.format != "jsonl" && options.format != "table" &&
      options.format != "registry") {
    return Status::InvalidArgument("unknown format '" + options.format + "' (use gold, jsonl, table or registry)");
  }
  if (options.files.empty()) return Status::InvalidArgument("no input files given");
  const bool registry = options.format == "registry";
  if (registry) {
    if (options.out_dir.empty()) {
      return Status::InvalidArgument(
          "--format registry writes one CSV file per registry kind: name a new folder with --out DIR");
    }
    BILAT_RETURN_IF_ERROR(RegistryCandidates::CheckOutputDir(options.out_dir));
  }
  std::string data_dir = options.data_dir.empty() ? text::Extractor::DefaultDataDir() : options.data_dir;
  BILAT_ASSIGN_OR_RETURN(auto extractor, text::Extractor::Load(data_dir, countries));
  if (!options.out_dir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.out_dir, ec);
    if (ec) return Status::IoError(options.out_dir + ": cannot create the output folder (" + ec.message() + ")");
  }
  ExtractSummary summary;
  text::ReadOptions read;
  read.max_document_bytes = options.max_document_bytes;
  std::string combined;  // jsonl/table into one file
  RegistryCandidates candidates;
  for (const std::string& file : options.files) {
    Result<std::vector<text::Document>> docs = text::ReadDocuments(file, read, &summary.issues);
    if (!docs.ok()) {
      // The reader's message already names the file.
      std::string reason = docs.status().message();
      if (reason.rfind(file + ": ", 0) == 0) reason = reason.substr(file.size() + 2);
      summary.issues.push_back({file, 0, reason});
      ++summary.files_refused;
      continue;
    }
    for (const text::Document& doc : *docs) {
      text::Extraction x = ExtractDocument(*extractor, doc, file, &summary.issues);
      ++summary.documents;
      summary.sentences += x.sentences;
      summary.items += x.visits.size() + x.events.size() + x.trade.size() + x.quantities.size() +
                       x.money.size() + x.percentages.size();
      if (registry) {
        candidates.Add(x);
      } else if (options.format == "gold") {
        std::string json = text::GoldJson(x);
        if (options.out_dir.empty()) {
          *out << json;
        } else {
          std::string path = (std::filesystem::path(options.out_dir) / (SafeName(doc.id) + ".json")).string();
          BILAT_RETURN_IF_ERROR(WriteFile(path, json));
          summary.written.push_back(path);
        }
      } else {
        std::string part = options.format == "jsonl" ? text::JsonLines(x) : text::Table(x);
        if (options.out_dir.empty()) {
          *out << part;
        } else {
          combined += part;
        }
      }
    }
  }
  if (registry) {
    BILAT_ASSIGN_OR_RETURN(summary.written, candidates.Write(options.out_dir));
    summary.candidate_rows = candidates.CandidateRows();
    summary.unmapped = candidates.Unmapped();
  } else if (options.format != "gold" && !options.out_dir.empty()) {
    std::string name = options.format == "jsonl" ? "extract.jsonl" : "extract.tsv";
    std::string path = (std::filesystem::path(options.out_dir) / name).string();
    BILAT_RETURN_IF_ERROR(WriteFile(path, combined));
    summary.written.push_back(path);
  }
  return summary;
}

}  // namespace bilat::app
