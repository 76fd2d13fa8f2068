#include "app/ingest_trade.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <tuple>

#include "app/file_checks.h"
#include "core/trade_datasets.h"
#include "ingest/trade/baci_reader.h"
#include "ingest/trade/comtrade_reader.h"
#include "ingest/trade/dots_reader.h"
#include "ingest/trade/wdi_reader.h"
#include "measure/trade_indicators.h"
#include "store/trade_store.h"
#include "store/workspace.h"

namespace bilat::app {
namespace {

namespace fs = std::filesystem;

constexpr size_t kSampleIssues = 5;

// The newest file matching prefix*.csv in `dir` (BACI ships
// country_codes_V202201.csv and the like), or "".
std::string FindBeside(const fs::path& dir, const std::string& prefix) {
  std::string best;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir.empty() ? fs::path(".") : dir, ec)) {
    std::string name = e.path().filename().string();
    if (name.rfind(prefix, 0) == 0 && e.path().extension() == ".csv" && name > fs::path(best).filename().string()) {
      best = e.path().string();
    }
  }
  return best;
}

// "already stored from other.csv line 12 ..." or "same flow as line 12 ...".
std::string DuplicateMessage(const store::EarlierRow& earlier, const std::string& path, double value) {
  std::string m = earlier.path == path ? "same flow as line " + std::to_string(earlier.line) + " of this file"
                                       : "already stored from " + fs::path(earlier.path).filename().string() +
                                             " line " + std::to_string(earlier.line);
  if (earlier.value != value) {
    char buf[96];
    std::snprintf(buf, sizeof buf, " with another value (%.17g there, %.17g here)", earlier.value, value);
    m += buf;
  }
  return m + "; the first one stands";
}

// A bounded queue between two threads; Pop returns false once the queue is
// closed and empty.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}
  void Push(T item) {
    std::unique_lock<std::mutex> lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  bool Pop(T* out) {
    std::unique_lock<std::mutex> lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return false;
    *out = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }
  void Close() {
    std::lock_guard<std::mutex> lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

 private:
  size_t capacity_;
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  bool closed_ = false;
};

std::string DatasetTitle(const std::string& dataset) {
  if (dataset == "wdi") return "World Bank WDI";
  const TradeDataset* d = FindTradeDataset(dataset);
  return d ? std::string(d->title) : dataset;
}

// The derived totals of each year a file touches. A year the dataset did
// not hold before is summed while the file's rows are stored; a year it did
// hold is summed again from every stored flow of that year.
class TotalsForFile {
 public:
  TotalsForFile(store::TradeFileWriter* writer, const std::string& dataset)
      : writer_(writer), reconciled_(store::IsReconciledTradeDataset(dataset)) {}

  // Call before storing each row, with whether it was stored.
  Status Before(int year) {
    if (year == last_year_) return Status::Ok();
    last_year_ = year;
    if (state_.count(year)) return Status::Ok();
    BILAT_ASSIGN_OR_RETURN(bool had, writer_->YearHadFlows(year));
    if (had) {
      state_[year] = nullptr;
    } else {
      state_[year] = std::make_unique<measure::TotalsBuilder>(reconciled_);
    }
    return Status::Ok();
  }
  // The builder a stored row is summed into while the file is read, or null
  // (not an annual export or import, or a year to re-read). The builder may
  // be used from another thread than this object's.
  measure::TotalsBuilder* BuilderFor(const ingest::TradeFlow& f) {
    if (!f.period.empty()) return nullptr;
    if (f.flow != ingest::TradeFlow::Flow::kExport && f.flow != ingest::TradeFlow::Flow::kImport) return nullptr;
    auto it = state_.find(f.year);
    return it == state_.end() ? nullptr : it->second.get();
  }
  static void Sum(measure::TotalsBuilder* b, const ingest::TradeFlow& f) {
    b->Add(f.reporter, f.partner,
           f.flow == ingest::TradeFlow::Flow::kExport ? measure::TradeFlowKind::kExport
                                                      : measure::TradeFlowKind::kImport,
           f.product, f.value_usd);
  }

  Status Write() {
    for (int year : writer_->years()) {
      std::unique_ptr<measure::TotalsBuilder>& builder = state_[year];
      if (!builder) {
        builder = std::make_unique<measure::TotalsBuilder>(reconciled_);
        measure::TotalsBuilder* b = builder.get();
        BILAT_RETURN_IF_ERROR(writer_->ForEachAnnualFlow(
            year, [b](std::string_view r, std::string_view p, std::string_view f, std::string_view k, double v) {
              b->Add(r, p, measure::FlowKindOf(f), k, v);
            }));
      }
      std::vector<store::TradeTotal> rows;
      for (measure::FlowRow& r : builder->Finish()) {
        rows.push_back({std::move(r.reporter), std::move(r.partner),
                        r.flow == measure::TradeFlowKind::kExport ? "export" : "import", std::move(r.product),
                        r.value_usd});
      }
      builder.reset();
      BILAT_RETURN_IF_ERROR(writer_->ReplaceTotals(year, rows));
    }
    return Status::Ok();
  }

 private:
  store::TradeFileWriter* writer_;
  bool reconciled_;
  int last_year_ = -1;
  std::map<int, std::unique_ptr<measure::TotalsBuilder>> state_;  // null: re-read the year
};

}  // namespace

bool IngestTradeResult::all_stored() const {
  for (const auto& f : files) {
    if (f.state != TradeFileOutcome::State::kStored && f.state != TradeFileOutcome::State::kAlreadyIngested) {
      return false;
    }
  }
  return true;
}

Result<IngestTradeResult> IngestTrade(const IngestTradeOptions& o, const CountryRegistry& countries,
                                      const TradeProgressFn& progress) {
  if (o.dataset != "comtrade" && o.dataset != "baci" && o.dataset != "wdi" && o.dataset != "imf_dots") {
    return Status::InvalidArgument("unknown trade dataset '" + o.dataset +
                                   "' (expected comtrade, baci, imf_dots or wdi)");
  }
  BILAT_ASSIGN_OR_RETURN(auto ws, store::Workspace::Open(o.workspace));

  // BACI's code files, once for all its files.
  std::optional<ingest::BaciCodes> baci;
  if (o.dataset == "baci" && !o.files.empty()) {
    fs::path dir = fs::path(o.files.front()).parent_path();
    std::string countries_file = o.baci_countries.empty() ? FindBeside(dir, "country_codes") : o.baci_countries;
    if (countries_file.empty()) {
      return Status::InvalidArgument("no BACI country code file: none named (--countries) and no "
                                     "country_codes_*.csv beside " + o.files.front() +
                                     " (it comes with every BACI release)");
    }
    BILAT_ASSIGN_OR_RETURN(ingest::BaciCodes codes, ingest::BaciCodes::LoadCountries(countries_file, countries_file));
    std::string products_file = o.baci_products.empty() ? FindBeside(dir, "product_codes") : o.baci_products;
    if (!products_file.empty()) BILAT_RETURN_IF_ERROR(codes.LoadProducts(products_file, products_file));
    baci = std::move(codes);
  }

  IngestTradeResult result;
  for (size_t i = 0; i < o.files.size(); ++i) {
    const std::string& path = o.files[i];
    TradeFileOutcome out;
    out.path = path;
    auto t0 = std::chrono::steady_clock::now();
    auto done = [&](TradeFileOutcome::State state, const Status& error = Status::Ok()) {
      out.state = state;
      out.error = error.message();
      out.error_code = error.code();
      out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      result.files.push_back(std::move(out));
    };
    BILAT_ASSIGN_OR_RETURN(
        InputFile in,
        CheckInputFile(
            path, "a " + DatasetTitle(o.dataset) + " CSV",
            [&](const std::string& p, uint64_t size, int64_t mtime) {
              return store::FindTradeFileByStat(ws->db(), p, size, mtime);
            },
            [&](const std::string& hash) { return store::FindTradeFile(ws->db(), hash); }));
    if (in.verdict != InputFile::Verdict::kRead) {
      done(in.verdict == InputFile::Verdict::kAlreadyIngested ? TradeFileOutcome::State::kAlreadyIngested
                                                               : TradeFileOutcome::State::kFailed,
           in.error);
      continue;
    }
    store::TradeFileInfo info{in.content_hash, path, o.dataset, "", in.size, in.mtime_ns};
    std::vector<ingest::LoadIssue> issues;
    uint64_t suppressed = 0, rows_read = 0, emitted = 0;
    Status add_status;
    std::unique_ptr<store::TradeFileWriter> writer;
    std::unique_ptr<TotalsForFile> totals;
    auto begin = [&](const std::string& layout) -> Status {
      info.layout = layout;
      BILAT_ASSIGN_OR_RETURN(writer, store::TradeFileWriter::Begin(ws->db(), info));
      totals = std::make_unique<TotalsForFile>(writer.get(), o.dataset);
      return Status::Ok();
    };
    // Stores one flow; returns the builder to sum it into (null if none, or
    // if the flow was not stored).
    auto add_flow = [&](const ingest::TradeFlow& f) -> measure::TotalsBuilder* {
      if (!add_status.ok()) return nullptr;
      ++emitted;
      add_status = totals->Before(f.year);
      if (!add_status.ok()) return nullptr;
      measure::TotalsBuilder* sum_into = nullptr;
      Result<std::optional<store::EarlierRow>> r = writer->AddFlow(f);
      if (!r.ok()) {
        add_status = r.status();
      } else if (!*r) {
        sum_into = totals->BuilderFor(f);
      } else {
        issues.push_back({path, f.line, "", DuplicateMessage(**r, path, f.value_usd),
                          (*r)->path == path ? "two of the file's country codes map to the same ISO code, or the "
                                               "file repeats a flow"
                                             : "the same flow (year, reporter, partner, flow, product, period) "
                                               "is in two files"});
      }
      if (progress && (emitted & 0xFFFF) == 0) progress(i, emitted);
      return sum_into;
    };

    Status loaded;
    if (o.dataset == "baci") {
      // BACI years are large: stream rows into the store as they are read.
      // The layout is fixed, so the file row can be written up front.
      loaded = begin("baci");
      if (loaded.ok()) {
        ingest::TradeLoadResult summary;
        ingest::BaciOptions bo;
        bo.label = path;
        // Three stages on their own threads: reading and parsing, storing
        // (the SQLite connection stays on this thread), and summing the
        // stored rows into the totals. BACI sorts by numeric country codes,
        // the store's key by ISO codes: each exporter's block of rows is put
        // in key order before it is stored.
        struct Block {
          std::vector<ingest::TradeFlow> flows;
          std::vector<measure::TotalsBuilder*> sum_into;
        };
        BoundedQueue<Block> parsed(4), stored(4);
        std::atomic<bool> stop{false};
        bo.cancel = &stop;  // a storing failure stops the reading too
        // jthreads join when they go out of scope, even on an exception.
        std::jthread reader([&] {
          Block b;
          auto send = [&] {
            std::sort(b.flows.begin(), b.flows.end(), [](const ingest::TradeFlow& x, const ingest::TradeFlow& y) {
              return std::tie(x.year, x.partner, x.product, x.line) < std::tie(y.year, y.partner, y.product, y.line);
            });
            parsed.Push(std::move(b));
            b = Block();
          };
          Status read = ingest::ReadBaci(
              path, *baci,
              [&](const ingest::TradeFlow& f) {
                if (stop.load(std::memory_order_relaxed)) return;
                if (!b.flows.empty() && b.flows.back().reporter != f.reporter) send();
                b.flows.push_back(f);
              },
              &summary, bo);
          // A cancelled read is not the file's fault: the storing error is reported.
          if (!stop.load()) loaded = read;
          if (!b.flows.empty() && !stop.load()) send();
          parsed.Close();
        });
        std::jthread summer([&] {
          Block b;
          while (stored.Pop(&b)) {
            for (size_t k = 0; k < b.flows.size(); ++k) {
              if (b.sum_into[k]) TotalsForFile::Sum(b.sum_into[k], b.flows[k]);
            }
          }
        });
        Block b;
        while (parsed.Pop(&b)) {
          b.sum_into.resize(b.flows.size());
          for (size_t k = 0; k < b.flows.size(); ++k) b.sum_into[k] = add_flow(b.flows[k]);
          if (!add_status.ok()) stop = true;  // keep draining so the reader can finish
          stored.Push(std::move(b));
        }
        stored.Close();
        reader.join();
        summer.join();
        rows_read = summary.rows_read;
        suppressed = summary.issues_suppressed;
        issues.insert(issues.begin(), summary.issues.begin(), summary.issues.end());
      }
    } else if (o.dataset == "comtrade" || o.dataset == "imf_dots") {
      Result<ingest::TradeLoadResult> r = o.dataset == "comtrade" ? ingest::ReadComtradeCsv(path, path, countries)
                                                                  : ingest::ReadDotsCsv(path, path, countries);
      if (r.ok()) {
        loaded = begin(r->layout);
        rows_read = r->rows_read;
        out.rows_skipped = r->rows_skipped;
        out.skipped_codes = r->skipped_codes;
        suppressed = r->issues_suppressed;
        issues = std::move(r->issues);
        if (loaded.ok()) {
          for (const ingest::TradeFlow& f : r->flows) {
            if (measure::TotalsBuilder* b = add_flow(f)) TotalsForFile::Sum(b, f);
          }
        }
      } else {
        loaded = r.status();
      }
    } else {
      Result<ingest::IndicatorLoadResult> r = ingest::ReadWdiCsv(path, path, countries);
      if (r.ok()) {
        out.missing = r->missing_values;
        loaded = begin(r->layout);
        rows_read = r->rows_read;
        suppressed = r->issues_suppressed;
        issues = std::move(r->issues);
        for (const ingest::IndicatorObservation& obs : r->observations) {
          if (!loaded.ok() || !add_status.ok()) break;
          ++emitted;
          Result<std::optional<store::EarlierRow>> e = writer->AddObservation(obs);
          if (!e.ok()) {
            add_status = e.status();
          } else if (*e) {
            issues.push_back({path, obs.line, obs.series, DuplicateMessage(**e, path, obs.value),
                              "the same observation (series, economy, year) is in two files"});
          }
        }
      } else {
        loaded = r.status();
      }
    }
    if (!loaded.ok() || !add_status.ok()) {
      totals.reset();
      writer.reset();  // rolls back
      done(TradeFileOutcome::State::kFailed, !loaded.ok() ? loaded : add_status);
      continue;
    }
    out.layout = info.layout;
    out.rows_read = rows_read;
    out.stored = writer->rows_stored();
    out.duplicates = writer->rows_duplicate();
    out.issues = issues.size() + suppressed;
    out.years = writer->years();
    for (size_t k = 0; k < issues.size() && k < kSampleIssues; ++k) out.sample_issues.push_back(issues[k].ToString());
    // Problem rows over all rows that produced something or a problem.
    const double bad = static_cast<double>(out.issues - out.duplicates);
    const double ratio = bad / std::max(1.0, bad + static_cast<double>(emitted));
    if (ratio > o.max_issue_ratio) {
      totals.reset();
      writer.reset();
      done(TradeFileOutcome::State::kTooManyIssues);
      continue;
    }
    for (const ingest::LoadIssue& issue : issues) {
      Status s = writer->AddIssue(issue);
      if (!s.ok()) add_status = s;
    }
    auto t_totals = std::chrono::steady_clock::now();
    if (add_status.ok() && o.dataset != "wdi") add_status = totals->Write();
    out.seconds_totals = std::chrono::duration<double>(std::chrono::steady_clock::now() - t_totals).count();
    if (add_status.ok()) add_status = writer->Commit(rows_read, out.issues);
    totals.reset();
    writer.reset();
    if (!add_status.ok()) {
      done(TradeFileOutcome::State::kFailed, add_status);
      continue;
    }
    done(TradeFileOutcome::State::kStored);
  }
  return result;
}

}  // namespace bilat::app
