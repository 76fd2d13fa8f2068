#include "ingest/datasets/adapters.h"

#include <cstdlib>

namespace bilat::ingest {

std::span<const DatasetAdapter> DatasetAdapters() {
  static const DatasetAdapter kAdapters[] = {
      {"chinavitae", "China Vitae leader engagements",
       "China Vitae engagements of seven Chinese leaders, 2003-2018 (date,year,country,leader,text) -> high-level "
       "exchanges: trips abroad as visits, meetings in China coded from the foreign side.",
       LoadChinaVitae},
      {"ceias", "CEIAS leader travel",
       "CEIAS WHO|WHERE|WHEN travel of China's top leaders, 1949-2020 (Year,Name,Level,Country) -> visits dated to "
       "the year; joined to a dated trip of the same leader that year when another source has one.",
       LoadCeias},
      {"aei", "AEI China Global Investment Tracker",
       "AEI China Global Investment Tracker sheets (2005-2018 combined, 2019 Fall investments, construction or troubled "
       "transactions, 2021 Fall) -> projects with sector, value and kind; troubled transactions with status troubled.",
       LoadAei},
      {"gcdf", "AidData GCDF 3.0 aggregates",
       "AidData Global Chinese Development Finance 3.0 summed by recipient and year (ISO3 file: total and projects; "
       "COW file: ODA-like, OOF-like and vague flow classes), constant 2021 US$ -> finance observations.",
       LoadGcdf},
      {"aiddata-geocoded", "AidData geocoded Chinese official finance 1.1.1",
       "AidData geocoded Chinese official finance 1.1.1 location rows, 2000-2014 -> one project per project id "
       "(loan, grant or aid), its places in the note.",
       LoadAidDataGeocoded},
      {"public-diplomacy", "AidData China public diplomacy 2.0",
       "AidData China Public Diplomacy panel v2.0 (receiving_country,year,...) -> yearly counts of elite visits, "
       "Confucius Institutes, sister cities, students, op-eds and media partnerships.",
       LoadPublicDiplomacy},
      {"confucius", "Confucius Institutes",
       "Confucius Institutes list (NC State LAS, 2022) -> people-to-people institutions in each host country.",
       LoadConfucius},
      {"visa", "Passport Index visa rules",
       "Passport Index visa rules with China as passport or destination, 53 releases 2019-2025 "
       "(snapshot_date,passport,destination,requirement,coding_scheme,category,visa_free_days) -> visa history.",
       LoadVisa},
      {"bri", "Belt and Road signatories",
       "Green Finance & Development Center list of Belt and Road countries (country,iso3,...,likely_date_joining,"
       "likely_date_exit) -> joining memoranda and exits.",
       LoadBri},
      {"partnerships", "China's partnership ladder",
       "China's partnership level with each country (iso3,country,year,month,level_label,level_rank,source_url,...), "
       "every row citing its page -> partnership levels, upgrades and the start of diplomatic relations.",
       LoadPartnerships},
      {"lowy", "Lowy Global Diplomacy Index",
       "Lowy Global Diplomacy Index post-level rows (COUNTRY,...,POST CITY,POST COUNTRY,TYPE OF POST,...,Year) -> "
       "each country's diplomatic posts in the other, by edition.",
       LoadLowy},
      {"unga", "UN General Assembly votes",
       "UN General Assembly ideal points and agreement (Bailey-Strezhnev-Voeten country-session file) -> ideal "
       "points and vote agreement with China, the US, Russia, Brazil, India and Israel per session.",
       LoadUnga},
      {"gdelt-tone", "GDELT-derived daily China score",
       "A third party's daily China-country score from GDELT 2.0 events (date,partner_iso3,edge_score) -> a daily "
       "series per partner.",
       LoadGdeltTone},
  };
  return kAdapters;
}

const DatasetAdapter* FindDatasetAdapter(std::string_view name) {
  for (const DatasetAdapter& a : DatasetAdapters()) {
    if (a.name == name) return &a;
  }
  return nullptr;
}

std::string DefaultDatasetDataDir() {
  const char* env = std::getenv("BILAT_DATA_DIR");
  return env && *env ? env : BILAT_DATA_DIR_DEFAULT;
}

}  // namespace bilat::ingest
