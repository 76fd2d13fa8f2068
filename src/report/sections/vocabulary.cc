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

}  // namespace bilat::report::sections
