// `bilat ingest comtrade|baci|wdi` and `bilat trade A [B]`.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <set>
#include <nlohmann/json.hpp>

#include "app/ingest_trade.h"
#include "app/query_trade.h"
#include "app/trade_json.h"
#include "cli/command.h"
#include "cli/output.h"
#include "core/hs_chapters.h"
#include "measure/trade_facts.h"
#include "report/format.h"

namespace bilat::cli {
namespace {

using measure::PartnerIndicators;

std::string Opt(const std::optional<double>& v, int decimals) {
  return v ? report::FormatFixed(*v, decimals) : "-";
}

std::string Rank(const std::optional<measure::PartnerStanding>& s) {
  if (!s) return "-";
  return report::FormatFixed(s->share_pct, 1) + "% (" + std::to_string(s->rank) + "/" + std::to_string(s->partners) +
         ")";
}


const char* kColumns[] = {"dataset", "year", "partner", "exports", "imports", "total", "balance", "total growth %",
                          "partner share (rank)", "share in partner (rank)", "intensity", "complementarity",
                          "grubel-lloyd", "hhi", "mirror gap exports %", "mirror gap imports %"};

std::vector<std::string> Cells(const std::string& dataset, int year, const PartnerIndicators& p,
                               const std::optional<double>& growth, bool csv) {
  auto money = [csv](double v) { return csv ? report::FormatFixed(v, 0) : report::FormatUsd(v); };
  auto mirror = [](const std::optional<measure::Mirror>& m) { return m ? report::FormatFixed(m->gap_pct, 1) : "-"; };
  // A flow the data do not give at all is "-", not zero.
  const bool both = p.reports_exports && p.reports_imports;
  return {dataset,
          std::to_string(year),
          p.partner,
          p.reports_exports ? money(p.totals.exports) : "-",
          p.reports_imports ? money(p.totals.imports) : "-",
          both ? money(p.totals.total()) : "-",
          both ? money(p.totals.balance()) : "-",
          Opt(growth, 1),
          Rank(p.standing),
          Rank(p.partner_standing),
          Opt(p.intensity, 2),
          Opt(p.complementarity, 1),
          Opt(p.grubel_lloyd, 3),
          p.concentration ? report::FormatFixed(p.concentration->hhi, 3) : "-",
          mirror(p.mirror_exports),
          mirror(p.mirror_imports)};
}

void RegisterIngestTrade(const CommandRoots& roots, std::vector<Command>* commands, const std::string& dataset) {
  auto opts = std::make_shared<app::IngestTradeOptions>();
  opts->workspace = ".";
  opts->dataset = dataset;
  std::string help;
  if (dataset == "comtrade") {
    help = "Ingest UN Comtrade CSV files (the legacy 35-column bulk layout or the current API columns). "
           "Each reporter's statements are kept as given, so mirror gaps can be measured.";
  } else if (dataset == "baci") {
    help = "Ingest CEPII BACI yearly files (t,i,j,k,v,q), with BACI's country code file (and product code file, "
           "if given or found beside the data). One reconciled figure per exporter-importer flow.";
  } else if (dataset == "imf_dots") {
    help = "Ingest IMF Direction of Trade Statistics extracts (reporter,partner,flow,year,value_usd_mn,estimated): "
           "each reporter's annual exports (FOB) and imports (CIF) with every partner, so mirror gaps, shares and "
           "ranks work for any pair. IMF aggregates and former states ('_ADV', '_SUN', ...) are listed and skipped.";
  } else {
    help = "Ingest World Bank WDI CSV files (the wide bulk download with its preamble, long format "
           "country_code,Country,year,indicator_name,series,value, or wbgapi's economy,SERIES,SERIES:T). GDP, "
           "growth and population feed the report's outlook.";
  }
  CLI::App* sub = roots.ingest->add_subcommand(
      dataset == "imf_dots" ? "imf-dots" : dataset, help + " A file already ingested is skipped; " +
                   (dataset == "wdi" ? "an observation" : "a flow") +
                   " already stored from another file is reported with that file and line, not stored twice.");
  sub->add_option("FILES", opts->files, "Data files")->required()->check(CLI::ExistingFile);
  sub->add_option("-w,--workspace", opts->workspace, "Workspace folder")->capture_default_str();
  if (dataset == "baci") {
    sub->add_option("--countries", opts->baci_countries,
                    "BACI country code file (default: country_codes_*.csv beside the first file)")
        ->check(CLI::ExistingFile);
    sub->add_option("--products", opts->baci_products,
                    "BACI product code file (default: product_codes_*.csv beside the first file, if any)")
        ->check(CLI::ExistingFile);
  }
  sub->add_option("--max-issue-ratio", opts->max_issue_ratio,
                  "Refuse a file (store nothing of it) when more than this share of its rows has problems")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  sub->footer(kExitCodesHelp);
  commands->push_back({sub, [opts] {
    const bool tty = ::isatty(2);
    app::TradeProgressFn progress;
    if (tty) {
      progress = [](size_t file, uint64_t rows) {
        std::fprintf(stderr, "\rfile %zu: %.1fM rows stored...   ", file + 1, rows / 1e6);
      };
    }
    auto result = app::IngestTrade(*opts, Countries(), progress);
    if (tty) std::fprintf(stderr, "\r%60s\r", "");
    if (!result.ok()) {
      // A code file that is missing or not BACI's is refused input, as a data file would be.
      if (result.status().code() == StatusCode::kInvalidArgument) {
        std::cerr << "bilat: " << result.status().message() << "\n";
        return kExitBadInput;
      }
      return Fail(result.status());
    }
    int exit_code = kExitOk;
    for (const auto& f : result->files) {
      using State = app::TradeFileOutcome::State;
      if (f.state == State::kAlreadyIngested) {
        std::cout << f.path << ": already ingested (same content), skipped\n";
        continue;
      }
      if (f.state == State::kFailed) {
        std::cerr << "bilat: " << f.error << "\n";
        exit_code = std::max(exit_code, ExitCodeForFileError(f.error_code));
        continue;
      }
      std::cout << f.path << ": " << f.layout << ", " << f.rows_read << " rows read";
      if (f.state == State::kTooManyIssues) {
        std::cout << ", " << f.issues << " with problems: NOT stored (more than "
                  << report::FormatPct(opts->max_issue_ratio * 100) << "; see --max-issue-ratio)\n";
        exit_code = std::max(exit_code, kExitBadInput);
      } else {
        std::cout << ", " << f.stored << (opts->dataset == "wdi" ? " observations" : " flows") << " stored";
        if (!f.years.empty()) {
          std::cout << " (" << f.years.front();
          if (f.years.size() > 1) std::cout << "-" << f.years.back();
          std::cout << ")";
        }
        std::cout << ", " << f.duplicates << " already stored from other files, " << f.issues
                  << (f.issues == 1 ? " issue" : " issues");
        if (f.missing) std::cout << ", " << f.missing << " empty values (missing in the source; nothing to store)";
        if (f.seconds > 0) std::cout << ", " << report::FormatFixed(f.seconds, 2) << " s";
        std::cout << "\n";
      }
      for (const std::string& s : f.sample_issues) std::cout << "  " << s << "\n";
      if (!f.skipped_codes.empty()) {
        std::cout << "  " << f.rows_skipped << " rows skipped on purpose (not countries):\n";
        for (const std::string& s : f.skipped_codes) std::cout << "    " << s << "\n";
      }
      if (f.issues > f.sample_issues.size()) {
        std::cout << "  ... " << (f.issues - f.sample_issues.size())
                  << " more (all in the workspace's trade_issues table)\n";
      }
    }
    return exit_code;
  }});
}

// ---- stated figures (the registry's trade.csv) ------------------------

// A figure as the source gives it: 14334000000, 11.3 (no rounding).
std::string Plain(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string StatedValue(const app::StatedTradeFigure& s) {
  std::string v = s.currency == "USD" ? report::FormatUsd(s.value) : report::FormatMoney(s.value, s.currency);
  if (s.qualifier == "at_least") return "at least " + v;
  if (s.qualifier == "about") return "about " + v;
  if (s.qualifier == "at_most") return "at most " + v;
  return v;
}

// "total", "CHN exports to KAZ", "KAZ imports from CHN".
std::string StatedFlow(const app::StatedTradeFigure& s) {
  if (s.flow == "export") return s.exporter + " exports to " + s.importer;
  if (s.flow == "import") return s.importer + " imports from " + s.exporter;
  return s.flow;
}

// The registry row a figure rests on, for following it up.
std::string RecordId(const Record* r) { return r ? r->Text("id") : std::string(); }

// The other side's figure in a mirror gap.
const Record* MirrorWith(const app::StatedTradeFigure& s) {
  if (!s.mirror) return nullptr;
  return s.mirror->a == s.record ? s.mirror->b : s.mirror->a;
}

const char* kStatedColumns[] = {"dataset", "year", "period", "reporter", "flow", "exporter", "importer", "value",
                                "currency", "qualifier", "stated growth %", "computed growth %", "growth from",
                                "mirror gap %", "mirror gap with", "id", "source", "locator", "registry"};

// Empty cells for what is not stated or not computed, as in trade.csv.
std::vector<std::vector<std::string>> StatedCsv(const app::TradeAnswer& t) {
  std::vector<std::vector<std::string>> table;
  table.emplace_back(std::begin(kStatedColumns), std::end(kStatedColumns));
  for (const app::StatedTradeFigure& s : t.stated) {
    table.push_back({app::kStatedDataset, std::to_string(s.year), s.period, s.reporter, s.flow, s.exporter,
                     s.importer, Plain(s.value), s.currency, s.qualifier,
                     s.stated_growth_pct ? Plain(*s.stated_growth_pct) : "",
                     s.computed_growth_pct ? report::FormatFixed(*s.computed_growth_pct, 1) : "",
                     RecordId(s.growth_from), s.mirror ? report::FormatFixed(s.mirror->gap_pct, 1) : "",
                     RecordId(MirrorWith(s)), RecordId(s.record), s.record->Text("source_id"),
                     s.record->Text("locator"), s.record->Origin()});
  }
  return table;
}

void PrintStatedTable(const app::TradeAnswer& t) {
  std::cout << "Stated trade figures of " << t.a << " and " << t.b
            << " from the registry (trade.csv), as their sources state them, not ingested statistics; "
               "- = not stated or not computable:\n";
  std::vector<std::vector<std::string>> table = {{"year", "period", "reporter", "flow", "value", "stated growth %",
                                                  "computed growth %", "growth from", "source", "registry"}};
  for (const app::StatedTradeFigure& s : t.stated) {
    table.push_back({std::to_string(s.year), s.period.empty() ? "full year" : s.period,
                     s.reporter.empty() ? "not stated" : s.reporter, StatedFlow(s), StatedValue(s),
                     Opt(s.stated_growth_pct, 1), Opt(s.computed_growth_pct, 1),
                     s.growth_from ? s.growth_from->Origin() : "-", s.record->Text("source_id"), s.record->Origin()});
  }
  PrintTable(table);
  std::cout << "computed growth: on the reporter's full-year total the year before (for other figures that state a "
               "growth: on their source's figure the year before); never from a bound\n";
  if (t.mirror_gaps.empty()) return;
  std::cout << "\nMirror gaps between the two sides' stated full-year totals, 100 (" << t.a << "'s / " << t.b
            << "'s - 1) (imports are valued CIF, exports FOB; the sides also count transit and re-exports "
               "differently):\n";
  std::vector<std::vector<std::string>> gaps = {
      {"year", t.a + " states", t.b + " states", "gap %", t.a + "'s figure", t.b + "'s figure"}};
  for (const measure::MirrorGap& g : t.mirror_gaps) {
    gaps.push_back({std::to_string(g.year), report::FormatUsd(g.a->Number("value").value_or(0)),
                    report::FormatUsd(g.b->Number("value").value_or(0)), report::FormatFixed(g.gap_pct, 1),
                    g.a->Origin(), g.b->Origin()});
  }
  PrintTable(gaps);
}

struct TradeCommandOptions {
  app::TradeQuery query;
  std::vector<std::string> countries;
  std::string format = "table";
};

std::vector<std::vector<std::string>> IndicatorTable(const app::TradeAnswer& t, bool csv) {
  std::vector<std::vector<std::string>> table;
  table.emplace_back(std::begin(kColumns), std::end(kColumns));
  for (const app::TradeIndicatorRow& r : t.rows) table.push_back(Cells(r.dataset, r.year, r.p, r.total_growth_pct, csv));
  return table;
}

void PrintIndicatorsTable(const app::TradeAnswer& t) {
  std::set<std::string> shown;
  for (const app::TradeIndicatorRow& r : t.rows) shown.insert(r.dataset);
  std::cout << t.a << (!t.b.empty() ? " with " + t.b : std::string(" with each partner"))
            << ": US dollars" << (shown.count("comtrade") ? "; comtrade: as " + t.a + " reports them" : "")
            << (shown.count("baci") ? "; baci: reconciled flows" : "") << "; - = not in the data\n";
  PrintTable(IndicatorTable(t, /*csv=*/false));
  for (const app::TradeChapters& c : t.chapters) {
    if (c.top.empty()) continue;
    std::cout << "\n" << t.a << "'s largest export chapters to the world, " << c.dataset << " " << c.year;
    if (c.countries < measure::kMinCountriesForRca) {
      std::cout << " (RCA not shown: the data hold " << c.countries << (c.countries == 1 ? " country" : " countries")
                << ", fewer than " << measure::kMinCountriesForRca << ")";
    }
    std::cout << ":\n";
    std::vector<std::vector<std::string>> ct = {{"chapter", "name", "exports", "share", "RCA"}};
    for (const measure::ChapterExport& e : c.top) {
      ct.push_back({e.chapter, HsChapterName(e.chapter), report::FormatUsd(e.value_usd),
                    report::FormatPct(100 * e.share),
                    e.rca && c.countries >= measure::kMinCountriesForRca ? report::FormatFixed(*e.rca, 2) : "-"});
    }
    PrintTable(ct);
  }
}

void RegisterTradeCommand(const CommandRoots& roots, std::vector<Command>* commands) {
  auto o = std::make_shared<TradeCommandOptions>();
  CLI::App* sub = roots.root->add_subcommand(
      "trade", "What the workspace holds about trade. For A and B: the indicators from ingested Comtrade or BACI "
               "flows, every year, and the trade figures the registry states for the pair (trade.csv, with the "
               "mirror gap where both sides state a year's total). For A alone: A against each of its partners in "
               "the latest year A has data (or --year). Formulas: docs/trade_indicators.md.");
  sub->add_option("COUNTRIES", o->countries, "A, or A and B (names or ISO codes; B may be WLD, the world)")
      ->required()
      ->expected(1, 2);
  sub->add_option("-w,--workspace", o->query.workspace, "Workspace folder")->capture_default_str();
  sub->add_option("--dataset", o->query.dataset,
                  "comtrade, baci, or registry (the stated figures of a pair) (default: all of them)");
  sub->add_option("--year", o->query.year, "Only this year");
  sub->add_option("--format", o->format, "table, csv or json")
      ->capture_default_str()
      ->check(CLI::IsMember({"table", "csv", "json"}));
  sub->footer(
      "JSON: country = A, partner = B; partner_in_country_trade = B's share of A's trade and B's rank among A's "
      "partners, country_in_partner_trade = the reverse; shares in percent. "
      "Columns: exports and imports as A reports them (BACI: its one reconciled figure); partner share = B's "
      "share of A's trade and B's rank among A's partners; share in partner = A in B's trade; intensity of A's "
      "exports to B (1 = neutral); complementarity of A's exports with B's imports (0-100); Grubel-Lloyd "
      "intra-industry trade (0-1); HHI of A's exports to B over products; mirror gaps = 100 (A's exports / B's "
      "reported imports - 1) and the same for B's exports (imports are valued CIF, exports FOB, so a few "
      "percent below zero is normal).\n"
      "Stated figures (dataset registry; JSON objects and a second CSV table after a blank line): each trade.csv "
      "row of the pair as its source states it, with its id, source, locator and registry file:line; computed "
      "growth from the registry's own figures; mirror gap % = 100 (A's stated total / B's - 1) on both rows. "
      "Every column: docs/trade_indicators.md.\n" +
      std::string(kExitCodesHelp));
  commands->push_back({sub, [o] {
    app::TradeQuery q = o->query;
    q.a = o->countries[0];
    q.b = o->countries.size() == 2 ? o->countries[1] : "";
    auto answer = app::QueryTrade(q, Countries());
    if (!answer.ok()) return Fail(answer.status());
    const app::TradeAnswer& t = *answer;
    if (o->format == "json") {
      std::cout << app::TradeAnswerJson(t) << "\n";
    } else if (o->format == "csv") {
      // One table per kind of row, each with its header, a blank line between.
      if (!t.rows.empty()) PrintCsv(IndicatorTable(t, /*csv=*/true));
      if (!t.rows.empty() && !t.stated.empty()) std::cout << "\n";
      if (!t.stated.empty()) PrintCsv(StatedCsv(t));
    } else {
      const bool stated_only = o->query.dataset == app::kStatedDataset;
      if (!t.rows.empty()) {
        PrintIndicatorsTable(t);
      } else if (!stated_only) {
        // Only stated figures to show: say first that they stand in for none.
        std::cout << t.a << " with " << t.b << ": "
                  << (t.flows_ingested ? "no trade flows of the pair in the ingested data" +
                                             (o->query.year ? " for " + std::to_string(o->query.year) : std::string())
                                       : std::string("no trade statistics ingested in the workspace"))
                  << " (bilat ingest comtrade|baci FILE adds them)\n";
      }
      if (!t.stated.empty()) {
        if (!stated_only) std::cout << "\n";
        PrintStatedTable(t);
      }
    }
    return kExitOk;
  }});
}

}  // namespace

void RegisterTradeCommands(const CommandRoots& roots, std::vector<Command>* commands) {
  RegisterIngestTrade(roots, commands, "comtrade");
  RegisterIngestTrade(roots, commands, "baci");
  RegisterIngestTrade(roots, commands, "wdi");
  RegisterIngestTrade(roots, commands, "imf_dots");
  RegisterTradeCommand(roots, commands);
}

}  // namespace bilat::cli
