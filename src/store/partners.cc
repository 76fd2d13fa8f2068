#include "store/partners.h"

#include <set>

#include "core/text.h"

namespace bilat::store {

Result<std::vector<std::string>> PartnersOf(SqliteDb* db, const std::string& country) {
  // Pairs by two columns, and ';'-separated country lists.
  const char* kPairs =
      "SELECT \"to\" FROM exchanges WHERE \"from\" = ?1 UNION SELECT \"from\" FROM exchanges WHERE \"to\" = ?1 "
      "UNION SELECT host FROM projects WHERE investor = ?1 UNION SELECT investor FROM projects WHERE host = ?1 "
      "UNION SELECT host FROM people WHERE partner = ?1 UNION SELECT partner FROM people WHERE host = ?1 "
      "UNION SELECT partner_b FROM trade WHERE partner_a = ?1 UNION SELECT partner_a FROM trade WHERE partner_b = ?1 "
      "UNION SELECT object FROM observations WHERE subject = ?1 AND object <> '' "
      "UNION SELECT subject FROM observations WHERE object = ?1 "
      "UNION SELECT partner FROM trade_totals WHERE country = ?1 "
      "UNION SELECT dst FROM dyad_months WHERE src = ?1 UNION SELECT src FROM dyad_months WHERE dst = ?1";
  const char* kLists =
      "SELECT parties FROM agreements WHERE instr(';' || parties || ';', ';' || ?1 || ';') > 0 "
      "UNION SELECT countries FROM connectivity WHERE instr(';' || countries || ';', ';' || ?1 || ';') > 0 "
      "UNION SELECT countries FROM finance WHERE instr(';' || countries || ';', ';' || ?1 || ';') > 0";
  std::set<std::string> out;
  for (const char* sql : {kPairs, kLists}) {
    BILAT_ASSIGN_OR_RETURN(Statement st, db->Prepare(sql));
    BILAT_RETURN_IF_ERROR(st.Bind(1, country));
    while (true) {
      BILAT_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      const std::string codes = st.ColumnText(0);  // Split's views must outlive the loop
      for (std::string_view code : Split(codes, ';')) out.insert(std::string(Trim(code)));
    }
  }
  out.erase(country);
  out.erase("WLD");
  out.erase("");
  return std::vector<std::string>(out.begin(), out.end());
}

}  // namespace bilat::store
