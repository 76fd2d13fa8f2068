// Wording shared by sections: nouns for registry kinds, money with its qualifier.
#include "report/sections/sections.h"

#include <map>
#include <string>
#include <utility>

#include "report/format.h"

namespace bilat::report::sections {

std::string KindNoun(const std::string& kind, long long n) {
  static const std::map<std::string, std::pair<std::string, std::string>> kNouns = {
      {"border_crossing", {"border crossing", "border crossings"}},
      {"pipeline", {"cross-border pipeline", "cross-border pipelines"}},
      {"railway", {"cross-border railway", "cross-border railways"}},
      {"road", {"road corridor", "road corridors"}},
      {"air_route", {"air route", "air routes"}},
      {"logistics_hub", {"logistics hub", "logistics hubs"}},
      {"port", {"port", "ports"}},
      {"confucius_institute", {"Confucius Institute", "Confucius Institutes"}},
      {"cultural_centre", {"language and cultural centre", "language and cultural centres"}},
      {"research_institute", {"research institute", "research institutes"}},
      {"workshop", {"vocational workshop", "vocational workshops"}},
      {"university", {"joint university", "joint universities"}},
      {"media", {"media partnership", "media partnerships"}},
      {"sister_cities", {"pair of sister cities", "pairs of sister cities"}},
      {"bank_branch", {"bank branch", "bank branches"}},
      {"clearing", {"clearing arrangement", "clearing arrangements"}},
      {"swap_line", {"currency swap line", "currency swap lines"}},
      {"fund", {"fund", "funds"}},
      {"loan", {"loan", "loans"}},
      {"platform", {"financing platform", "financing platforms"}},
      {"memorandum", {"memorandum", "memoranda"}},
      {"visa_regime", {"visa arrangement", "visa arrangements"}},
      {"tourism_year", {"tourism year", "tourism years"}},
  };
  auto it = kNouns.find(kind);
  if (it == kNouns.end()) return Humanise(kind);
  return n == 1 ? it->second.first : it->second.second;
}

std::string QualifiedMoney(const Record& r, double value) {
  std::string q = r.Text("value_qualifier");
  std::string prefix = q == "at_least" ? "more than " : q == "about" ? "about " : q == "at_most" ? "up to " : "";
  std::string currency = r.Text("currency");
  return prefix + FormatMoney(value, currency.empty() ? "USD" : currency);
}

std::string WhoRecords(const std::vector<const Record*>& rows) {
  bool registry = false, datasets = false;
  for (const Record* r : rows) {
    (r->Text("id").find(':') == std::string::npos ? registry : datasets) = true;
  }
  if (registry && datasets) return "the registry with the datasets ingested";
  return datasets ? "the datasets ingested" : "the registry";
}

std::string WhoStates(const std::vector<const Record*>& rows, const std::string& verb) {
  const std::string who = WhoRecords(rows);
  const bool plural = who == "the datasets ingested";
  return Capitalise(who) + " " + (plural && !verb.empty() && verb.back() == 's' ? verb.substr(0, verb.size() - 1) : verb);
}

std::string WithArticle(const std::string& noun) {
  if (noun.empty()) return noun;
  const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(noun[0])));
  return (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ? "an " : "a ") + noun;
}

}  // namespace bilat::report::sections
