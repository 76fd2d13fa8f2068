// The review columns and subfolders of a registry folder: rows a reviewer
// accepted are validated and kept, rejected and unreviewed ones left out and
// counted, a subfolder's files join its kind's rows.
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>

#include "ingest/registry/registry_validator.h"

namespace bilat::ingest {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

const CountryRegistry& Countries() {
  static const std::shared_ptr<const CountryRegistry> reg = [] {
    auto r = CountryRegistry::LoadDefault();
    if (!r.ok()) std::abort();
    return *r;
  }();
  return *reg;
}

class Folder {
 public:
  Folder() {
    static std::atomic<int> counter{0};
    dir_ = fs::temp_directory_path() /
           ("bilat_review_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("sources.csv", "id,title,publisher,url,published\nsrc-1,T,P,https://example.org/a,2023\n");
  }
  ~Folder() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  Folder& Write(const std::string& name, const std::string& text) {
    fs::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return *this;
  }
  RegistryBatch Validate() const { return ValidateRegistryDir(dir_.string(), "reg", Countries()); }

 private:
  fs::path dir_;
};

Strings Issues(const RegistryBatch& b) {
  Strings out;
  for (const RegistryIssue& i : b.issues) out.push_back(i.ToString());
  return out;
}

Strings Ids(const RegistryBatch& b, std::string_view kind) {
  Strings out;
  for (size_t i = 0; i < RegistryKinds().size(); ++i) {
    if (RegistryKinds()[i].name != kind) continue;
    for (const Record& r : b.records[i]) out.push_back(r.Text("id") + "@" + r.Origin());
  }
  return out;
}

const char kHeader[] = "review,id,date,kind,from,to,leader,source_id,locator,confidence,extracted,to_check,evidence\n";
std::string Row(const std::string& review, const std::string& id, const std::string& date = "2023-12-22",
                const std::string& source = "src-1") {
  return review + "," + id + "," + date + ",state_visit,KAZ,UZB,Tokayev," + source + ",a.txt chars 1-90,0.95,visit,," +
         "\"Tokayev arrived in Tashkent, where he was welcomed.\"\n";
}

TEST(RegistryReview, KeepsAcceptedRowsAndCountsTheOthers) {
  Folder f;
  f.Write("exchanges.csv", std::string(kHeader) + Row("accept", "e1") + Row("reject", "e2") +
                               Row("candidate", "e3") + Row("", "e4") + Row(" Accept ", "e5"));
  RegistryBatch b = f.Validate();
  EXPECT_EQ(Issues(b), Strings{});
  EXPECT_EQ(Ids(b, "exchanges"), (Strings{"e1@exchanges.csv:2", "e5@exchanges.csv:6"}));
  EXPECT_EQ(b.rows_read, 6);  // the source and five exchanges
  EXPECT_EQ(b.rows_rejected, 0);
  EXPECT_EQ(b.rows_declined, 1);
  ASSERT_EQ(b.unreviewed.size(), 1u);
  EXPECT_EQ(b.unreviewed[0].file, "reg/exchanges.csv");
  EXPECT_EQ(b.unreviewed[0].lines, (std::vector<int>{4, 5}));
  EXPECT_EQ(b.RowsUnreviewed(), 2);
}

TEST(RegistryReview, RejectedRowsAreNotValidated) {
  Folder f;
  f.Write("exchanges.csv", std::string(kHeader) + Row("reject", "e1", "2023-02-30") + Row("candidate", "e1", ""));
  RegistryBatch b = f.Validate();
  EXPECT_EQ(Issues(b), Strings{});
  EXPECT_EQ(b.rows_rejected, 0);
}

TEST(RegistryReview, AcceptedRowIsValidatedLikeAnyOther) {
  Folder f;
  f.Write("exchanges.csv", std::string(kHeader) + Row("accept", "e1", ""));
  EXPECT_EQ(Issues(f.Validate()),
            Strings{"reg/exchanges.csv:2:11: missing value for required column 'date' (fill in the cell; see "
                    "docs/formats/registry.md)"});
}

TEST(RegistryReview, PinsTheMessageForAnUnknownDecision) {
  Folder f;
  f.Write("exchanges.csv", std::string(kHeader) + Row("yes", "e1"));
  RegistryBatch b = f.Validate();
  EXPECT_EQ(Issues(b), Strings{"reg/exchanges.csv:2:1: column 'review': 'yes' is not a review decision (use accept "
                               "(store the row), reject (leave it out) or candidate (not reviewed yet))"});
  EXPECT_EQ(b.rows_rejected, 1);
}

TEST(RegistryReview, FileWithoutReviewColumnIsAcceptedWhole) {
  Folder f;
  f.Write("exchanges.csv", "id,date,kind,from,to,leader,source_id,locator,evidence\n"
                           "e1,2023,visit,KAZ,UZB,Tokayev,src-1,p. 1,some words\n");
  RegistryBatch b = f.Validate();
  EXPECT_EQ(Issues(b), Strings{});
  EXPECT_EQ(Ids(b, "exchanges"), Strings{"e1@exchanges.csv:2"});
  EXPECT_TRUE(b.unreviewed.empty());
}

TEST(RegistryReview, ReviewColumnTwiceIsAnError) {
  Folder f;
  f.Write("exchanges.csv", "review,id,date,kind,from,to,leader,source_id,locator,review\n");
  EXPECT_EQ(Issues(f.Validate()), Strings{"reg/exchanges.csv:1:54: column 'review' appears twice"});
}

TEST(RegistryReview, RowCitingASourceLeftOutSaysWhy) {
  Folder f;
  f.Write("sources.csv",
          "review,id,title,publisher,url,published\n"
          "candidate,src-a,T,P,https://example.org/a,\n"
          "reject,src-b,T,P,https://example.org/b,2023\n"
          "accept,src-c,T,,https://example.org/c,2023\n");
  f.Write("exchanges.csv", std::string(kHeader) + Row("accept", "e1", "2023", "src-a") +
                               Row("accept", "e2", "2023", "src-b") + Row("accept", "e3", "2023", "src-c"));
  EXPECT_EQ(Issues(f.Validate()),
            (Strings{"reg/sources.csv:4:16: missing value for required column 'publisher' (fill in the cell; see "
                     "docs/formats/registry.md)",
                     "reg/exchanges.csv:2:44: source 'src-a' is not stored: its row on line 2 of reg/sources.csv is not "
                     "reviewed yet (set its review cell to accept)",
                     "reg/exchanges.csv:3:44: source 'src-b' is not stored: its row on line 3 of reg/sources.csv was "
                     "rejected in review (accept it, or reject this row too)",
                     "reg/exchanges.csv:4:44: source 'src-c' is not stored: its row on line 4 of reg/sources.csv has "
                     "problems, listed above (fix them)"}));
}

TEST(RegistrySubfolders, RowsOfEveryFolderJoinTheirKind) {
  Folder f;
  f.Write("exchanges.csv", "id,date,kind,from,to,leader,source_id,locator\ne1,2023,visit,KAZ,UZB,T,src-1,p. 1\n");
  f.Write("news/sources.csv", "id,title,publisher,url,published\ntxt-a,a.txt,example.org,https://example.org/a,2024\n");
  f.Write("news/exchanges.csv", std::string(kHeader) + Row("accept", "txt-a-v1", "2023", "txt-a"));
  f.Write(".hidden/exchanges.csv", "not,read\n");
  RegistryBatch b = f.Validate();
  EXPECT_EQ(Issues(b), Strings{});
  EXPECT_EQ(Ids(b, "exchanges"), (Strings{"e1@exchanges.csv:2", "txt-a-v1@news/exchanges.csv:2"}));
  EXPECT_EQ(Ids(b, "sources"), (Strings{"src-1@sources.csv:2", "txt-a@news/sources.csv:2"}));
  ASSERT_EQ(b.files_present.size(), 2u);  // each kind once
}

TEST(RegistrySubfolders, DuplicateIdAcrossFoldersNamesTheFirstFile) {
  Folder f;
  f.Write("exchanges.csv", "id,date,kind,from,to,leader,source_id,locator\ne1,2023,visit,KAZ,UZB,T,src-1,p. 1\n");
  f.Write("news/exchanges.csv", std::string(kHeader) + Row("accept", "e1"));
  EXPECT_EQ(Issues(f.Validate()),
            Strings{"reg/news/exchanges.csv:2:8: duplicate id 'e1' (first used in reg/exchanges.csv on line 2; ids "
                    "must be unique across the registry folder and its subfolders)"});
}

TEST(RegistrySubfolders, MisnamedFileInSubfolderIsNamed) {
  Folder f;
  f.Write("news/exchange.csv", "id\n");
  EXPECT_EQ(Issues(f.Validate()),
            Strings{"reg/news/exchange.csv: not a registry file name (did you mean exchanges.csv?)"});
}

TEST(RegistrySubfolders, BrokenFileInSubfolderMarksItsKindFailed) {
  Folder f;
  f.Write("exchanges.csv", "id,date,kind,from,to,leader,source_id,locator\ne1,2023,visit,KAZ,UZB,T,src-1,p. 1\n");
  f.Write("news/exchanges.csv", "id,dat\n");
  RegistryBatch b = f.Validate();
  ASSERT_EQ(b.files_failed.size(), 1u);
  EXPECT_EQ(b.files_failed[0]->name, "exchanges");
}

}  // namespace
}  // namespace bilat::ingest
