// Shared helpers for the dataset adapter tests: the real shared files, an
// adapter context over the source tree's data folder, and finders for the
// records, observations and unmapped names a load returns.
#ifndef BILAT_TESTS_INGEST_DATASETS_DATASET_TEST_UTIL_H_
#define BILAT_TESTS_INGEST_DATASETS_DATASET_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/datasets/adapters.h"
#include "tests/ingest/trade/test_util.h"

namespace bilat::ingest::testing_util {

// A file of the shared real data, e.g. SharedData("political/unga_voeten/x.csv").
inline std::string SharedData(const std::string& rel) { return std::string(BILAT_SHARED_DIR) + "/data/" + rel; }

// The context `bilat ingest` gives an adapter: the country registry and this
// tree's data folder (dataset_country_names.tsv); `label` names the file in
// messages.
inline AdapterContext Ctx(std::string label) {
  AdapterContext ctx;
  ctx.countries = &Countries();
  ctx.data_dir = std::string(BILAT_SOURCE_DIR) + "/data";
  ctx.label = std::move(label);
  return ctx;
}

// Names the adapter could not map and that are not marked deliberate in
// data/dataset_country_names.tsv, one per line, for failure messages.
inline std::string UndeclaredNames(const DatasetLoadResult& r) {
  std::string out;
  for (const auto& [key, u] : r.unmapped) {
    if (u.deliberate) continue;
    out += "  " + u.field + " '" + u.name + "' (first line " + std::to_string(u.first_line) + ", " +
           std::to_string(u.rows) + " rows)\n";
  }
  return out;
}

// The unmapped entry for `name` in column `field`, or nullptr.
inline const UnmappedName* FindUnmapped(const DatasetLoadResult& r, std::string_view field, std::string_view name) {
  auto it = r.unmapped.find(std::string(field) + "\x1f" + std::string(name));
  return it == r.unmapped.end() ? nullptr : &it->second;
}

inline const Record* FindRecord(const DatasetLoadResult& r, std::string_view id) {
  for (const Record& rec : r.records) {
    if (rec.Text("id") == id) return &rec;
  }
  return nullptr;
}

inline const Observation* FindObservation(const DatasetLoadResult& r, std::string_view measure,
                                          std::string_view subject, std::string_view object,
                                          std::string_view period, std::string_view item = "") {
  for (const Observation& o : r.observations) {
    if (o.measure == measure && o.subject == subject && o.object == object && o.period == period && o.item == item) {
      return &o;
    }
  }
  return nullptr;
}

template <typename Pred>
size_t CountRecords(const DatasetLoadResult& r, Pred pred) {
  return static_cast<size_t>(std::count_if(r.records.begin(), r.records.end(), pred));
}

template <typename Pred>
size_t CountObservations(const DatasetLoadResult& r, Pred pred) {
  return static_cast<size_t>(std::count_if(r.observations.begin(), r.observations.end(), pred));
}

// The issues' "file:line: message (hint)" texts, in order.
inline std::vector<std::string> IssueTexts(const DatasetLoadResult& r) {
  std::vector<std::string> out;
  for (const LoadIssue& i : r.issues) out.push_back(i.ToString());
  return out;
}

}  // namespace bilat::ingest::testing_util

#endif  // BILAT_TESTS_INGEST_DATASETS_DATASET_TEST_UTIL_H_
