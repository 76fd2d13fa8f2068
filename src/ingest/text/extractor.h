// Extractor: from one document to visits, meetings and events, trade
// figures, quantities, money and percentages, each with its evidence.
//
// The pipeline, per document:
//   paragraphs -> tokens -> lexicon classes and gazetteer names ->
//   sentences -> dates (resolved against the document and the story so far),
//   numbers, actors (names, titles and roles joined: "Chinese President Xi
//   Jinping") -> rules -> merging of repeated mentions.
// The rules are English grammar and news convention, not lists of
// sentences: who visits is the subject or possessor of a visit word, where
// is the place after "to"/"in" or before "visit" ("a three-day China
// visit"); a meeting in a country with a foreign leader present implies a
// visit; a date inside a comparison ("compared to the same period in 2022")
// is a baseline, not the time of the fact; a past perfect or a reduced
// relative clause ("the partnership established in 2016") does not move the
// story's time; a money amount is a trade figure when its clause speaks of
// trade, exports or imports and is not a target or a part ("of which").
// See docs/text_extraction.md for every rule.
//
// An Extractor is immutable after loading and safe to share across threads;
// Extract() keeps all its state on the stack.
#ifndef BILAT_INGEST_TEXT_EXTRACTOR_H_
#define BILAT_INGEST_TEXT_EXTRACTOR_H_

#include <memory>
#include <string>
#include <unordered_map>

#include "core/country.h"
#include "core/status.h"
#include "ingest/text/cameo.h"
#include "ingest/text/document.h"
#include "ingest/text/gazetteer.h"
#include "ingest/text/items.h"
#include "ingest/text/lexicon.h"

namespace bilat::text {

struct ExtractorOptions {
  // Sentences longer than this many tokens are cut (bounded work on junk).
  size_t max_sentence_tokens = 400;
};

class Extractor {
 public:
  // Loads every dictionary from bilat's data folder (`data_dir`, holding
  // country_aliases.tsv and text/). Errors name the file and line.
  static Result<std::shared_ptr<const Extractor>> Load(const std::string& data_dir,
                                                       const CountryRegistry& countries,
                                                       ExtractorOptions options = {});

  // Load() from $BILAT_DATA_DIR, or the source tree's data folder.
  static Result<std::shared_ptr<const Extractor>> LoadDefault(const CountryRegistry& countries,
                                                              ExtractorOptions options = {});
  static std::string DefaultDataDir();

  Extraction Extract(const Document& doc) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }
  const Lexicon& lexicon() const { return *lexicon_; }

  // CAMEO code of an event kind (data/text/event_kinds.tsv), "" if none.
  std::string CameoCodeFor(const std::string& kind) const;

 private:
  Extractor() = default;
  std::shared_ptr<const Lexicon> lexicon_;
  std::shared_ptr<const Gazetteer> gazetteer_;
  std::shared_ptr<const CameoTable> cameo_;
  std::unordered_map<std::string, std::string> kind_codes_;
  ExtractorOptions options_;
  friend class DocumentRun;
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_EXTRACTOR_H_
