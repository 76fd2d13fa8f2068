// Wording shared by sections: money with its qualifier.
#include "report/sections/sections.h"

#include <map>
#include <string>
#include <utility>

#include "report/format.h"

namespace bilat::report::sections {

std::string QualifiedMoney(const Record& r, double value) {
  std::string q = r.Text("value_qualifier");
  std::string prefix = q == "at_least" ? "more than " : q == "about" ? "about " : q == "at_most" ? "up to " : "";
  std::string currency = r.Text("currency");
  return prefix + FormatMoney(value, currency.empty() ? "USD" : currency);
}

}  // namespace bilat::report::sections
