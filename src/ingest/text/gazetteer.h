// Gazetteer: the names a bilateral-relations text is made of, and what they
// stand for.
//
//  - countries by every name: ISO names from the CountryRegistry, the alias
//    table (data/country_aliases.tsv: short names, adjectives, demonyms) and
//    data/text/country_terms.tsv (capitals used for governments, "Beijing",
//    "Astana", "Nur-Sultan"; seats of government, "Kremlin", "Akorda";
//    sub-national regions and cities, "Xinjiang", "Xi'an");
//  - country groups ("Central Asia", data/text/country_groups.tsv);
//  - leaders and officials with their country, role and years in office
//    (data/text/leaders.tsv), so that "President Tokayev" is Kazakhstan's
//    head of state and "the Chinese President" in 2015 is Xi Jinping;
//  - role titles (data/text/roles.tsv) and organisations
//    (data/text/organisations.tsv).
//
// Every phrase is normalised and tokenised exactly as text is, then matched
// longest-first, token by token: a name must start with a capital letter,
// an acronym must be written in capitals ("US" is not "us"), a role title
// may be lower-case. Formats: docs/formats/text_*.md.
//
// Immutable after loading; one gazetteer may serve any number of threads.
#ifndef BILAT_INGEST_TEXT_GAZETTEER_H_
#define BILAT_INGEST_TEXT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/country.h"
#include "core/status.h"
#include "ingest/text/dates.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {

enum class EntityKind : uint8_t {
  kCountry,       // "Kazakhstan", "PRC"
  kCountryAdj,    // "Kazakh", "Chinese" (adjective or demonym)
  kCapital,       // "Beijing": the city, and by metonymy the government
  kGovernment,    // "Kremlin", "Akorda": a seat of government
  kCity,          // "Xi'an", "Shymkent"
  kRegion,        // "Xinjiang", "North Kazakhstan region"
  kGroup,         // "Central Asia": several countries
  kLeader,        // a person in leaders.tsv
  kRole,          // "President", "Foreign Minister", "counterpart"
  kOrganisation,  // "SCO", "Silk Road Fund", "CNPC"
};

struct Leader {
  std::string name;  // "Kassym-Jomart Tokayev"
  int country = -1;  // country id (Gazetteer::Alpha3)
  struct Term {
    std::string role;  // "president", "prime_minister", ... (roles.tsv ids)
    TextDate from;     // first day in office (precision as stated)
    TextDate to;       // unset while in office
  };
  std::vector<Term> terms;
  // True if `role` (or, for "head_of_state"/"leader", any leading role) was
  // held on `date`. An unset date matches any term.
  bool Held(std::string_view role, const TextDate& date) const;
};

struct Organisation {
  std::string name;  // "Shanghai Cooperation Organisation"
  std::string kind;  // igo, bank, fund, company, agency, media, initiative
  int country = -1;  // home country, -1 for international bodies
};

struct Entity {
  Entity() = default;
  Entity(EntityKind k, int c = -1) : kind(k), country(c) {}  // NOLINT: brace-initialised in tables
  EntityKind kind = EntityKind::kCountry;
  int country = -1;  // for places, adjectives, leaders, home of organisations
  int group = -1;    // kGroup
  int leader = -1;   // kLeader
  int org = -1;      // kOrganisation
  std::string role;  // kRole: role id
};

// One recognised name in a token sequence.
struct Mention {
  uint32_t begin = 0;  // token indices, half-open
  uint32_t end = 0;
  const Entity* entity = nullptr;
};

// The party code of the European Union, a union that acts as one party
// (the corpus's scoring convention); country_terms.tsv names it.
inline constexpr std::string_view kEuropeanUnion = "EUU";

class Gazetteer {
 public:
  // Loads every dictionary from `data_dir` (bilat's data folder): the alias
  // table country_aliases.tsv and text/{country_terms,country_groups,leaders,
  // roles,organisations}.tsv. Errors name the file and line.
  static Result<std::shared_ptr<const Gazetteer>> Load(const std::string& data_dir,
                                                       const CountryRegistry& countries);

  // Longest-first, left-to-right matches in tokens [begin, end) of `text`,
  // whose lower-cased copy is `lower` (same offsets).
  void Match(std::string_view text, std::string_view lower, const std::vector<Token>& tokens,
             uint32_t begin, uint32_t end, std::vector<Mention>* out) const;

  const std::string& Alpha3(int country) const { return alpha3_[country]; }
  const std::string& CountryName(int country) const { return country_names_[country]; }
  int CountryId(std::string_view alpha3) const;  // -1 if unknown
  size_t country_count() const { return alpha3_.size(); }
  const Leader& leader(int id) const { return leaders_[id]; }
  size_t leader_count() const { return leaders_.size(); }
  const Organisation& organisation(int id) const { return orgs_[id]; }
  const std::string& GroupName(int group) const { return groups_[group].name; }
  const std::vector<int>& GroupMembers(int group) const { return groups_[group].members; }

  // The person holding `role` for `country` on `date`, e.g. ("CHN",
  // "president", 2015) -> Xi Jinping; -1 if the dictionary does not know.
  int ResolveRole(int country, std::string_view role, const TextDate& date) const;
  // Leaders whose name or alias is `name` (any case), e.g. "Tokayev".
  std::vector<int> FindLeaders(std::string_view name) const;

  // Number of phrases loaded (for the benchmark's report).
  size_t phrase_count() const { return phrase_count_; }

  // Adds one phrase; used by the loaders and by tests that need a small
  // gazetteer. The phrase is normalised and tokenised like text.
  void AddPhrase(std::string_view phrase, Entity entity);
  int InternCountry(std::string_view alpha3, std::string_view name);
  int AddLeader(Leader leader);
  int AddOrganisation(Organisation org);
  int AddGroup(std::string_view name, std::vector<int> members);
  Gazetteer() = default;

 private:
  struct Phrase {
    std::vector<std::string> rest;  // tokens after the first, lower-case
    bool all_caps = false;          // an acronym: the text must be in capitals
    bool any_case = false;          // role titles match lower-case text
    const Entity* entity = nullptr;
  };
  struct Group {
    std::string name;
    std::vector<int> members;
  };

  std::vector<std::unique_ptr<Entity>> entities_;
  std::vector<std::unique_ptr<std::string>> keys_;
  std::unordered_map<std::string_view, std::vector<Phrase>> phrases_;  // first token -> phrases
  std::vector<std::string> alpha3_;
  std::vector<std::string> country_names_;
  std::unordered_map<std::string, int> country_ids_;
  std::vector<Leader> leaders_;
  std::vector<Organisation> orgs_;
  std::vector<Group> groups_;
  std::unordered_map<std::string, std::vector<int>> leader_names_;  // lower-case name -> ids
  size_t phrase_count_ = 0;
};

}  // namespace bilat::text

#endif  // BILAT_INGEST_TEXT_GAZETTEER_H_
