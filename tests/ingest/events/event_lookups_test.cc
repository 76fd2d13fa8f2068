// The crosswalks: CAMEO actor codes and FIPS geo codes to ISO alpha-3, and
// CAMEO event codes to Goldstein values and quad classes.
#include "ingest/events/event_lookups.h"

#include <gtest/gtest.h>

namespace bilat::ingest {
namespace {

const EventLookups& L() {
  static auto l = *EventLookups::LoadDefault();
  return *l;
}

TEST(EventLookups, MapsCameoCountryCodesToIso) {
  EXPECT_EQ(L().IsoForCameo("CHN"), "CHN");
  EXPECT_EQ(L().IsoForCameo("KAZ"), "KAZ");
  EXPECT_EQ(L().IsoForCameo("ROM"), "ROU");  // CAMEO's Romania
  EXPECT_TRUE(L().CameoIsCountry("KAZ"));
}

TEST(EventLookups, KeepsRegionalAndNonStateCodesAsTheyAre) {
  EXPECT_EQ(L().IsoForCameo("EUR"), "EUR");
  EXPECT_EQ(L().IsoForCameo("AFR"), "AFR");
  EXPECT_FALSE(L().CameoIsCountry("EUR"));
  EXPECT_FALSE(L().CameoIsCountry("CAS"));  // Central Asia, a region
}

TEST(EventLookups, MapsFipsGeoCodesToIso) {
  EXPECT_EQ(L().IsoForFips("CH"), "CHN");  // FIPS CH is China, not Switzerland
  EXPECT_EQ(L().IsoForFips("KZ"), "KAZ");
  EXPECT_EQ(L().IsoForFips("SZ"), "CHE");
  EXPECT_EQ(L().IsoForFips("AF"), "AFG");
  EXPECT_EQ(L().IsoForFips("??"), "");
}

TEST(EventLookups, ReverseMapsIsoToEveryCameoCode) {
  EXPECT_EQ(L().CameoForIso("ROU"), std::vector<std::string>({"ROM"}));
  EXPECT_EQ(L().CameoForIso("CHN"), std::vector<std::string>({"CHN"}));
}

TEST(EventLookups, GivesGoldsteinAndQuadClassPerEventCode) {
  const CameoEventCode* meet = L().Event("044");
  ASSERT_NE(meet, nullptr);
  EXPECT_DOUBLE_EQ(meet->goldstein, 2.5);
  EXPECT_EQ(meet->quad_class, 1);
  EXPECT_EQ(meet->name, "Meet at a third location");
  ASSERT_NE(L().Event("0874"), nullptr);
  EXPECT_DOUBLE_EQ(L().Event("0874")->goldstein, 10.0);
  EXPECT_EQ(L().Event("0874")->quad_class, 2);
  EXPECT_EQ(L().Event("190")->quad_class, 4);
  EXPECT_EQ(L().Event("111")->quad_class, 3);
  EXPECT_EQ(L().Event("84"), nullptr);  // codes are text: "084" is not "84"
}

}  // namespace
}  // namespace bilat::ingest
