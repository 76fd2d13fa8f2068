// `bilat ingest gdelt|icews`, `bilat follow`, `bilat events`, `bilat top-events`.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/ingest_events.h"
#include "app/events_json.h"
#include "app/query_events.h"
#include "cli/command.h"
#include "cli/output.h"

namespace bilat::cli {
namespace {

std::string HumanBytes(double b) {
  char buf[32];
  if (b >= 1e9) std::snprintf(buf, sizeof buf, "%.2f GB", b / 1e9);
  else if (b >= 1e6) std::snprintf(buf, sizeof buf, "%.1f MB", b / 1e6);
  else std::snprintf(buf, sizeof buf, "%.0f kB", b / 1e3);
  return buf;
}

std::string HumanCount(double n) {
  char buf[32];
  if (n >= 1e6) std::snprintf(buf, sizeof buf, "%.2fM", n / 1e6);
  else if (n >= 1e3) std::snprintf(buf, sizeof buf, "%.1fk", n / 1e3);
  else std::snprintf(buf, sizeof buf, "%.0f", n);
  return buf;
}

std::string Fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// A one-line progress bar on stderr, redrawn at most ten times a second.
// Over many files (GDELT's feed) it shows the whole run: files done, bytes
// and rate since the start, and the time left at that rate.
class ProgressBar {
 public:
  explicit ProgressBar(size_t files) : files_(files), start_(Clock::now()), last_(start_) {}
  void Update(size_t file, uint64_t bytes, uint64_t rows, uint64_t size) {
    if (file != current_) {  // the previous file is done
      done_bytes_ += current_bytes_;
      done_rows_ += current_rows_;
      current_ = file;
    }
    current_bytes_ = bytes;
    current_rows_ = rows;
    auto now = Clock::now();
    if (now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    const double secs = std::chrono::duration<double>(now - start_).count();
    const double in_file = size ? std::min(1.0, static_cast<double>(bytes) / static_cast<double>(size)) : 0;
    const double frac = (static_cast<double>(file) + in_file) / static_cast<double>(std::max<size_t>(files_, 1));
    const int filled = static_cast<int>(frac * 24);
    const double all_bytes = static_cast<double>(done_bytes_ + bytes), all_rows = static_cast<double>(done_rows_ + rows);
    const double eta = frac > 0 ? secs * (1 - frac) / frac : 0;
    std::fprintf(stderr, "\r[%-24s] file %zu/%zu %3.0f%% %s %s/s %s rows/s ETA %ds   ",
                 std::string(filled, '#').c_str(), file + 1, files_, frac * 100, HumanBytes(all_bytes).c_str(),
                 HumanBytes(secs > 0 ? all_bytes / secs : 0).c_str(), HumanCount(secs > 0 ? all_rows / secs : 0).c_str(),
                 static_cast<int>(std::ceil(eta)));
    drawn_ = true;
  }
  void Clear() {
    if (drawn_) std::fprintf(stderr, "\r%*s\r", 100, "");
    drawn_ = false;
  }

 private:
  using Clock = std::chrono::steady_clock;
  size_t files_;
  Clock::time_point start_, last_;
  size_t current_ = 0;
  uint64_t current_bytes_ = 0, current_rows_ = 0, done_bytes_ = 0, done_rows_ = 0;
  bool drawn_ = false;
};

// Runs of more files than this print a summary instead of a line per file
// (failures and rejects are always printed); -v prints every file.
constexpr size_t kFilesListedByDefault = 20;

void RegisterIngestEvents(const CommandRoots& roots, std::vector<Command>* commands, const std::string& dataset) {
  auto opts = std::make_shared<app::IngestEventsOptions>();
  opts->workspace = ".";
  opts->dataset = dataset;
  const bool gdelt = dataset == "gdelt";
  CLI::App* sub = roots.ingest->add_subcommand(
      dataset, gdelt ? "Ingest GDELT event files: 1.0 (57/58 columns), 2.0 exports (61) and 2.0 mentions (16); "
                       "plain, .zip or .gz. Aggregates are kept for every dyad, whole events for followed pairs "
                       "(bilat follow). A file already ingested (same content) is skipped."
                     : "Ingest ICEWS event files (tab-separated with a header; plain, .zip or .gz). Aggregates "
                       "for every dyad, whole events for followed pairs (bilat follow).");
  sub->add_option("FILES", opts->files, "Event files")->required()->check(CLI::ExistingFile);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  sub->add_option("-j,--threads", opts->threads, "Scanning threads: a large plain file is split among them, many small files are scanned side by side (0: one per core)")
      ->capture_default_str();
  auto verbose = std::make_shared<bool>(false);
  sub->add_flag("-v,--verbose", *verbose,
                "Print a line for every file (by default only up to 20 files are listed, then a summary), with "
                "where the time went (hash, scan, store)");
  sub->add_option("--max-reject-ratio", opts->max_reject_ratio,
                  "Refuse a file (store nothing of it) when more than this share of its rows is malformed")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts, verbose] {
    const bool tty = ::isatty(2);
    ProgressBar bar(opts->files.size());
    app::EventProgressFn progress;
    if (tty) progress = [&bar](size_t f, uint64_t b, uint64_t r, uint64_t s) { bar.Update(f, b, r, s); };
    const auto started = std::chrono::steady_clock::now();
    auto result = app::IngestEvents(*opts, Countries(), progress);
    bar.Clear();
    if (!result.ok()) return Fail(result.status());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    const bool list_all = *verbose || result->files.size() <= kFilesListedByDefault;
    int exit_code = kExitOk;
    struct {
      size_t stored = 0, already = 0, failed = 0, refused = 0;
      uint64_t bytes = 0, rows = 0, rejected = 0, dyads = 0, events = 0;
    } sum;
    for (const auto& f : result->files) {
      using State = app::EventFileOutcome::State;
      if (f.state == State::kAlreadyIngested) {
        ++sum.already;
        if (list_all) std::cout << f.path << ": already ingested (same content), skipped\n";
        continue;
      }
      if (f.state == State::kFailed) ++sum.failed;
      if (f.state == State::kTooManyRejects) ++sum.refused;
      if (f.state == State::kStored) {
        ++sum.stored;
        sum.bytes += f.bytes;
        sum.rows += f.rows_ok;
        sum.rejected += f.rows_rejected;
        sum.dyads += f.dyad_groups;
        sum.events += f.events_kept;
      }
      if (f.state == State::kFailed) {
        std::cerr << "bilat: " << f.error << "\n";
        exit_code = std::max(exit_code, ExitCodeForFileError(f.error_code));
        continue;
      }
      double rows = static_cast<double>(f.rows_ok + f.rows_rejected);
      if (!list_all && f.state == State::kStored) {
        for (const std::string& r : f.sample_rejects) std::cerr << "  rejected " << f.path << ": " << r << "\n";
        continue;
      }
      std::cout << f.path << ": " << f.format << ", " << HumanBytes(static_cast<double>(f.bytes)) << ", "
                << f.rows_ok << " rows, " << f.rows_rejected << " rejected";
      if (f.rows_rejected) {
        std::cout << " (";
        for (size_t i = 0; i < f.rejects_by_reason.size(); ++i) {
          std::cout << (i ? ", " : "") << f.rejects_by_reason[i].first << " " << f.rejects_by_reason[i].second;
        }
        std::cout << ")";
      }
      if (f.format != "gdelt2-mentions") std::cout << ", " << f.dyad_groups << " dyad-months";
      std::cout << ", " << f.events_kept << (f.format == "gdelt2-mentions" ? " mentions" : " events") << " kept";
      if (f.events_duplicate) std::cout << " (" << f.events_duplicate << " already stored)";
      if (f.unresolved_names) std::cout << ", " << f.unresolved_names << " actor countries unresolved";
      if (f.seconds > 0) {
        std::cout << ", " << HumanBytes(static_cast<double>(f.bytes) / f.seconds) << "/s, "
                  << HumanCount(rows / f.seconds) << " rows/s";
      }
      if (*verbose) {
        std::cout << " [hash " << Fixed(f.seconds_hash, 2) << " s, scan " << Fixed(f.seconds_scan, 2) << " s, store "
                  << Fixed(f.seconds_store, 2) << " s]";
      }
      std::cout << std::endl;  // flushed, so the rejects below follow their file's line
      for (const std::string& r : f.sample_rejects) std::cerr << "  rejected " << f.path << ": " << r << "\n";
      if (f.state == State::kTooManyRejects) {
        std::cerr << "bilat: " << f.path << ": " << f.rows_rejected << " of " << static_cast<uint64_t>(rows)
                  << " rows rejected, above --max-reject-ratio " << opts->max_reject_ratio
                  << "; nothing of this file was stored\n";
        exit_code = std::max(exit_code, kExitBadInput);
      }
    }
    if (result->files.size() > 1) {
      std::cout << result->files.size() << " files: " << sum.stored << " stored, " << sum.already
                << " already ingested, " << sum.refused << " refused (too many rejects), " << sum.failed
                << " failed; " << HumanBytes(static_cast<double>(sum.bytes)) << ", " << sum.rows << " rows, "
                << sum.rejected << " rejected, " << sum.dyads << " dyad-month rows from the files, " << sum.events
                << " events kept; " << Fixed(seconds, 2) << " s";
      if (seconds > 0) std::cout << ", " << HumanBytes(static_cast<double>(sum.bytes) / seconds) << "/s";
      std::cout << std::endl;
    }
    return exit_code;
  }});
}

std::string OptFixed(const std::optional<double>& v, int decimals) { return v ? Fixed(*v, decimals) : ""; }

}  // namespace

void RegisterEventCommands(const CommandRoots& roots, std::vector<Command>* commands) {
  RegisterIngestEvents(roots, commands, "gdelt");
  RegisterIngestEvents(roots, commands, "icews");

  {
    auto ws = std::make_shared<std::string>(".");
    auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
    CLI::App* sub = roots.root->add_subcommand(
        "follow", "Follow a pair: later event ingests keep its whole events (for top events, source URLs and "
                  "the --min-sources and --one-a-day filters). Aggregates are kept for every pair regardless.");
    sub->add_option("A", *a, "First country")->required();
    sub->add_option("B", *b, "Second country")->required();
    sub->add_option("-w,--workspace", *ws, "Workspace folder")->capture_default_str();
    sub->footer(kExitCodesHelp);
    commands->push_back({sub, [ws, a, b] {
      Status st = app::FollowPair(*ws, *a, *b, Countries());
      if (!st.ok()) return Fail(st);
      std::cout << "following " << *a << "-" << *b << " (re-ingest event files to collect its whole events)\n";
      return kExitOk;
    }});
  }

  {
    auto o = std::make_shared<app::EventsQuery>();
    auto format = std::make_shared<std::string>("table");
    auto monthly = std::make_shared<bool>(false);
    CLI::App* sub = roots.root->add_subcommand(
        "events", "Event series of a pair, both directions: events, quad classes, Goldstein, net cooperation "
                  "((q1+q2-q3-q4)/events), mentions, sources, articles, tone and each side's share "
                  "(docs/events.md)");
    sub->add_option("A", o->a, "First country")->required();
    sub->add_option("B", o->b, "Second country")->required();
    sub->add_option("-w,--workspace", o->workspace, "Workspace folder")->capture_default_str();
    sub->add_flag("--monthly", *monthly, "One row per month (the default)");
    sub->add_flag("--yearly", o->series.yearly, "One row per year");
    sub->add_option("--dataset", o->series.dataset, "gdelt, icews or text (events extracted by bilat ingest text)")->capture_default_str();
    sub->add_flag("--root-only", o->series.root_only, "Root events only (GDELT IsRootEvent)");
    sub->add_option("--min-sources", o->series.min_sources, "Events with at least N sources (followed pairs)");
    sub->add_flag("--one-a-day", o->series.one_a_day, "One event per day, direction and event code (followed pairs)");
    sub->add_option("--format", *format, "table, csv or json")->capture_default_str()->check(
        CLI::IsMember({"table", "csv", "json"}));
    sub->footer(kExitCodesHelp);
    commands->push_back({sub, [o, format] {
      auto r = app::QueryEvents(*o, Countries());
      if (!r.ok()) return Fail(r.status());
      if (*format == "json") {
        std::cout << app::EventsAnswerJson(*r) << "\n";
        return kExitOk;
      }
      const bool csv = *format == "csv";
      const char* sep = csv ? "," : "  ";
      if (csv) {
        std::cout << "src,dst,period,events,q1,q2,q3,q4,goldstein_mean,net_cooperation,mentions,sources,articles,"
                     "tone,share_of_src,share_of_dst\n";
      } else {
        std::printf("%-4s %-4s %-7s %7s %6s %6s %6s %6s %6s %6s %8s %8s %7s %7s\n", "src", "dst", "period", "events",
                    "q1", "q2", "q3", "q4", "gold", "netco", "mentions", "sources", "tone", "share");
      }
      for (const auto* s : {&r->ab, &r->ba}) {
        for (const auto& p : s->periods) {
          if (csv) {
            std::cout << s->src << sep << s->dst << sep << p.period << sep << p.events << sep << p.q[0] << sep
                      << p.q[1] << sep << p.q[2] << sep << p.q[3] << sep << Fixed(p.GoldsteinMean(), 4) << sep
                      << Fixed(p.NetCooperation(), 4) << sep << p.mentions << sep << p.sources << sep << p.articles
                      << sep << OptFixed(p.Tone(), 4) << sep << OptFixed(p.ShareOfSrc(), 6) << sep
                      << OptFixed(p.ShareOfDst(), 6) << "\n";
          } else {
            std::printf("%-4s %-4s %-7d %7llu %6llu %6llu %6llu %6llu %6.2f %6.2f %8llu %8llu %7s %7s\n",
                        s->src.c_str(), s->dst.c_str(), p.period, (unsigned long long)p.events,
                        (unsigned long long)p.q[0], (unsigned long long)p.q[1], (unsigned long long)p.q[2],
                        (unsigned long long)p.q[3], p.GoldsteinMean(), p.NetCooperation(),
                        (unsigned long long)p.mentions, (unsigned long long)p.sources, OptFixed(p.Tone(), 2).c_str(),
                        OptFixed(p.ShareOfSrc(), 4).c_str());
          }
        }
      }
      if (!csv && r->ab.periods.empty() && r->ba.periods.empty()) {
        std::cerr << "no " << o->series.dataset << " events stored for " << r->ab.src << "-" << r->ab.dst << "\n";
      }
      return kExitOk;
    }});
  }

  {
    auto o = std::make_shared<app::TopEventsQuery>();
    auto format = std::make_shared<std::string>("table");
    CLI::App* sub = roots.root->add_subcommand(
        "top-events", "The most-reported events of a followed pair in a year, with their source URLs");
    sub->add_option("A", o->a, "First country")->required();
    sub->add_option("B", o->b, "Second country")->required();
    sub->add_option("-w,--workspace", o->workspace, "Workspace folder")->capture_default_str();
    sub->add_option("--year", o->year, "Calendar year (0: all years)")->capture_default_str();
    sub->add_option("--dataset", o->dataset, "gdelt, icews or text")->capture_default_str();
    sub->add_option("-n,--limit", o->limit, "How many")->capture_default_str();
    sub->add_option("--format", *format, "table, csv or json")->capture_default_str()->check(
        CLI::IsMember({"table", "csv", "json"}));
    sub->footer(kExitCodesHelp);
    commands->push_back({sub, [o, format] {
      auto r = app::QueryTopEvents(*o, Countries());
      if (!r.ok()) return Fail(r.status());
      if (*format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& e : r->events) {
          j.push_back({{"event_id", e.event.event_id}, {"date", e.event.date}, {"src", e.event.src},
                       {"dst", e.event.dst}, {"event_code", e.event.event_code}, {"event", e.event_name},
                       {"goldstein", e.event.goldstein}, {"mentions", e.event.mentions}, {"sources", e.event.sources},
                       {"url", e.event.source_url}, {"file", e.file}, {"line", e.event.line}});
        }
        std::cout << j.dump(2) << "\n";
        return kExitOk;
      }
      if (*format == "csv") std::cout << "date,src,dst,event_code,event,goldstein,mentions,sources,url\n";
      for (const auto& e : r->events) {
        if (*format == "csv") {
          char goldstein[32];
          std::snprintf(goldstein, sizeof goldstein, "%g", e.event.goldstein);
          std::cout << CsvRow({e.event.date, e.event.src, e.event.dst, e.event.event_code, e.event_name, goldstein,
                               std::to_string(e.event.mentions), std::to_string(e.event.sources),
                               e.event.source_url})
                    << "\n";
        } else {
          std::printf("%s %s->%s %-5s %-36.36s %5.1f %5lld mentions %3lld sources  %s\n",
                      TableCell(e.event.date).c_str(), TableCell(e.event.src).c_str(), TableCell(e.event.dst).c_str(),
                      TableCell(e.event.event_code).c_str(), TableCell(e.event_name).c_str(), e.event.goldstein,
                      (long long)e.event.mentions, (long long)e.event.sources, TableCell(e.event.source_url).c_str());
        }
      }
      if (r->events.empty() && *format == "table") {
        std::cerr << "no stored events for this pair" << (o->year ? " in " + std::to_string(o->year) : "") << "\n";
      }
      return kExitOk;
    }});
  }
}

}  // namespace bilat::cli
