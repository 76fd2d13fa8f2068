// The extractor loaded once from the source tree's data folder, shared by
// the text extraction tests.
#ifndef BILAT_TESTS_INGEST_TEXT_TEST_EXTRACTOR_H_
#define BILAT_TESTS_INGEST_TEXT_TEST_EXTRACTOR_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "ingest/text/extractor.h"

namespace bilat::text::testing {

inline const Extractor& TestExtractor() {
  static std::shared_ptr<const Extractor> ex = [] {
    auto countries = CountryRegistry::LoadDefault();
    EXPECT_TRUE(countries.ok()) << countries.status().message();
    auto r = Extractor::Load(std::string(BILAT_SOURCE_DIR) + "/data", **countries);
    EXPECT_TRUE(r.ok()) << r.status().message();
    return *r;
  }();
  return *ex;
}

}  // namespace bilat::text::testing

#endif  // BILAT_TESTS_INGEST_TEXT_TEST_EXTRACTOR_H_
