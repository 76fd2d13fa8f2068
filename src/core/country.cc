#include "core/country.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/text.h"

namespace bilat {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

const char* EnvOr(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

}  // namespace

std::string CountryRegistry::Key(std::string_view text) {
  std::string key;
  bool space = false;
  for (char c : Trim(text)) {
    if (c == ' ' || c == '\t' || c == '_') {
      space = true;
      continue;
    }
    if (space && !key.empty()) key += ' ';
    space = false;
    key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  // Typographic apostrophe (U+2019) folds to ASCII: "Côte d’Ivoire".
  for (size_t p; (p = key.find("\xE2\x80\x99")) != std::string::npos;) {
    key.replace(p, 3, "'");
  }
  if (key.rfind("the ", 0) == 0) key.erase(0, 4);
  return key;
}

Result<std::shared_ptr<const CountryRegistry>> CountryRegistry::Load(
    const std::string& iso_json_path, const std::string& aliases_path) {
  std::shared_ptr<CountryRegistry> reg(new CountryRegistry());
  std::ifstream in(iso_json_path);
  if (!in) {
    return Status::NotFound(iso_json_path +
                            ": cannot open the ISO 3166-1 list (install Debian's "
                            "iso-codes package, or set BILAT_ISO_3166_JSON)");
  }
  try {
    nlohmann::json doc = nlohmann::json::parse(in);
    for (const auto& e : doc.at("3166-1")) {
      Country c;
      c.alpha2 = e.at("alpha_2").get<std::string>();
      c.alpha3 = e.at("alpha_3").get<std::string>();
      c.numeric = e.at("numeric").get<std::string>();
      c.name = e.at("name").get<std::string>();
      c.official_name = e.value("official_name", "");
      c.common_name = e.value("common_name", "");
      c.display_name = c.common_name.empty() ? c.name : c.common_name;
      reg->countries_.push_back(std::move(c));
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::Corruption(iso_json_path + ": not the iso-codes 3166-1 JSON: " +
                              e.what());
  }
  // Codes first, then names; a later name never overrides a code.
  for (size_t i = 0; i < reg->countries_.size(); ++i) {
    const Country& c = reg->countries_[i];
    for (const std::string* n : {&c.alpha3, &c.alpha2, &c.numeric, &c.name,
                                 &c.official_name, &c.common_name}) {
      if (!n->empty()) reg->index_.emplace(Key(*n), i);
    }
  }

  std::ifstream aliases(aliases_path);
  if (!aliases) {
    return Status::NotFound(aliases_path +
                            ": cannot open the country alias table (set "
                            "BILAT_DATA_DIR to bilat's data folder)");
  }
  std::string line;
  for (int line_no = 1; std::getline(aliases, line); ++line_no) {
    std::string_view l = Trim(line);
    if (l.empty() || l[0] == '#') continue;
    std::vector<std::string_view> cells = Split(l, '\t');
    if (cells.size() < 2 || cells.size() > 3) {
      return Status::Corruption(aliases_path + ":" + std::to_string(line_no) +
                                ": expected ALIAS<TAB>ALPHA3[<TAB>FLAGS], FLAGS display and/or the, comma-separated");
    }
    auto it = reg->index_.find(Key(cells[1]));
    std::string code(Trim(cells[1]));
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (it == reg->index_.end() || reg->countries_[it->second].alpha3 != code) {
      return Status::Corruption(aliases_path + ":" + std::to_string(line_no) +
                                ": '" + std::string(cells[1]) +
                                "' is not an ISO alpha-3 code");
    }
    std::string key = Key(cells[0]);
    auto [pos, inserted] = reg->index_.emplace(key, it->second);
    if (!inserted && pos->second != it->second) {
      return Status::Corruption(aliases_path + ":" + std::to_string(line_no) +
                                ": alias '" + std::string(cells[0]) +
                                "' already names " +
                                reg->countries_[pos->second].alpha3);
    }
    if (cells.size() == 3) {
      for (std::string_view flag : Split(Trim(cells[2]), ',')) {
        flag = Trim(flag);
        if (flag == "display") {
          reg->countries_[it->second].display_name = std::string(Trim(cells[0]));
        } else if (flag == "the") {
          reg->countries_[it->second].takes_article = true;
        } else {
          return Status::Corruption(aliases_path + ":" + std::to_string(line_no) + ": unknown flag '" +
                                    std::string(flag) + "' (expected display and/or the)");
        }
      }
    }
  }
  return std::shared_ptr<const CountryRegistry>(std::move(reg));
}

Result<std::shared_ptr<const CountryRegistry>> CountryRegistry::LoadDefault() {
  std::string iso = EnvOr("BILAT_ISO_3166_JSON", BILAT_ISO_3166_JSON_DEFAULT);
  std::string data = EnvOr("BILAT_DATA_DIR", BILAT_DATA_DIR_DEFAULT);
  return Load(iso, data + "/country_aliases.tsv");
}

const Country* CountryRegistry::Find(std::string_view code_or_name) const {
  auto it = index_.find(Key(code_or_name));
  return it == index_.end() ? nullptr : &countries_[it->second];
}

Result<const Country*> CountryRegistry::Resolve(std::string_view code_or_name) const {
  if (const Country* c = Find(code_or_name)) return c;
  std::string key = Key(code_or_name);
  const std::string* best = nullptr;
  size_t best_distance = 3;  // suggest only near misses
  for (const auto& [name, idx] : index_) {
    if (name.size() <= 3) continue;  // codes make poor suggestions
    size_t d = EditDistance(key, name);
    if (d < best_distance || (d == best_distance && best && name < *best)) {
      best_distance = d;
      best = &name;
    }
  }
  std::string msg = "unknown country '" + std::string(code_or_name) + "'";
  if (best) {
    const Country& c = countries_[index_.at(*best)];
    msg += " (did you mean " + c.display_name + ", " + c.alpha3 + "?)";
  } else {
    msg += " (use an ISO 3166-1 code such as KAZ, or a name in "
           "data/country_aliases.tsv)";
  }
  return Status::InvalidArgument(msg);
}

}  // namespace bilat
