// CAMEO event codes and their Goldstein cooperation-conflict weights.
//
// Two sources: bilat's own table (data/text/cameo.tsv: CODE, GOLDSTEIN,
// LABEL; docs/formats/text_event_kinds.md), shipped and used by default,
// and GDELT's two lookup files (CAMEO.eventcodes.txt and
// CAMEO.goldsteinscale.txt), which analysts already have. The GDELT files
// have quirks that the loader absorbs: a header line, trailing spaces on
// some descriptions, a missing final newline, and mojibake in code 044
// ("Meet at a \xC3\x92hird\xC3\x93location", once a curly-quoted 'third').
// Codes stay strings: "010" and "10" are different codes.
// Immutable after loading; share across threads.
#ifndef BILAT_INGEST_TEXT_CAMEO_H_
#define BILAT_INGEST_TEXT_CAMEO_H_

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace bilat::text {

class CameoTable {
 public:
  static Result<CameoTable> LoadTsv(const std::string& path);
  static Result<CameoTable> LoadGdelt(const std::string& eventcodes_path,
                                      const std::string& goldstein_path);

  // nullopt for an unknown code.
  std::optional<double> Goldstein(std::string_view code) const;
  // "" for an unknown code or one without a label.
  std::string Label(std::string_view code) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::optional<double> goldstein;
    std::string label;
  };
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_CAMEO_H_
