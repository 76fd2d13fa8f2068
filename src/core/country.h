// CountryRegistry: ISO 3166-1 countries and the names people call them by.
//
// Loaded once at start-up from Debian's iso-codes JSON (alpha-2, alpha-3,
// numeric, names) plus bilat's alias table (data/country_aliases.tsv: short
// and common names, adjectives, demonyms, "PRC"). Immutable after loading,
// so one registry may be shared by any number of threads.
#ifndef BILAT_CORE_COUNTRY_H_
#define BILAT_CORE_COUNTRY_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

namespace bilat {

struct Country {
  std::string alpha2;         // "KZ"
  std::string alpha3;         // "KAZ"
  std::string numeric;        // "398", three digits
  std::string name;           // ISO name: "Kazakhstan"
  std::string official_name;  // "Republic of Kazakhstan", may be empty
  std::string common_name;    // "Taiwan", may be empty
  // The name a report prints: the short name from the alias table when the
  // team set one (e.g. "Russia"), else common_name, else the ISO name.
  std::string display_name;
  // Whether running prose puts "the" before the display name ("trade with
  // the United States", "the Philippines"): set by the alias table.
  bool takes_article = false;
  // display_name with its article, for prose: "the United States", "China".
  std::string ProseName() const { return takes_article ? "the " + display_name : display_name; }
};

class CountryRegistry {
 public:
  // Reads the iso-codes JSON at `iso_json_path` and the alias table at
  // `aliases_path`. Errors name the file, and the line for the alias table.
  static Result<std::shared_ptr<const CountryRegistry>> Load(
      const std::string& iso_json_path, const std::string& aliases_path);

  // Load() from the standard places: $BILAT_ISO_3166_JSON or Debian's
  // /usr/share/iso-codes/json/iso_3166-1.json, and $BILAT_DATA_DIR or the
  // data folder of the source tree for country_aliases.tsv.
  static Result<std::shared_ptr<const CountryRegistry>> LoadDefault();

  // Any code or name, case-insensitive: "KAZ", "kz", "398", "Kazakhstan",
  // "Kazakh", "Republic of Kazakhstan". Returns nullptr if unknown. The
  // pointer lives as long as the registry.
  const Country* Find(std::string_view code_or_name) const;

  // Like Find, but an unknown name is an error that suggests the closest
  // known name ("unknown country 'Kazakstan' (did you mean Kazakhstan, KAZ?)").
  Result<const Country*> Resolve(std::string_view code_or_name) const;

  size_t size() const { return countries_.size(); }
  const std::vector<Country>& countries() const { return countries_; }

 private:
  CountryRegistry() = default;
  static std::string Key(std::string_view text);

  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> index_;  // Key(name) -> country
};

}  // namespace bilat

#endif  // BILAT_CORE_COUNTRY_H_
