#include "core/registry_schema.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include "core/text.h"

namespace bilat {
namespace {

bool IsProvenance(std::string_view column) {
  return column == "source_id" || column == "locator" || column == "note";
}

std::string ReadRegistryDoc() {
  const std::string path = std::string(BILAT_SOURCE_DIR) + "/docs/formats/registry.md";
  std::ifstream in(path);
  EXPECT_TRUE(in) << "cannot read " << path;
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

// The text from the "## <file>" heading to the next "## " heading, or "".
std::string Section(const std::string& doc, std::string_view file) {
  const std::string heading = "\n## " + std::string(file);
  size_t start = doc.find(heading);
  if (start == std::string::npos) return "";
  size_t end = doc.find("\n## ", start + heading.size());
  return doc.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

// The text before the first per-file section: the general rules, which
// document the provenance columns shared by every fact file.
std::string GeneralRules(const std::string& doc) {
  return doc.substr(0, doc.find("\n## sources.csv"));
}

TEST(RegistrySchema, SourcesComeFirst) {
  ASSERT_FALSE(RegistryKinds().empty());
  EXPECT_EQ(RegistryKinds()[0].name, "sources");
}

TEST(RegistrySchema, FindKindFindsEveryKindAndNothingElse) {
  for (const KindSpec& k : RegistryKinds()) EXPECT_EQ(FindKind(k.name), &k) << k.name;
  EXPECT_EQ(FindKind("exchange"), nullptr);
  EXPECT_EQ(FindKind(""), nullptr);
  EXPECT_EQ(RegistryKinds().size(), 10u);
}

TEST(RegistrySchema, FileIsNamePlusCsv) {
  for (const KindSpec& k : RegistryKinds()) {
    EXPECT_EQ(std::string(k.file), std::string(k.name) + ".csv");
  }
}

TEST(RegistrySchema, EveryFactKindEndsWithProvenanceColumns) {
  for (const KindSpec& k : RegistryKinds()) {
    if (k.name == "sources") continue;
    ASSERT_GE(k.columns.size(), 4u) << k.name;
    const size_t n = k.columns.size();
    EXPECT_EQ(k.columns[n - 3].name, "source_id") << k.name;
    EXPECT_EQ(k.columns[n - 3].type, ColumnType::kSourceRef) << k.name;
    EXPECT_TRUE(k.columns[n - 3].required) << k.name;
    EXPECT_EQ(k.columns[n - 2].name, "locator") << k.name;
    EXPECT_TRUE(k.columns[n - 2].required) << k.name;
    EXPECT_EQ(k.columns[n - 1].name, "note") << k.name;
    EXPECT_FALSE(k.columns[n - 1].required) << k.name;
  }
}

TEST(RegistrySchema, EveryKindStartsWithARequiredIdAndHasUniqueColumns) {
  for (const KindSpec& k : RegistryKinds()) {
    ASSERT_FALSE(k.columns.empty()) << k.name;
    EXPECT_EQ(k.columns[0].name, "id") << k.name;
    EXPECT_EQ(k.columns[0].type, ColumnType::kId) << k.name;
    EXPECT_TRUE(k.columns[0].required) << k.name;
    std::set<std::string_view> names;
    for (const ColumnSpec& c : k.columns) {
      EXPECT_TRUE(names.insert(c.name).second) << k.name << "." << c.name << " twice";
    }
  }
}

TEST(RegistrySchema, EnumDefaultsAreAllowedValues) {
  for (const KindSpec& k : RegistryKinds()) {
    for (const ColumnSpec& c : k.columns) {
      if (c.type != ColumnType::kEnum) {
        EXPECT_TRUE(c.allowed.empty()) << k.name << "." << c.name;
        continue;
      }
      EXPECT_FALSE(c.allowed.empty()) << k.name << "." << c.name;
      if (!c.default_value.empty()) {
        EXPECT_NE(std::find(c.allowed.begin(), c.allowed.end(), c.default_value),
                  c.allowed.end())
            << k.name << "." << c.name << " default " << c.default_value;
      }
    }
  }
}

TEST(RegistrySchema, PairColumnsAreCountryColumnsOfTheKind) {
  for (const KindSpec& k : RegistryKinds()) {
    const size_t expected = k.pair_rule == PairRule::kNone         ? 0
                            : k.pair_rule == PairRule::kTwoColumns ? 2
                                                                   : 1;
    ASSERT_EQ(k.pair_columns.size(), expected) << k.name;
    for (std::string_view p : k.pair_columns) {
      auto it = std::find_if(k.columns.begin(), k.columns.end(),
                             [&](const ColumnSpec& c) { return c.name == p; });
      ASSERT_NE(it, k.columns.end()) << k.name << "." << p;
      EXPECT_TRUE(it->required) << k.name << "." << p;
      EXPECT_EQ(it->type, k.pair_rule == PairRule::kListHasBoth ? ColumnType::kCountryList
                                                                : ColumnType::kCountry)
          << k.name << "." << p;
    }
  }
}

TEST(RegistryDoc, HasASectionForEveryKind) {
  const std::string doc = ReadRegistryDoc();
  for (const KindSpec& k : RegistryKinds()) {
    EXPECT_FALSE(Section(doc, k.file).empty()) << "no '## " << k.file << "' heading";
  }
}

TEST(RegistryDoc, DocumentsTheProvenanceColumns) {
  const std::string general = GeneralRules(ReadRegistryDoc());
  for (const char* c : {"source_id", "locator", "note"}) {
    EXPECT_NE(general.find("| `" + std::string(c) + "` |"), std::string::npos) << c;
  }
}

// Each column of a kind appears in backticks in that kind's section;
// the provenance columns are documented once, in the general rules.
TEST(RegistryDoc, MentionsEveryColumnOfEveryKind) {
  const std::string doc = ReadRegistryDoc();
  std::vector<std::string> missing;
  for (const KindSpec& k : RegistryKinds()) {
    const std::string section = Section(doc, k.file);
    for (const ColumnSpec& c : k.columns) {
      if (k.name != "sources" && IsProvenance(c.name)) continue;  // see the general rules
      if (section.find("`" + std::string(c.name) + "`") == std::string::npos) {
        missing.push_back(std::string(k.file) + " " + std::string(c.name));
      }
    }
  }
  EXPECT_TRUE(missing.empty()) << "undocumented: " << ::testing::PrintToString(missing);
}

// The table rows of a section as (backticked names of the first cell, the
// second cell), e.g. ({"id", "date"}, "yes").
std::vector<std::pair<std::vector<std::string>, std::string>> TableRows(
    const std::string& section) {
  std::vector<std::pair<std::vector<std::string>, std::string>> rows;
  for (std::string_view line : Split(section, '\n')) {
    if (line.size() < 2 || line[0] != '|') continue;
    std::vector<std::string_view> cells = Split(line, '|');
    if (cells.size() < 4) continue;
    std::vector<std::string> names;
    std::string_view first = cells[1];
    for (size_t p = first.find('`'); p != std::string_view::npos;) {
      size_t q = first.find('`', p + 1);
      if (q == std::string_view::npos) break;
      names.emplace_back(first.substr(p + 1, q - p - 1));
      p = first.find('`', q + 1);
    }
    if (!names.empty()) rows.push_back({names, std::string(Trim(cells[2]))});
  }
  return rows;
}

// A column marked "yes" in its table is required by the schema, and a
// required column is marked "yes".
//
// Regression: registry.md marks indicators.csv currency as required (fixed).
TEST(RegistryDoc, RequiredMarksMatchTheSchema) {
  const std::string doc = ReadRegistryDoc();
  std::vector<std::string> wrong;
  for (const KindSpec& k : RegistryKinds()) {
    for (const auto& [names, required] : TableRows(Section(doc, k.file))) {
      for (const std::string& name : names) {
        auto it = std::find_if(k.columns.begin(), k.columns.end(),
                               [&](const ColumnSpec& c) { return c.name == name; });
        if (it == k.columns.end()) continue;  // enum values etc. in backticks
        // A column with a default is satisfied whether or not it is written.
        if (!it->default_value.empty()) continue;
        const bool doc_says_required = required == "yes";
        if (doc_says_required != it->required) {
          wrong.push_back(std::string(k.file) + " " + name + " doc='" + required + "'");
        }
      }
    }
  }
  EXPECT_TRUE(wrong.empty()) << ::testing::PrintToString(wrong);
}

TEST(ColumnTypeName, NamesEveryType) {
  EXPECT_EQ(ColumnTypeName(ColumnType::kCountryList), "country list");
  EXPECT_EQ(ColumnTypeName(ColumnType::kMoney), "amount");
  EXPECT_EQ(ColumnTypeName(ColumnType::kSourceRef), "source id");
  EXPECT_EQ(ColumnTypeName(ColumnType::kEnum), "choice");
}

}  // namespace
}  // namespace bilat
