// PETRARCH2 and TABARI event-coder dictionaries, and a shallow pattern coder
// that uses them.
//
// Analysts maintain these dictionaries (../shared/data/petrarch2/
// dictionaries-format.rst): actors ("ARNOR_ [ARN]", synonyms on "+" lines,
// dated codes on tab-indented "[KAZGOV >900424]" lines), agents
// ("PRESIDENT [~GOV]", "NGO~" prefixes, "!PERSON! = MAN, MEN" macros),
// PETRARCH2 verbs ("--- ABANDON [345] ---" blocks, "&SYNSET" lists, pattern
// lines "- * DIPLOMATIC TIES [901]") and TABARI verbs ("ABANDON [---]" then
// "- SAID + MUST * POLICY [100]"). The loaders keep what a coder needs and
// count what they skip; XML comments, '#' and ';' comments, CRLF line ends
// and Latin-1 bytes are tolerated. A malformed line is an issue with its
// line number, not a failure.
//
// PatternCoder codes one sentence without a parser: actors and agents by
// longest match, the verb by its forms, the pattern whose literal words
// appear around the verb, the source before the verb and the target after.
// It is the peer suite's yardstick, not bilat's extractor. Immutable after
// loading; share across threads.
#ifndef BILAT_INGEST_TEXT_PETRARCH_H_
#define BILAT_INGEST_TEXT_PETRARCH_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ingest/text/dates.h"

namespace bilat::text {

struct DictionaryIssue {
  std::string file;
  int line = 0;
  std::string reason;
};

struct PetrarchActor {
  std::vector<std::vector<std::string>> phrases;  // primary first; words upper-case
  std::string default_code;          // "" when only dated codes apply
  struct Dated {
    std::string code;
    TextDate from;  // unset: open
    TextDate to;
  };
  std::vector<Dated> dated;
  // The code in force on `date`: a dated code whose range holds it, else
  // the default. An unset date takes the default (or the last dated code).
  std::string CodeOn(const TextDate& date) const;
};

struct PetrarchAgent {
  std::vector<std::vector<std::string>> phrases;
  std::string code;     // "GOV" (without the '~')
  bool prefix = false;  // "NGO~": the code goes before the actor's
};

struct VerbPattern {
  // Literal words that must appear before / after the verb, in order; each
  // slot lists alternatives (a synset expands to its members).
  std::vector<std::vector<std::string>> before;
  std::vector<std::vector<std::string>> after;
  std::string code;  // "064"; "---" codes nothing
};

struct PetrarchVerb {
  std::string lemma;                // "RESTORE"
  std::vector<std::string> forms;   // every inflected form, upper-case
  std::vector<std::string> particle;  // multi-word verbs: words after the verb ("DOWN")
  std::string code;                 // the verb's own code, else its block's
  std::vector<VerbPattern> patterns;
};

class PetrarchDictionaries {
 public:
  // Each Load* appends to the dictionary; issues collect malformed lines.
  Status LoadActors(const std::string& path, std::vector<DictionaryIssue>* issues);
  Status LoadAgents(const std::string& path, std::vector<DictionaryIssue>* issues);
  Status LoadPetrarchVerbs(const std::string& path, std::vector<DictionaryIssue>* issues);
  Status LoadTabariVerbs(const std::string& path, std::vector<DictionaryIssue>* issues);
  Status LoadDiscards(const std::string& path, std::vector<DictionaryIssue>* issues);

  const std::vector<PetrarchActor>& actors() const { return actors_; }
  const std::vector<PetrarchAgent>& agents() const { return agents_; }
  const std::vector<PetrarchVerb>& verbs() const { return verbs_; }
  size_t discard_count() const { return discards_.size(); }
  size_t pattern_count() const;

  // Index built on first use by the coder.
  struct PhraseIndex {
    struct Entry {
      std::vector<std::string> rest;
      int id;
    };
    std::unordered_map<std::string, std::vector<Entry>> first;  // first word -> entries, longest first
    void Add(const std::vector<std::string>& words, int id);
    // Longest match at words[i]; returns its length, 0 if none.
    size_t Match(const std::vector<std::string>& words, size_t i, int* id) const;
  };
  void BuildIndexes();
  const PhraseIndex& actor_index() const { return actor_index_; }
  const PhraseIndex& agent_index() const { return agent_index_; }
  const PhraseIndex& discard_index() const { return discard_index_; }
  const std::unordered_map<std::string, std::vector<int>>& verb_forms() const { return verb_forms_; }

 private:
  std::vector<PetrarchActor> actors_;
  std::vector<PetrarchAgent> agents_;
  std::vector<PetrarchVerb> verbs_;
  std::vector<std::vector<std::string>> discards_;
  std::unordered_map<std::string, std::vector<std::vector<std::string>>> synsets_;  // "&NAME" -> phrases
  PhraseIndex actor_index_, agent_index_, discard_index_;
  std::unordered_map<std::string, std::vector<int>> verb_forms_;  // form -> verbs
};

struct Coding {
  std::string source;
  std::string target;
  std::string code;
  bool operator==(const Coding&) const = default;
};

class PatternCoder {
 public:
  explicit PatternCoder(std::shared_ptr<const PetrarchDictionaries> dicts) : d_(std::move(dicts)) {}
  std::vector<Coding> Code(std::string_view sentence, const TextDate& date) const;

 private:
  std::shared_ptr<const PetrarchDictionaries> d_;
};

// Splits a dictionary phrase or a sentence into upper-case words: '_' and
// spaces separate, punctuation other than '-', '\'' and '.' inside words is
// dropped (commas are kept as "," tokens for clause boundaries).
std::vector<std::string> UpperWords(std::string_view text);

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_PETRARCH_H_
