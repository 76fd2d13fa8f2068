// The general forms added for issue 12 (docs/text_extraction.md, "Forms
// added for issue 12"): each test would fail without its rule. The sentences
// are invented for the tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "ingest/text/document.h"
#include "ingest/text/extractor.h"
#include "ingest/text/output.h"
#include "tests/ingest/text/test_extractor.h"

namespace bilat::text {
namespace {

const Extractor& Ex() { return testing::TestExtractor(); }

Document Doc(const std::string& text) {
  auto doc = DocumentFromText("t", text, "t.txt");
  EXPECT_TRUE(doc.ok());
  return *doc;
}

Extraction ExtractFrom(const std::string& text) { return Ex().Extract(Doc(text)); }

const std::string kDated = "URL: https://example.org/2024/03/07/a\n";

TEST(Bylines, LabelledLineGivesTheDateAndTheEarliestWins) {
  Document d = Doc("URL: https://example.org/news/item\n\nMonday May 5, 2025\nPosted on 3 May 2021 10:15\n"
                   "The President of Kenya arrived in Beijing yesterday.\n");
  EXPECT_EQ(d.date.Iso(), "2021-05-03");
  Extraction x = Ex().Extract(d);
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].date.Iso(), "2021-05-02");
}

TEST(Bylines, BracketedSourceLineAtTheEnd) {
  Document d = Doc("URL: https://example.org/news/item\n\nPresident Ruto flew to China on Friday.\n"
                   "(Kenya Times June 11, 2021)\n");
  EXPECT_EQ(d.date.Iso(), "2021-06-11");
}

TEST(Bylines, NumericDateAfterALabel) {
  Document d = Doc("URL: https://example.org/news/item\nRelease Date: 12.05.2023\nThe talks went well.\n");
  EXPECT_EQ(d.date.Iso(), "2023-05-12");
}

TEST(DatesGeneral, DayRangeIsDatedByItsFirstDay) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\nOn July 27-28, 2023, President Ruto held a bilateral "
                     "meeting with Chinese President Xi Jinping in Chengdu.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "KEN");
  EXPECT_EQ(x.visits[0].date.Iso(), "2023-07-27");
  EXPECT_TRUE(x.events.empty());  // the meeting is the visit
}

TEST(DatesGeneral, NextWeekAndRementionedSummitMerge) {
  Extraction x = ExtractFrom("URL: https://example.org/2024/08/31/a\n"
                     "President Ruto will attend the Forum for Pacific Cooperation (FPC) Summit.\n"
                     "The FPC Summit will take place in Beijing from Wednesday to Friday next week.\n");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "summit");
  EXPECT_EQ(x.events[0].date.Iso(), "2024-09-04");
}

TEST(VisitsGeneral, PassiveWithIsAndAnAdverb) {
  Extraction x = ExtractFrom(kDated + "Kenyan President William Ruto is warmly greeted by Chinese President Xi Jinping in "
                              "Beijing on Thursday.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "KEN");
  EXPECT_EQ(x.visits[0].host_country, "CHN");
}

TEST(VisitsGeneral, AgentAndHostAcrossAnApposition) {
  Extraction x = ExtractFrom(kDated + "The minister recalled a visit by Kenya's first president, the late Jomo Kenyatta, "
                              "to China in 1980.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "KEN");
  EXPECT_EQ(x.visits[0].host_country, "CHN");
  EXPECT_EQ(x.visits[0].date.Iso(), "1980");
}

TEST(VisitsGeneral, OrdinalOfAVisitCountsVisits) {
  Extraction x = ExtractFrom(kDated + "President Xi Jinping arrived in Nairobi on his third state visit to Kenya.\n");
  ASSERT_EQ(x.quantities.size(), 1u);
  EXPECT_EQ(x.quantities[0].value, 3);
}

TEST(EventsGeneral, AnniversaryOfEstablishmentIsNoEvent) {
  Extraction x = ExtractFrom(kDated + "The leaders noted that this year marks the 60th anniversary of the establishment of "
                              "diplomatic relations between China and Kenya.\n");
  EXPECT_TRUE(x.events.empty());
}

TEST(EventsGeneral, DevelopedIntoPartnershipsOnePerDate) {
  Extraction x = ExtractFrom(kDated + "Kenya and China developed their relationship into a cooperative partnership in "
                              "2013 and into a strategic partnership in 2017.\n");
  ASSERT_EQ(x.events.size(), 2u);
  EXPECT_EQ(x.events[0].kind, "partnership established");
  EXPECT_EQ(x.events[0].date.Iso(), "2013");
  EXPECT_EQ(x.events[1].date.Iso(), "2017");
}

TEST(EventsGeneral, PageFurnitureAndRepeatsAreNotRead) {
  Extraction x = ExtractFrom(kDated + "Related stories:\nKenya and China to sign port agreement\nChina Africa Forum\n"
                              "Kenya and China signed a port agreement on Monday.\n"
                              "Kenya and China signed a port agreement on Monday.\n");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].status, "actual");
}

TEST(FiguresGeneral, TradeWorthIsTradeWithItsGrowth) {
  Extraction x = ExtractFrom(kDated + "Kenya and China have bilateral trade worth $8.2 billion in 2023, an 11 percent "
                              "increase from the previous year.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_TRUE(x.money.empty());
  ASSERT_TRUE(x.trade[0].yoy_pct.has_value());
  EXPECT_EQ(*x.trade[0].yoy_pct, 11);
}

TEST(FiguresGeneral, GrowthOverADecadeIsNotYearOnYear) {
  Extraction x = ExtractFrom(kDated + "Trade between Kenya and China in 2023 reached $8.2 billion, an increase of 90 "
                              "percent compared with that in 2013.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_FALSE(x.trade[0].yoy_pct.has_value());
  ASSERT_EQ(x.percentages.size(), 1u);
  EXPECT_EQ(x.percentages[0].value_low, 90);
}

TEST(FiguresGeneral, FiscalYearOfThePairsCountry) {
  Extraction x = ExtractFrom(kDated + "The UAE was India's third largest partner with about $59.1 billion of bilateral "
                              "trade in 2019-20.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].year, 2019);
  EXPECT_EQ(x.trade[0].end_year, 2020);
  EXPECT_EQ(x.trade[0].period, "Apr-Mar");
  EXPECT_NE(GoldJson(x).find("\"year\": \"2019/2020\""), std::string::npos);
}

TEST(FiguresGeneral, UnresolvedYearIsKeptAsNull) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\nTrade between Kenya and China reached $8.2 billion.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].year, 0);
  EXPECT_NE(GoldJson(x).find("\"year\": null"), std::string::npos);
}

TEST(FiguresGeneral, ConversionAndRateNoteAreNoAmounts) {
  Extraction x = ExtractFrom(kDated + "Kenya and China signed 12 deals worth 300 billion shillings ($2.3bn) on Thursday "
                              "(the rate: $1 = 130 shillings).\n");
  ASSERT_EQ(x.money.size(), 1u);
  EXPECT_EQ(x.money[0].unit, "KES billion");
  EXPECT_EQ(x.money[0].value, 300);
}

TEST(FiguresGeneral, RandGluedToItsAmount) {
  Extraction x = ExtractFrom(kDated + "Trade between South Africa and China grew to R692 billion in 2023.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].unit, "ZAR billion");
  EXPECT_EQ(x.trade[0].value, 692);
}

TEST(FiguresGeneral, MeasureKeepsItsStatedScale) {
  Extraction x = ExtractFrom(kDated + "China will buy 3 million metric tons of Kenyan tea and 2 billion cubic meters of gas.\n");
  ASSERT_EQ(x.quantities.size(), 2u);
  EXPECT_EQ(x.quantities[0].value, 3);
  EXPECT_EQ(x.quantities[1].value, 2);
}

// Phase 3 (docs/text_extraction.md, "Measured").

TEST(VisitsGeneral, OneSentenceTellsOneTripDatedByItsOwnDate) {
  Extraction x = ExtractFrom("URL: https://example.org/2019/06/03/a\n\n"
                             "President Ruto paid an official visit to China in May.\n\n"
                             "Chinese President Xi Jinping lands in Nairobi on June 3, 2019 for a state visit to Kenya.\n");
  ASSERT_EQ(x.visits.size(), 2u);
  EXPECT_EQ(x.visits[1].visitor_country, "CHN");
  EXPECT_EQ(x.visits[1].date.Iso(), "2019-06-03");  // not May, the month the story last named
  EXPECT_EQ(x.visits[1].kind, "state visit");
}

TEST(VisitsGeneral, DatesTheSentenceStatesStaySeparateVisits) {
  Extraction x = ExtractFrom(kDated + "President Ruto visited China in 2018 and in 2021.\n");
  EXPECT_EQ(x.visits.size(), 2u);
}

TEST(PartiesGeneral, TheEuropeanUnionIsOneParty) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\n"
                             "The EU-Kenya trade deal was signed at the EU-Kenya summit on 4 March 2023.\n");
  ASSERT_EQ(x.country_pair.size(), 2u);
  bool signed_by_both = false;
  for (const Event& e : x.events) {
    if (e.kind == "agreement signed") {
      signed_by_both = std::find(e.parties.begin(), e.parties.end(), "EUU") != e.parties.end() &&
                       std::find(e.parties.begin(), e.parties.end(), "KEN") != e.parties.end();
    }
  }
  EXPECT_TRUE(signed_by_both);
}

TEST(VisitsGeneral, LeadersListedFlyingInGoToTheStorysScene) {
  Extraction x = ExtractFrom("URL: https://example.org/2021/05/12/a\n\n"
                             "Chinese Premier Li Qiang arrived in Nairobi on Tuesday for talks.\n\n"
                             "Leaders are gathering for the East Africa summit with Li.\n\n"
                             "Ugandan President Yoweri Museveni, Rwandan President Paul Kagame and Burundi's "
                             "President Evariste Ndayishimiye were flying in on Wednesday.\n\n"
                             "Ethiopian Prime Minister Abiy Ahmed and Somali President Hassan Sheikh Mohamud have "
                             "confirmed their attendance.\n");
  std::map<std::string, const Visit*> by;
  for (const Visit& v : x.visits) by[v.visitor_country] = &v;
  for (const char* c : {"UGA", "RWA", "BDI", "ETH", "SOM"}) {
    ASSERT_TRUE(by.count(c)) << c;
    EXPECT_EQ(by[c]->host_country, "KEN") << c;
    EXPECT_EQ(by[c]->kind, "summit attendance") << c;
  }
  EXPECT_EQ(by["RWA"]->status, "actual");
  EXPECT_EQ(by["RWA"]->date.Iso(), "2021-05-12");
  EXPECT_EQ(by["RWA"]->visitor, "Paul Kagame");  // the name, without the title
  EXPECT_EQ(by["SOM"]->status, "planned");       // confirmed, still to come
}

TEST(VisitsGeneral, EveryoneTheSubjectListsArrives) {
  Extraction x = ExtractFrom(kDated + "Kenyan President William Ruto and Ghanaian President Nana Akufo-Addo arrived "
                                      "in Beijing on Monday.\n");
  std::set<std::string> visitors;
  for (const Visit& v : x.visits) visitors.insert(v.visitor_country + ">" + v.host_country);
  EXPECT_EQ(visitors, (std::set<std::string>{"KEN>CHN", "GHA>CHN"}));
}

TEST(ActorsGeneral, ALeaderOfAnotherCountryIsAnotherPerson) {
  // leaders.tsv knows Malaysia's Najib; a Lebanese prime minister named
  // Najib is someone else, and no visit of Malaysia's.
  Extraction x = ExtractFrom(kDated + "Lebanese caretaker Prime Minister Najib Mikati arrived in Beijing on Monday.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].visitor_country, "LBN");
  EXPECT_EQ(x.visits[0].visitor, "Najib Mikati");
}

std::set<std::string> Trips(const Extraction& x) {
  std::set<std::string> out;
  for (const Visit& v : x.visits) out.insert(v.visitor_country + ">" + v.host_country + " " + v.status);
  return out;
}

TEST(VisitsGeneral, EveryLeaderOfAListAtACeremonyInAPlace) {
  Extraction x = ExtractFrom(kDated + "At a ceremony in southern Ethiopia, the leaders of China, Kenya, Ethiopia and "
                                      "Djibouti opened the new railway line on Monday.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"CHN>ETH actual", "KEN>ETH actual", "DJI>ETH actual"}));
}

TEST(VisitsGeneral, AnItineraryGivesEveryStop) {
  Extraction x = ExtractFrom(kDated +
                             "Brazilian President Luiz Inacio Lula da Silva left Lisbon for Madrid on Tuesday after a "
                             "state visit to Portugal.\n"
                             "Portugal is the first stop of the president's European tour, which will also take him "
                             "to Italy and France.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"BRA>PRT actual", "BRA>ESP actual", "BRA>ITA planned",
                                              "BRA>FRA planned"}));
}

TEST(VisitsGeneral, VisitedAListOfCountries) {
  Extraction x = ExtractFrom(kDated + "In 2019 Indian Prime Minister Narendra Modi visited Maldives, Sri Lanka and "
                                      "Bhutan.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"IND>MDV actual", "IND>LKA actual", "IND>BTN actual"}));
}

TEST(VisitsGeneral, APlanDatedByTheNewsIsThePlanDatedLater) {
  Extraction x = ExtractFrom(kDated +
                             "The tour will also take him to Peru.\n"
                             "Chinese President Xi Jinping will attend the Economic Leaders' Meeting of the "
                             "Asia-Pacific Economic Cooperation (APEC) scheduled to be held on Nov. 15-16 in Lima, "
                             "Peru.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].host_country, "PER");
  EXPECT_EQ(x.visits[0].kind, "summit attendance");
  EXPECT_EQ(x.visits[0].date.Iso(), "2024-11-15");
}

TEST(FiguresGeneral, TwoTradeValuesEachWithTheDateAfterItAcrossConversions) {
  Extraction x = ExtractFrom(kDated + "The ministry said two-way trade totalled 95 billion Brazilian reais ($19bn) in "
                                      "2022 and 41 billion reais ($8bn) in the first half of 2023.\n");
  ASSERT_EQ(x.trade.size(), 2u);
  EXPECT_EQ(x.trade[0].value, 95);
  EXPECT_EQ(x.trade[0].year, 2022);
  EXPECT_EQ(x.trade[1].value, 41);
  EXPECT_EQ(x.trade[1].year, 2023);
  EXPECT_EQ(x.trade[1].period, "H1");
  EXPECT_TRUE(x.money.empty());  // the second value is trade too, not money
}

TEST(FiguresGeneral, AMultipleSpansTheYearsItCompares) {
  Extraction x = ExtractFrom(kDated + "Exports of Peruvian copper to China have more than tripled from $2 billion in "
                                      "2010 to $7 billion last year.\n"
                                      "Trade reached $30 billion in 2022, five times that of 2008.\n");
  ASSERT_EQ(x.quantities.size(), 2u);
  EXPECT_EQ(x.quantities[0].value, 3);
  EXPECT_EQ(x.quantities[0].date.Iso(), "2010/2023");
  EXPECT_EQ(x.quantities[0].qualifier, "more than");
  EXPECT_EQ(x.quantities[1].value, 5);
  EXPECT_EQ(x.quantities[1].date.Iso(), "2008/2022");
}

TEST(FiguresGeneral, AMultipleAimedAtIsDatedByItsTarget) {
  Extraction x = ExtractFrom(kDated + "Bilateral trade is expected to double by 2030.\n"
                                      "Both sides hope to double trade.\n");
  ASSERT_EQ(x.quantities.size(), 1u);
  EXPECT_EQ(x.quantities[0].value, 2);
  EXPECT_EQ(x.quantities[0].date.Iso(), "2030");
}

TEST(EventsGeneral, APlaceMetInIsNoSideOfTheMeeting) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\n"
                             "Chinese President Xi Jinping plans a state visit to Brazil.\n\n"
                             "Since their meeting in Peru in November, Lula and Xi have spoken often.\n");
  bool met = false;
  for (const Event& e : x.events) {
    if (e.kind != "meeting") continue;
    met = true;
    EXPECT_EQ(std::set<std::string>(e.parties.begin(), e.parties.end()), (std::set<std::string>{"BRA", "CHN"}));
  }
  EXPECT_TRUE(met);  // held in a third country, not part of the visit to Brazil
}

TEST(EventsGeneral, TalksByPhoneAreNoMeeting) {
  Extraction x = ExtractFrom(kDated + "Chinese President Xi Jinping held talks by phone with Kenyan President "
                                      "William Ruto in Beijing on Monday.\n");
  EXPECT_TRUE(x.events.empty());
  EXPECT_TRUE(x.visits.empty());
}

// Phase 4: general forms found on the helper-written held-out texts
// (docs/text_extraction.md, "Measured").

TEST(DatesGeneral, AnOldDateDoesNotDateTheNextParagraph) {
  Extraction x = ExtractFrom("URL: https://example.org/2019/04/23/a\n\n"
                             "The railway, handed over in July 1976, remains a symbol of friendship, Xi said.\n\n"
                             "After the talks, the two presidents witnessed the signing of 11 cooperation documents "
                             "between China and Zambia.\n");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events.back().date.year, 2019);
}

TEST(FiguresGeneral, ExportsAndImportsOfOneClauseKeepTheirFlows) {
  Extraction x = ExtractFrom(kDated + "In 2023, trade in goods between the EU and Kenya was worth EUR 3.3 billion, "
                                      "with EU exports of EUR 2.0 billion and imports from Kenya of EUR 1.3 billion.\n"
                                      "Exports and imports together reached $9 billion in 2022.\n");
  ASSERT_EQ(x.trade.size(), 4u);
  EXPECT_EQ(x.trade[0].flow, "total");  // "trade ... was worth": a flow, not money
  EXPECT_EQ(x.trade[1].flow, "exports");
  EXPECT_EQ(x.trade[2].flow, "imports");
  EXPECT_EQ(x.trade[3].flow, "total");
  EXPECT_TRUE(x.money.empty());
}

TEST(FiguresGeneral, ItStandsForTheTradeJustTold) {
  Extraction x = ExtractFrom(kDated + "Trade turnover amounted to USD 4.6 billion in 2020, and in January-May 2021 it "
                                      "reached USD 1.97 billion.\n");
  ASSERT_EQ(x.trade.size(), 2u);
  EXPECT_EQ(x.trade[1].value, 1.97);
  EXPECT_EQ(x.trade[1].period, "Jan-May");
}

TEST(FiguresGeneral, ABalanceIsNeitherAFlowNorMoney) {
  Extraction x = ExtractFrom(kDated + "Trade reached $28 billion in 2007, with an $18.6 billion Turkish trade deficit.\n"
                                      "That left a deficit of more than $16 billion.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  EXPECT_EQ(x.trade[0].value, 28);
  EXPECT_TRUE(x.money.empty());
}

TEST(FiguresGeneral, ADeclineIsNegative) {
  Extraction x = ExtractFrom(kDated + "Malaysia renegotiated the cost down by 32.8% in 2019.\n");
  ASSERT_EQ(x.percentages.size(), 1u);
  EXPECT_EQ(x.percentages[0].value_low, -32.8);
}

TEST(EventsGeneral, TheStartOfConstructionIsALaunchAndDueToOpenIsPlanned) {
  Extraction x = ExtractFrom(kDated + "Construction of the Chinese-built railway began in August 2017 and it is due "
                                      "to open in December 2026.\n");
  std::map<std::string, std::string> by;
  for (const Event& e : x.events) by[e.kind] = e.date.Iso() + " " + e.status;
  EXPECT_EQ(by["launch"], "2017-08 actual");
  EXPECT_EQ(by["opening"], "2026-12 planned");
}

TEST(VisitsGeneral, ACeremonyAttendedByLeadersInAPlace) {
  Extraction x = ExtractFrom(kDated + "The railway was inaugurated in Baku on 30 October 2017 at a ceremony attended "
                                      "by Turkish President Recep Tayyip Erdogan and Georgian Prime Minister Giorgi "
                                      "Kvirikashvili.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"TUR>AZE actual", "GEO>AZE actual"}));
}

TEST(VisitsGeneral, APhoneCallDoesNotRedateTheVisit) {
  Extraction x = ExtractFrom(kDated + "Turkish President Recep Tayyip Erdogan arrived in Baku on Tuesday on a visit.\n"
                                      "The two presidents had discussed the visit during a telephone conversation on 3 June.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].date.Iso(), "2024-03-05");
}

TEST(DatesGeneral, TheDateBeforeWhenDatesTheClauses) {
  Extraction x = ExtractFrom("URL: https://example.org/2024/05/10/a\n\n"
                             "Ties warmed slowly, and in May 2017, when Hungarian Prime Minister Viktor Orban "
                             "travelled to Beijing, the relationship became a comprehensive strategic partnership "
                             "between China and Hungary.\n");
  ASSERT_EQ(x.visits.size(), 1u);
  EXPECT_EQ(x.visits[0].date.Iso(), "2017-05");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "partnership established");
  EXPECT_EQ(x.events[0].date.Iso(), "2017-05");
}

TEST(DatesGeneral, APlaceAndADateOnTheirOwnLineDateThePiece) {
  Document d = Doc("URL: https://example.org/press/ip_24_1\nPress release\n\nBrussels, 1 July 2024\n\n"
                   "The agreement enters into force today.\n");
  EXPECT_EQ(d.date.Iso(), "2024-07-01");
}

TEST(DatesGeneral, ARateFromAYearIsItsBase) {
  Extraction x = ExtractFrom("URL: https://example.org/2023/09/10/a\n\n"
                             "US goods trade with Vietnam reached $138.9 billion last year, up 24.4% from 2021, with "
                             "American imports from Vietnam of $127.5 billion.\n");
  ASSERT_EQ(x.trade.size(), 2u);
  EXPECT_EQ(x.trade[1].year, 2022);
}

TEST(EventsGeneral, AnAgreementEntersIntoForceOnce) {
  // The headline and the body name it differently ("Agreement", "the ...
  // Agreement (EPA) between ..."): one entry into force all the same.
  Extraction x = ExtractFrom("URL: https://example.org/2024/07/01/a\n\n"
                             "EU-Kenya Economic Partnership Agreement enters into force\n\n"
                             "Brussels, 1 July 2024\n\n"
                             "The Economic Partnership Agreement (EPA) between the European Union and Kenya enters "
                             "into force today.\n");
  int in_force = 0;
  for (const Event& e : x.events) in_force += e.kind == "entry into force";
  EXPECT_EQ(in_force, 1);
}

TEST(EventsGeneral, ALongQuotedLevelNameIsStillAPartnership) {
  Extraction x = ExtractFrom(kDated + "On Thursday China and Hungary said relations would be raised to an "
                                      "\"all-weather comprehensive strategic partnership for the new era\".\n");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "partnership established");
}

TEST(FiguresGeneral, ADecadeLaterItWasTheTradeOfTheSentenceBefore) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\n"
                             "In 1990, Turkish-Soviet trade was $1.7 billion.[3] A decade later, it was $4.5 billion.\n"
                             "By 2007, bilateral trade between Turkey and Russia reached a record $28 billion.\n");
  ASSERT_EQ(x.trade.size(), 3u);
  EXPECT_EQ(x.trade[0].year, 1990);
  EXPECT_EQ(x.trade[1].year, 2000);
  EXPECT_EQ(x.trade[1].value, 4.5);
  EXPECT_EQ(x.trade[2].year, 2007);
  EXPECT_TRUE(x.money.empty());
}

TEST(VisitsGeneral, TheDatelineIsWhereTheVisitorArrived) {
  Extraction x = ExtractFrom("URL: https://example.org/2022/03/19/a\n\n"
                             "NEW DELHI, Mar 19 (PTI) The two prime ministers held their annual summit here.\n\n"
                             "Japanese Prime Minister Fumio Kishida, who arrived in the national capital on Saturday "
                             "afternoon on a two-day visit, will leave for Cambodia on Sunday.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"JPN>IND actual", "JPN>KHM planned"}));
}

TEST(VisitsGeneral, TheSubjectOfAWhoClauseIsThePersonItHangsOn) {
  Extraction x = ExtractFrom(kDated + "Xi Jinping paid a state visit to Sweden at the invitation of King Carl XVI "
                                      "Gustaf of Sweden, who made a state visit to China last July.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"CHN>SWE actual", "SWE>CHN actual"}));
}

TEST(DatesGeneral, AnUndatedTextsDayTakesTheYearItIsStatedWithElsewhere) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\n"
                             "Turkey and Azerbaijan signed 14 documents in Baku on Tuesday (25 February).\n\n"
                             "photo: the presidents in Baku on 25 February 2020\n");
  ASSERT_FALSE(x.events.empty());
  EXPECT_EQ(x.events[0].date.Iso(), "2020-02-25");
}

TEST(VisitsGeneral, APersonInAPlaceAbroadAndTripsForASummit) {
  Extraction x = ExtractFrom(kDated +
                             "Kenyan President William Ruto is in Beijing for a three-day state visit.\n"
                             "Turkish President Recep Tayyip Erdogan was in Baku on Monday, where he met Azerbaijani "
                             "President Ilham Aliyev.\n"
                             "South Korean President Yoon Suk Yeol flew to Jakarta on Tuesday for the ASEAN summit.\n"
                             "Indian Prime Minister Narendra Modi travelled to Moscow for the annual summit with "
                             "Russian President Vladimir Putin.\n");
  std::map<std::string, std::string> kind;
  for (const Visit& v : x.visits) kind[v.visitor_country + ">" + v.host_country] = v.kind;
  EXPECT_EQ(kind["KEN>CHN"], "state visit");
  EXPECT_EQ(kind["TUR>AZE"], "visit");
  EXPECT_EQ(kind["KOR>IDN"], "summit attendance");
  EXPECT_EQ(kind["IND>RUS"], "visit");  // a bilateral summit is a visit
  EXPECT_EQ(kind.size(), 4u);
}

TEST(FiguresGeneral, UpFromAYearEarlierIsYearOnYear) {
  Extraction x = ExtractFrom(kDated + "Bilateral trade hit a record $80 billion in 2023, up 12 percent from a year "
                                      "earlier.\n");
  ASSERT_EQ(x.trade.size(), 1u);
  ASSERT_TRUE(x.trade[0].yoy_pct.has_value());
  EXPECT_EQ(*x.trade[0].yoy_pct, 12);
  EXPECT_TRUE(x.percentages.empty());
}

TEST(EventsGeneral, APassiveOpeningAcrossAnApposition) {
  Extraction x = ExtractFrom(kDated + "The new port in Lamu, built by a Chinese company for Kenya, was inaugurated "
                                      "on Monday.\n");
  ASSERT_EQ(x.events.size(), 1u);
  EXPECT_EQ(x.events[0].kind, "opening");
}

TEST(VisitsGeneral, ATripToAListOfCountriesAfterAShortPhrase) {
  Extraction x = ExtractFrom("URL: https://example.org/news/item\n\n"
                             "In 2013, Chinese President Xi Jinping made his first overseas trip as president to "
                             "Russia, Tanzania, South Africa and the Republic of Congo.\n");
  EXPECT_EQ(Trips(x), (std::set<std::string>{"CHN>RUS actual", "CHN>TZA actual", "CHN>ZAF actual",
                                              "CHN>COG actual"}));
}

TEST(FiguresGeneral, TheSentencesDateAfterTheFigures) {
  Extraction x = ExtractFrom(kDated + "In 2013, trade was small.\n"
                                      "Kenya's exports to China stood at $230 million, while imports from China reached "
                                      "$6.5 billion, in 2022.\n");
  ASSERT_EQ(x.trade.size(), 2u);
  EXPECT_EQ(x.trade[0].year, 2022);
  EXPECT_EQ(x.trade[1].year, 2022);
}

TEST(EventsGeneral, ASummitOfABodyAPlaceThenItsDateAndAnIntransitiveOpening) {
  Extraction x = ExtractFrom("URL: https://example.org/2024/11/20/a\n\n"
                             "The summit of BRICS leaders took place in Kazan, Russia, in October 2024.\n"
                             "The first China-Central Asia Summit was held in Xi'an, China, on May 18-19, 2023.\n"
                             "A Chinese-built bridge across the Danube opened to traffic in Serbia in 2014.\n");
  std::map<std::string, std::string> by;
  for (const Event& e : x.events) by[e.kind + " " + e.date.Iso()] = e.status;
  EXPECT_EQ(by.count("summit 2024-10"), 1u);
  EXPECT_EQ(by.count("summit 2023-05-18"), 1u);
  EXPECT_EQ(by.count("opening 2014"), 1u);
}

TEST(DatesGeneral, AYearlessPeriodIsTheLatestBegunByTheWritingDate) {
  Extraction x = ExtractFrom("URL: https://example.org/2022/05/10/a\n\n"
                             "Chinese investment in Brazil reached $66 billion between 2007 and 2020.\n"
                             "In the first quarter, China-Brazil trade grew 18 percent to 28.7 billion dollars.\n"
                             "Between January and April, Brazil's imports from China surged 25% to $31 billion.\n"
                             "In the second half, trade with China reached $70 billion.\n");
  ASSERT_EQ(x.trade.size(), 3u);
  EXPECT_EQ(x.trade[0].year, 2022);
  EXPECT_EQ(x.trade[0].period, "Q1");
  EXPECT_EQ(x.trade[1].year, 2022);
  EXPECT_EQ(x.trade[1].period, "Jan-Apr");
  EXPECT_EQ(x.trade[2].year, 2021);  // no second half has begun by May 2022
  EXPECT_EQ(x.trade[2].period, "H2");
}

TEST(VisitsGeneral, SidelinesOfASummitTravelToAListAndAPostponedVisit) {
  Extraction x = ExtractFrom("URL: https://example.org/2023/09/10/a\n\n"
                             "On the sidelines of the G20 summit in New Delhi, Chinese Premier Li Qiang met Italian "
                             "Prime Minister Giorgia Meloni.\n\n"
                             "Xi travelled to Kazakhstan and Uzbekistan in September 2022, his first trip abroad since "
                             "the pandemic.\n\n"
                             "The Mexican president's visit to Washington has been postponed.\n");
  std::map<std::string, std::string> kind;
  for (const Visit& v : x.visits) kind[v.visitor_country + ">" + v.host_country] = v.kind;
  EXPECT_EQ(kind["CHN>IND"], "summit attendance");
  EXPECT_EQ(kind["ITA>IND"], "summit attendance");
  EXPECT_EQ(kind["CHN>KAZ"], "visit");
  EXPECT_EQ(kind["CHN>UZB"], "visit");
  EXPECT_EQ(kind.count("MEX>USA"), 0u);
  EXPECT_EQ(kind.size(), 4u);  // no trip of Xi's to the text's other country
}

}  // namespace
}  // namespace bilat::text
