// Trade figures, money, percentages and quantities.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "core/text.h"
#include "ingest/text/dates.h"
#include "ingest/text/extractor_run.h"
#include "ingest/text/numbers.h"
#include "ingest/text/sentence.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {
namespace {

// The months a country's fiscal year runs, for trade figures dated by one
// ("2021-22"); "" where it is the calendar year.
std::string_view FiscalYear(std::string_view alpha3) {
  static constexpr std::pair<std::string_view, std::string_view> kYears[] = {
      {"IND", "Apr-Mar"}, {"JPN", "Apr-Mar"}, {"GBR", "Apr-Mar"}, {"CAN", "Apr-Mar"}, {"HKG", "Apr-Mar"},
      {"PAK", "Jul-Jun"}, {"BGD", "Jul-Jun"}, {"AUS", "Jul-Jun"}, {"EGY", "Jul-Jun"}, {"NZL", "Jul-Jun"},
      {"KEN", "Jul-Jun"}, {"NPL", "Jul-Jul"}, {"USA", "Oct-Sep"}};
  for (const auto& [c, fy] : kYears) {
    if (c == alpha3) return fy;
  }
  return "";
}

}  // namespace

// ---------------------------------------------------------------------------
// Trade figures, money, percentages, quantities.

void DocumentRun::FindFigures(const SentenceView& s, const std::vector<Actor>& actors,
                              const std::vector<DatedMention>& dates, const std::vector<uint32_t>& seg) {
  std::vector<bool> skip(s.size, false);
  for (const DatedMention& d : dates) {
    for (uint32_t k = d.m.begin; k < d.m.end; ++k) skip[k] = true;
  }
  std::vector<NumberMention> nums = FindNumbers(s, skip);
  bool election = false;
  for (uint32_t k = 0; k < s.size; ++k) election |= s.Is(k, kElection);

  // The date of a figure: its own clause, else the last date before it,
  // else the story's statistics period.
  auto figure_date = [&](uint32_t at, bool allow_target, bool* found) -> TextDate {
    *found = true;
    int best = -1;
    uint32_t best_dist = 1000;
    for (size_t k = 0; k < dates.size(); ++k) {
      const DatedMention& d = dates[k];
      if (d.m.role == DateRole::kBaseline || d.nominal) continue;
      if (!allow_target && d.m.role == DateRole::kTarget) continue;
      if (seg[d.m.begin] != seg[at]) continue;
      uint32_t dist = d.m.begin > at ? d.m.begin - at : at - d.m.begin;
      if (dist < best_dist) {
        best = static_cast<int>(k);
        best_dist = dist;
      }
    }
    if (best < 0) {
      for (size_t k = 0; k < dates.size(); ++k) {
        const DatedMention& d = dates[k];
        if (d.m.role == DateRole::kBaseline || d.nominal || d.m.role == DateRole::kTarget) continue;
        if (d.m.end <= at) best = static_cast<int>(k);
      }
    }
    // "exports stood at $230 million, while imports reached $6.5 billion,
    // in 2022": the sentence's date after it, before the story's.
    if (best < 0) {
      for (size_t k = 0; k < dates.size() && best < 0; ++k) {
        const DatedMention& d = dates[k];
        if (d.m.role == DateRole::kBaseline || d.nominal || d.m.role == DateRole::kTarget || d.background) continue;
        if (d.m.begin > at) best = static_cast<int>(k);
      }
    }
    if (best >= 0) return dates[best].m.date;
    *found = false;
    return {};
  };
  // The date stated right after an amount is its own, before a nearer one
  // that ends the amount before it: "X in 2021 and Y (about $27bn) in the
  // third quarter of 2022".
  auto date_right_after = [&](uint32_t amount_end) -> const DatedMention* {
    uint32_t k = amount_end;
    if (s.IsWord(k, "(")) {
      while (k < s.size && k < amount_end + 8 && !s.IsWord(k, ")")) ++k;
      ++k;
    }
    if (!(s.IsWord(k, "in") || s.IsWord(k, "during") || s.IsWord(k, "for"))) return nullptr;
    for (const DatedMention& d : dates) {
      if (d.m.role == DateRole::kBaseline || d.m.role == DateRole::kTarget || d.nominal) continue;
      if (d.m.begin >= k && d.m.begin <= k + 2) return &d;
    }
    return nullptr;
  };
  // A count or measure's date: the figure's own, else the sentence's or the
  // story's; never a period (a quantity is a total at a time).
  auto quantity_date = [&](uint32_t at) {
    bool found = false;
    TextDate d = figure_date(at, false, &found);
    if (!found) {
      int strength;
      d = DateOrContext({}, -1, &strength);
    }
    d.period.clear();
    return d;
  };

  // A multiple compares two times: "four times that of 2005" in a sentence
  // about last year, "tripled from $4.4 billion in 2006 to $15 billion last
  // year". Its date is the span from the earliest to the latest year the
  // sentence states; else the multiple's own date.
  auto multiple_date = [&](uint32_t at) {
    TextDate own = quantity_date(at);
    int first = own.year, last = own.year;
    for (const DatedMention& d : dates) {
      if (d.nominal || !d.m.date.year || d.m.role == DateRole::kTarget) continue;
      const int y = d.m.date.year, y2 = d.m.date.end_year ? d.m.date.end_year : y;
      if (!first || y < first) first = y;
      if (!last || y2 > last) last = y2;
    }
    if (!first || first == last || (first != own.year && last != own.year)) return own;
    TextDate span = TextDate::Year(first);
    span.end_year = last;
    return span;
  };
  // Baseline amounts: "up from $4 billion", "compared with $5 billion".
  auto is_baseline_amount = [&](const NumberMention& m) {
    uint32_t b = m.begin;
    for (uint32_t k = b >= 4 ? b - 4 : 0; k < b; ++k) {
      if (s.Is(k, kBaseline) && !(s.IsWord(k, "than") && k > 0 && (s.IsWord(k - 1, "more") || s.IsWord(k - 1, "less")))) return true;
      if (s.IsWord(k, "from") && k > 0 && (s.Is(k - 1, kGrowthUp) || s.Is(k - 1, kGrowthDown))) return true;
    }
    // "from $2.1 billion in 2010 to almost $9 billion": the first of two.
    if (b > 0 && s.IsWord(b - 1, "from")) {
      for (uint32_t k = m.end; k < s.size && k < m.end + 6; ++k) {
        if (s.IsWord(k, "to") && (s.IsKind(k + 1, TokenKind::kCurrency) || s.IsKind(k + 1, TokenKind::kNumber) ||
                                  s.Is(k + 1, kHedge) || s.IsWord(k + 1, "almost") || s.IsWord(k + 1, "nearly"))) {
          return true;
        }
      }
    }
    return false;
  };

  // A trade word naming a body or an office is no flow: "commerce
  // minister", "the Ministry of Commerce", "trade representative".
  auto flow_word = [&](uint32_t k) {
    if (!(s.Is(k, kTrade) || s.Is(k, kExport) || s.Is(k, kImport))) return false;
    static const char* kBodies[] = {"minister", "ministers", "ministry", "secretary", "department", "representative",
                                    "official", "officials", "chamber", "council", "commission", "bureau",
                                    "office", "envoy", "delegation", "committee", "attache", "war", "dispute"};
    for (const char* b : kBodies) {
      if (s.IsWord(k + 1, b)) return false;
    }
    if (k >= 2 && s.IsWord(k - 1, "of") && (s.IsWord(k - 2, "ministry") || s.IsWord(k - 2, "minister") ||
                                             s.IsWord(k - 2, "department") || s.IsWord(k - 2, "chamber"))) {
      return false;
    }
    return true;
  };

  const size_t quantities_before = out_.quantities.size();
  std::vector<int> trade_of(nums.size(), -1);  // index into out_.trade
  std::vector<bool> used(nums.size(), false);
  int last_trade_flow_seg = -1;
  std::string last_flow;
  std::set<int> countries = SentenceCountries(actors);

  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& m = nums[n];
    if (m.kind != NumberKind::kMoney) continue;
    // A conversion is not a second amount: "40 billion rand ($2.2bn)", and
    // an exchange-rate note ("$1 = 18.2 rand") is no amount at all.
    if ((m.begin > 0 && s.IsWord(m.begin - 1, "(") && n > 0 && nums[n - 1].kind == NumberKind::kMoney &&
         nums[n - 1].end + 1 == m.begin) ||
        s.IsWord(m.end, "=") || (m.begin > 0 && s.IsWord(m.begin - 1, "="))) {
      used[n] = true;
      continue;
    }
    // A comparison base is a figure only with its own date: "grew from
    // $21.4 billion in 2020 to ..." states 2020's trade; "up from $4
    // billion" alone states nothing new.
    const DatedMention* own_date = nullptr;
    if (is_baseline_amount(m)) {
      for (const DatedMention& d : dates) {
        if (d.m.begin >= m.end && d.m.begin <= m.end + 1 && !d.nominal) own_date = &d;
      }
      if (!own_date) {
        used[n] = true;
        continue;
      }
    }
    // A balance is neither a flow nor money (SCORING.md): "an $18.6
    // billion trade deficit", "a surplus of $5 billion".
    bool balance = false;
    for (uint32_t k = m.end; k < s.size && k < m.end + 3; ++k) {
      balance |= s.IsWord(k, "deficit") || s.IsWord(k, "surplus") || s.IsWord(k, "deficits") || s.IsWord(k, "surpluses");
    }
    if (m.begin >= 2 && s.IsWord(m.begin - 1, "of") &&
        (s.IsWord(m.begin - 2, "deficit") || s.IsWord(m.begin - 2, "surplus") || s.IsWord(m.begin - 2, "imbalance"))) {
      balance = true;
    }
    if (balance) {
      used[n] = true;
      continue;
    }
    uint32_t at = m.value_begin;
    uint32_t sg = seg[at];
    bool part = false;
    for (uint32_t k = 0; k + 1 < at; ++k) {
      if (seg[k] == sg && s.IsWord(k, "of") && s.IsWord(k + 1, "which")) part = true;
    }
    // The nearest trade word in the clause.
    int trig = -1;
    uint32_t trig_dist = 1000;
    for (uint32_t k = 0; k < s.size; ++k) {
      if (seg[k] != sg) continue;
      if (!flow_word(k)) continue;
      uint32_t dist = k > at ? k - at : at - k;
      if (dist < trig_dist) {
        trig = static_cast<int>(k);
        trig_dist = dist;
      }
    }
    bool invest = false, deal = false, target = false;
    // "trade worth $3.1 billion", "a trade value of", "exports in value":
    // a value word on a flow word describes the flow, not a deal.
    // Also "trade in goods between the EU and Kenya was worth EUR 3.3
    // billion": the flow word is the subject of "worth".
    auto flow_value = [&](uint32_t k) {
      if (!(s.IsWord(k, "worth") || s.IsWord(k, "valued") || s.IsWord(k, "value"))) return false;
      if (k > 0 && s.IsWord(k - 1, "in")) return true;
      for (uint32_t q = k >= 2 ? k - 2 : 0; q < k; ++q) {
        if (s.Is(q, kTrade) || s.Is(q, kExport) || s.Is(q, kImport)) return true;
      }
      if (k > 0 && (s.IsWord(k - 1, "was") || s.IsWord(k - 1, "were") || s.IsWord(k - 1, "is"))) {
        for (uint32_t q = k >= 12 ? k - 12 : 0; q < k; ++q) {
          if (seg[q] == seg[k] && (s.Is(q, kTrade) || s.Is(q, kExport) || s.Is(q, kImport)) &&
              !s.Is(q, kAgreement)) {
            return true;
          }
        }
      }
      return false;
    };
    for (uint32_t k = 0; k < s.size; ++k) {
      if (seg[k] != sg) continue;
      uint32_t dist = k > at ? k - at : at - k;
      if (s.Is(k, kInvest) && dist < trig_dist && !flow_value(k)) invest = true;
      if ((s.Is(k, kAgreement) || s.IsWord(k, "worth") || s.IsWord(k, "valued")) && trig >= 0 && !flow_value(k) &&
          ((k > static_cast<uint32_t>(trig) && k < at) || (k < static_cast<uint32_t>(trig) && k > at))) {
        deal = true;
      }
      if ((s.Is(k, kTargetVerb) && k > 0 && s.IsWord(k - 1, "to")) || s.Is(k, kIntend) || s.IsWord(k, "target") ||
          s.IsWord(k, "goal") || s.IsWord(k, "aim")) {
        target = true;
      }
      // A forecast is not a reported figure: "trade could reach $50 billion".
      // ("may" the verb, not the month of "January-May 2021").
      if (k < at && (s.IsWord(k, "could") || s.IsWord(k, "would") || (s.IsWord(k, "may") && !s.Cap(k)) ||
                     s.IsWord(k, "might") ||
                     s.IsWord(k, "should") || s.IsWord(k, "projected") || s.IsWord(k, "forecast") ||
                     s.IsWord(k, "expected"))) {
        target = true;
      }
    }
    for (const DatedMention& d : dates) {
      if (d.m.role == DateRole::kTarget && seg[d.m.begin] == sg) target = true;
    }
    for (uint32_t k = 0; k < s.size; ++k) {
      if (s.Is(k, kFuture) && seg[k] == sg && k < at) target = true;
    }
    bool trig_from_before = false;
    // "..., reaching almost $6.1 billion": a participle clause goes on about
    // the trade of the clause before it.
    if (trig < 0 && sg > 0) {
      uint32_t start = at;
      while (start > 0 && seg[start - 1] == sg) --start;
      // Also "exports grew at a similar pace: from $5.3 billion in 2006 to ...".
      // Also "imports rose too: from $1.2 billion in 2012 to ...", and a
      // relative clause on the trade: "trade, which reached ...".
      bool relative = s.IsWord(start, "which") && (s.Is(start + 1, kValueVerb) || s.Is(start + 1, kGrowthUp) ||
                                                    s.Is(start + 1, kGrowthDown) || s.IsWord(start + 1, "was") ||
                                                    s.IsWord(start + 1, "stood"));
      // "..., and in January-May 2021 it reached USD 1.97 billion": "it",
      // "the figure", "the volume" stand for the trade just told.
      bool anaphor = false;
      for (uint32_t k = start; k + 1 < at; ++k) {
        if ((s.IsWord(k, "it") || s.IsWord(k, "figure") || s.IsWord(k, "volume") || s.IsWord(k, "turnover")) &&
            (s.Is(k + 1, kValueVerb) || s.Is(k + 1, kGrowthUp) || s.Is(k + 1, kGrowthDown) ||
             s.IsWord(k + 1, "was") || s.IsWord(k + 1, "stood"))) {
          anaphor = true;
        }
      }
      bool continues = s.Is(start, kValueVerb) || s.Is(start, kGrowthUp) || s.Is(start, kGrowthDown) ||
                       s.IsWord(start, "and") || s.IsWord(start, "-") || s.IsWord(start, "from") || relative || anaphor;
      if (continues && s.Low(start).size() > 4 && s.Low(start).substr(s.Low(start).size() - 3) != "ing" &&
          !s.IsWord(start, "and") && !s.IsWord(start, "-") && !relative && !anaphor) {
        continues = false;
      }
      if (continues) {
        uint32_t dist = 1000;
        for (uint32_t k = 0; k < start; ++k) {
          if (seg[k] + 1 != sg) continue;
          if (!flow_word(k)) continue;
          if (at - k < dist) {
            trig = static_cast<int>(k);
            dist = at - k;
          }
        }
        if (trig >= 0) trig_dist = 0;
      }
    }
    // "In 1990, trade was $1.7 billion. A decade later, it was $4.5
    // billion.": "it" opening a sentence with no flow word of its own is the
    // trade of the sentence before.
    if (trig < 0 && !prev_sentence_flow_.empty()) {
      uint32_t start = at;
      while (start > 0 && seg[start - 1] == sg) --start;
      bool flowless = true;
      for (uint32_t k = 0; k < s.size; ++k) flowless &= !flow_word(k);
      for (uint32_t k = start; flowless && k + 1 < at; ++k) {
        if (s.IsWord(k, "it") && (s.Is(k + 1, kValueVerb) || s.IsWord(k + 1, "was") || s.IsWord(k + 1, "stood") ||
                                  s.Is(k + 1, kGrowthUp) || s.Is(k + 1, kGrowthDown))) {
          trig_from_before = true;
        }
      }
    }
    std::string flow;
    if (trig_from_before) {
      flow = prev_sentence_flow_;
    } else if (trig >= 0) {
      flow = s.Is(trig, kExport) ? "exports" : (s.Is(trig, kImport) ? "imports" : "total");
      // "exports and imports reached $X" is the total; "EU exports of EUR 2.0
      // billion and imports from Kenya of EUR 1.3 billion" keep their flows.
      if (flow != "total") {
        for (uint32_t k = 0; k + 2 < s.size; ++k) {
          if (seg[k] != sg || !(s.Is(k, kExport) || s.Is(k, kImport))) continue;
          const uint32_t j = s.IsWord(k + 1, "and") || s.Str(k + 1) == "-" || s.Str(k + 1) == "," ||
                                     s.Str(k + 1) == "&" || s.Str(k + 1) == "/"
                                 ? k + 2
                                 : k + 1;
          if (j > k + 1 && ((s.Is(k, kExport) && s.Is(j, kImport)) || (s.Is(k, kImport) && s.Is(j, kExport)))) {
            flow = "total";
          }
        }
      }
    } else if (last_trade_flow_seg >= 0 && static_cast<int>(sg) == last_trade_flow_seg + 1 && !invest) {
      // "..., and at year-end 2024 - $22,071 billion": the clause goes on
      // about the trade of the one before.
      bool bare = true;
      for (uint32_t k = 0; k < s.size; ++k) {
        if (seg[k] == sg && s.tokens[k].kind == TokenKind::kWord && !s.Is(k, kConjunction) &&
            !s.Is(k, kPreposition) && !skip[k] && !(k >= m.begin && k < m.end) && !s.Is(k, kScale) &&
            !s.Is(k, kDeterminer)) {
          bare = false;
        }
      }
      if (bare) flow = last_flow;
    }
    bool is_trade = !flow.empty() && !part && !invest && !deal && !target;
    // "the World Bank, which approved a $2 billion loan":
    // money an international body gives is not the pair's.
    if (!is_trade) {
      bool third = false;
      for (const Actor& a : actors) {
        if (a.end > at) break;
        if (a.kind == ActorKind::kOrg && a.country < 0 && at - a.end <= 8) third = true;
        else if (third && (a.country == pair_[0] || a.country == pair_[1])) third = false;
      }
      if (third) {
        used[n] = true;
        continue;
      }
    }
    if (!is_trade) {
      // Money: investments, deals, targets, parts of trade ("of which").
      Money mo;
      mo.value = m.value;
      mo.unit = m.Unit();
      mo.qualifier = m.qualifier;
      bool found = own_date != nullptr;
      mo.date = own_date ? own_date->m.date : figure_date(at, true, &found);
      if (!found) {
        int strength;
        mo.date = DateOrContext({}, -1, &strength);
      }
      mo.date.period.clear();
      mo.what = SpanText(s, seg[at] == 0 ? 0 : [&] { uint32_t k = at; while (k > 0 && seg[k - 1] == sg) --k; return k; }(), std::min<uint32_t>(s.size, m.end + 6));
      mo.confidence = 0.7;
      mo.evidence = MakeEvidence(s);
      out_.money.push_back(std::move(mo));
      used[n] = true;
      continue;
    }
    TradeFigure tf;
    if (!own_date) own_date = date_right_after(m.end);
    bool found = own_date != nullptr;
    TextDate d = own_date ? own_date->m.date : figure_date(at, false, &found);
    if (!found) d = period_.IsSet() ? period_ : TextDate::Year(doc_.writing_date().year);
    // A figure whose year cannot be resolved is still a figure, with no year.
    tf.year = d.year;
    tf.period = d.period;
    // "$7.4 billion of trade in 2021-22": two consecutive years
    // are a fiscal year, April to March in India, July to June in Pakistan.
    if (d.end_year == d.year + 1) {
      tf.end_year = d.end_year;
      for (int c : {pair_[0], pair_[1]}) {
        std::string_view fy = c >= 0 ? FiscalYear(g_.Alpha3(c)) : std::string_view();
        if (!fy.empty() && tf.period.empty()) tf.period = std::string(fy);
      }
    }
    tf.value = m.value;
    tf.unit = m.Unit();
    tf.flow = flow;
    tf.qualifier = m.qualifier;
    // Direction of the goods: "exports to Kazakhstan", "imports from
    // Pakistan", "Uzbekistan importing ...", "Chinese exports"; what the
    // clause does not say comes from the sentence, then the text's pair.
    int to = -1, from = -1, subject = -1;
    std::vector<int> mentioned;  // countries of the sentence, in order
    for (const Actor& a : actors) {
      int c = a.country >= 0 ? a.country : (a.group >= 0 ? -2 - a.group : -1);
      if (c == -1) continue;
      if (std::find(mentioned.begin(), mentioned.end(), c) == mentioned.end()) mentioned.push_back(c);
      if (a.begin == 0 || seg[a.begin] != sg) continue;
      uint32_t p = a.begin - 1;
      if (s.IsWord(p, "the") && p > 0) --p;
      if (s.IsWord(p, "to")) to = c;
      if (s.IsWord(p, "from")) from = c;
      if (trig >= 0 && a.end <= static_cast<uint32_t>(trig) && a.end + 2 >= static_cast<uint32_t>(trig)) subject = c;
    }
    auto name = [&](int c) -> std::string {
      if (c >= 0) return g_.Alpha3(c);
      if (c <= -2) return g_.GroupName(-2 - c);
      return "";
    };
    // The sentence's country other than `c`, else the pair's.
    auto other = [&](int c) {
      for (int m : mentioned) {
        if (m != c && m != pair_[0] && m != pair_[1] && m >= 0 && (c == pair_[0] || c == pair_[1])) return m;
      }
      for (int m : mentioned) {
        if (m != c && (m == pair_[0] || m == pair_[1])) return m;
      }
      if (c == pair_[0]) return pair_[1];
      if (c == pair_[1]) return pair_[0];
      return pair_[0];
    };
    if (flow == "total") {
      int a = mentioned.size() >= 1 ? mentioned[0] : pair_[0];
      int b = mentioned.size() >= 2 ? mentioned[1] : other(a);
      if (b == a) b = other(a);
      // Reporters' convention: China first when it is one of the two.
      if (b == pair_[0] && a != pair_[0]) std::swap(a, b);
      tf.reporter_or_direction = name(a) + "-" + name(b);
    } else {
      if (flow == "exports") {
        if (from == -1 && subject != -1 && subject != to) from = subject;
      } else {
        if (to == -1 && subject != -1 && subject != from) to = subject;
      }
      if (from == -1 && to != -1) from = other(to);
      if (to == -1 && from != -1) to = other(from);
      if (to == -1 && from == -1) {
        int partner = pair_[1];
        for (int m : mentioned) {
          if (m != pair_[0]) {
            partner = m;
            break;
          }
        }
        from = flow == "exports" ? pair_[0] : partner;
        to = flow == "exports" ? partner : pair_[0];
      }
      tf.reporter_or_direction = name(from) + "->" + name(to);
    }
    // An agency named in the sentence is the source ("General Administration of Customs").
    for (const Actor& a : actors) {
      if (a.kind == ActorKind::kOrg && a.begin < at) {
        const std::string& kind = g_.organisation(a.org).kind;
        if (kind == "agency") tf.source = g_.organisation(a.org).name;
      }
    }
    tf.confidence = found ? 0.85 : 0.65;
    tf.evidence = MakeEvidence(s);
    trade_of[n] = static_cast<int>(out_.trade.size());
    out_.trade.push_back(std::move(tf));
    used[n] = true;
    last_trade_flow_seg = static_cast<int>(sg);
    last_flow = flow;
  }

  // Year-on-year growth of a trade figure: the percentage beside it.
  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& p = nums[n];
    if (p.kind != NumberKind::kPercent || used[n]) continue;
    bool growth = false, down = false;
    for (uint32_t k = p.begin >= 5 ? p.begin - 5 : 0; k < std::min<uint32_t>(s.size, p.end + 3); ++k) {
      // "up 32%", "32% y/y", "32 percent year on year".
      if (s.Is(k, kGrowthUp) || s.IsWord(k, "year-on-year") || s.IsWord(k, "yoy") ||
          (s.IsWord(k, "y") && s.IsWord(k + 1, "/") && s.IsWord(k + 2, "y")) ||
          (s.IsWord(k, "year") && s.IsWord(k + 2, "year") && (s.IsWord(k + 1, "on") || s.IsWord(k + 1, "-")))) {
        growth = true;
      }
      if (s.Is(k, kGrowthDown)) growth = down = true;
    }
    if (!growth) continue;
    // Its figure: one in the same clause ("rose by 26.8 percent to $18.25
    // billion"), else the one just before ("$31.17 billion, a year-on-year
    // increase of 23.6 percent"), else the one after ("increased by 26.8
    // percent ..., reaching almost $6.1 billion").
    int best = -1;
    uint32_t best_dist = 1000;
    for (int pass = 0; pass < 3 && best < 0; ++pass) {
      for (size_t q = 0; q < nums.size(); ++q) {
        if (trade_of[q] < 0 || out_.trade[trade_of[q]].yoy_pct) continue;
        const NumberMention& f = nums[q];
        bool before = f.end <= p.begin;
        if (pass == 0 && seg[f.value_begin] != seg[p.value_begin]) continue;
        if (pass == 1 && !before) continue;
        if (pass == 2 && before) continue;
        uint32_t dist = before ? p.begin - f.end : f.begin - p.end;
        if (dist < best_dist && dist < 30) {
          best = static_cast<int>(q);
          best_dist = dist;
        }
      }
    }
    if (best < 0) continue;
    // "an increase of 50 percent compared with 2015" for a 2022 figure is
    // growth over ten years: a percentage of its own, not year on year.
    bool over_years = false;
    for (const DatedMention& d : dates) {
      if (d.m.role == DateRole::kBaseline && d.m.begin >= p.end && d.m.begin <= p.end + 8 &&
          out_.trade[trade_of[best]].year != 0 && d.m.date.year + 1 != out_.trade[trade_of[best]].year) {
        over_years = true;
      }
    }
    if (over_years) continue;
    out_.trade[trade_of[best]].yoy_pct = down ? -p.value : p.value;
    used[n] = true;
  }

  for (size_t n = 0; n < nums.size(); ++n) {
    const NumberMention& m = nums[n];
    if (used[n]) continue;
    uint32_t at = m.value_begin;
    if (m.kind == NumberKind::kPercent) {
      if (election) continue;
      Percentage pc;
      pc.value_low = m.value;
      pc.value_high = m.value_high;
      // A decline is negative (SCORING.md): "cut its cost down by 32.8%",
      // "fell 12 percent"; not a level it fell to ("fell to 5%").
      for (uint32_t k = m.begin >= 3 ? m.begin - 3 : 0; k < m.begin; ++k) {
        if (s.Is(k, kGrowthDown) && !s.IsWord(m.begin - 1, "to") && !s.IsWord(m.begin - 1, "at") && pc.value_low > 0) {
          pc.value_low = -m.value_high;
          pc.value_high = -m.value;
        }
      }
      pc.qualifier = m.qualifier;
      bool found = false;
      pc.date = figure_date(at, true, &found);
      if (!found) {
        int strength;
        pc.date = DateOrContext({}, -1, &strength);
      }
      pc.date.period.clear();
      uint32_t b = at;
      while (b > 0 && seg[b - 1] == seg[at]) --b;
      pc.what = SpanText(s, b, std::min<uint32_t>(s.size, m.end + 4));
      pc.confidence = 0.7;
      pc.evidence = MakeEvidence(s);
      out_.percentages.push_back(std::move(pc));
      continue;
    }
    if (election) continue;
    // Quantities: a count of something relationship-relevant.
    double value = m.value;
    std::string unit;
    uint32_t noun = 0;
    if (m.kind == NumberKind::kCardinal || m.kind == NumberKind::kOrdinal) {
      if (m.kind == NumberKind::kOrdinal && m.value < 2) continue;
      if (m.range) continue;
      // "76 out of 89 entities": the total is not a count of its own.
      if (at >= 2 && s.IsWord(at - 1, "of") && s.IsWord(at - 2, "out")) continue;
      uint32_t k = m.end;
      // "24-hour work mode", "14 hours a day".
      if (m.kind == NumberKind::kCardinal && (s.IsWord(k, "hours") || (s.IsWord(k, "-") && s.IsWord(k + 1, "hour")))) {
        uint32_t h = s.IsWord(k, "-") ? k + 2 : k + 1;
        bool per_day = (s.IsWord(h, "a") || s.IsWord(h, "per")) && s.IsWord(h + 1, "day");
        for (uint32_t q = h; q < s.size && q < h + 3; ++q) {
          per_day |= s.IsWord(q, "mode") || s.IsWord(q, "regime") || s.IsWord(q, "schedule") ||
                     s.IsWord(q, "operation") || s.IsWord(q, "basis");
        }
        if (!per_day) continue;
        unit = "hours per day";
        noun = h;
      } else {
        // "the number of joint ventures exceeded 12,000": the count after its noun.
        if (m.kind == NumberKind::kCardinal && at >= 3) {
          uint32_t noun_at = 0;
          for (uint32_t q = at >= 10 ? at - 10 : 0; q + 2 < at; ++q) {
            if (s.IsWord(q, "number") && s.IsWord(q + 1, "of")) {
              for (uint32_t r = q + 2; r < at && r < q + 7; ++r) {
                if (s.Is(r, kCountNoun)) noun_at = r;
              }
            }
          }
          bool verb_between = false;
          for (uint32_t q = noun_at + 1; noun_at && q < at; ++q) {
            verb_between |= s.Is(q, kValueVerb) || s.Is(q, kAuxiliary) || s.Is(q, kGrowthUp) || s.IsWord(q, "exceeded") ||
                            s.IsWord(q, "stood");
          }
          if (noun_at && verb_between) {
            Quantity q;
            q.value = value;
            q.unit = s.lex[noun_at]->unit.empty() ? "count" : s.lex[noun_at]->unit;
            q.qualifier = m.qualifier;
            q.date = quantity_date(at);
            q.what = SpanText(s, noun_at >= 3 ? noun_at - 3 : 0, noun_at + 1);
            q.confidence = 0.65;
            q.evidence = MakeEvidence(s);
            out_.quantities.push_back(std::move(q));
            continue;
          }
        }
        // "During the trip, the third by the prime minister to ...": an
        // ordinal in apposition to a visit counts the visits.
        if (m.kind == NumberKind::kOrdinal && at >= 3 && s.IsWord(at - 1, "the") && s.IsWord(at - 2, ",") &&
            (s.IsWord(k, "by") || s.IsWord(k, "to") || s.IsWord(k, "in") || s.IsWord(k, "since") ||
             s.IsWord(k, "of"))) {
          bool visit_before = false;
          for (uint32_t q = at - 2; q-- > 0 && q + 5 > at;) visit_before |= s.Is(q, kVisitNoun);
          if (visit_before) {
            Quantity q;
            q.value = value;
            q.unit = "count";
            q.date = quantity_date(at);
            q.what = SpanText(s, at >= 4 ? at - 4 : 0, std::min<uint32_t>(s.size, m.end + 4));
            q.confidence = 0.65;
            q.evidence = MakeEvidence(s);
            out_.quantities.push_back(std::move(q));
            continue;
          }
        }
        // "76 out of 89 constituent entities": the count is the first number.
        if (s.IsWord(k, "out") && s.IsWord(k + 1, "of")) {
          k += 2;
          while (k < s.size && s.tokens[k].kind == TokenKind::kNumber) ++k;
        }
        uint32_t limit = k + 7;
        for (; k < s.size && k < limit; ++k) {
          if (s.Is(k, kCountNoun)) break;
          // "seven pairs of border ports": the measure word is transparent.
          if (s.IsWord(k, "pairs") || s.IsWord(k, "sets") || s.IsWord(k, "units")) {
            if (s.IsWord(k + 1, "of")) ++k;
            continue;
          }
          const Token& tok = s.tokens[k];
          bool modifier = tok.kind == TokenKind::kWord && !s.Is(k, kPreposition) && !s.Is(k, kAuxiliary) &&
                          !s.Is(k, kDeterminer) && !s.Is(k, kPronoun) && !s.Is(k, kTimeNoun) &&
                          !s.Is(k, kNonCount) && !s.Is(k, kScale) && !s.Is(k, kBaseline);
          if (s.IsWord(k, "and") || s.IsWord(k, "-")) modifier = true;
          if ((s.IsWord(k, "state") || s.IsWord(k, "official")) && s.Is(k + 1, kVisitNoun)) modifier = true;
          // "4,000 U.K. jobs": the stops of an abbreviation.
          if (s.IsWord(k, ".") && k > 0 && s.Low(k - 1).size() == 1 && !s.tokens[k].Has(kSpaceBefore)) modifier = true;
          if (!modifier) {
            k = s.size;
            break;
          }
        }
        if (k >= s.size || !s.Is(k, kCountNoun)) continue;
        // "the 750-kilometer railway": a length describing a thing.
        if (s.IsWord(m.end, "-") && k == m.end + 1 && (s.lex[k]->unit == "km")) continue;
        // Meters count only as volume ("9 billion cubic meters").
        if ((s.IsWord(k, "meter") || s.IsWord(k, "meters") || s.IsWord(k, "metre") || s.IsWord(k, "metres")) &&
            !(k > 0 && s.IsWord(k - 1, "cubic"))) {
          continue;
        }
        // "a five-point proposal" counts points; "rose 5 points" does not.
        if ((s.IsWord(k, "point") || s.IsWord(k, "points")) && !(k == m.end + 1 && s.IsWord(m.end, "-"))) continue;
        // "the third checkpoint" counts checkpoints; "the third Belt and
        // Road Forum" is a name, not a count of roads.
        // "her second State Visit", "the fifth visit": a visit's ordinal
        // counts the visits.
        if (m.kind == NumberKind::kOrdinal) {
          bool lower = s.Is(k, kFacility) && s.tokens[k].Has(kLower);
          for (uint32_t q = m.end; q < k; ++q) lower = lower && !s.Cap(q);
          if (!lower && !s.Is(k, kVisitNoun)) continue;
        }
        noun = k;
        unit = s.lex[k]->unit.empty() ? "count" : s.lex[k]->unit;
        if (m.kind == NumberKind::kOrdinal) unit = "count";
      }
    } else if (m.kind == NumberKind::kMultiplier) {
      // "visited Kazakhstan four times", "visited China twice".
      bool visits = false, grew = false;
      for (uint32_t k = at >= 8 ? at - 8 : 0; k < at; ++k) {
        if (s.Is(k, kVisitVerb) || s.Is(k, kVisitNoun)) visits = true;
        if (s.Is(k, kGrowthUp) || s.Is(k, kGrowthDown)) grew = true;
      }
      // "five times that of 2010": a multiple by comparison.
      bool compared = s.IsWord(m.end, "that") || s.IsWord(m.end, "as") || s.IsWord(m.end, "more");
      if (visits) {
        unit = "count";
      } else if (compared && !s.IsWord(at, "twice")) {
        unit = "times";
      } else if (grew && !s.IsWord(at, "twice")) {
        unit = "times";
      } else if (grew) {
        unit = "times";
      } else {
        continue;
      }
      noun = m.end;
    } else {
      continue;
    }
    Quantity q;
    q.value = value;
    q.unit = unit;
    // "3 million metric tons", "9 billion cubic meters": a measure keeps the
    // scale it is stated in (people and jobs are counted one by one).
    if (m.stated_scale >= 6 && unit != "count" && unit != "people" && unit != "jobs") {
      q.value = value / std::pow(10.0, m.stated_scale);
      q.unit = std::string(m.stated_scale == 6 ? "million " : (m.stated_scale == 9 ? "billion " : "trillion ")) + unit;
    }
    q.qualifier = m.qualifier;
    q.date = q.unit == "times" ? multiple_date(at) : quantity_date(at);
    q.what = SpanText(s, m.value_begin, std::min<uint32_t>(s.size, std::max(noun + 1, m.end)));
    q.confidence = 0.7;
    q.evidence = MakeEvidence(s);
    out_.quantities.push_back(std::move(q));
  }

  // "trade more than tripled", "exports doubled": a multiple in a verb.
  if (!election) {
    for (uint32_t k = 0; k < s.size; ++k) {
      int times = s.IsWord(k, "doubled") ? 2 : s.IsWord(k, "tripled") ? 3 : s.IsWord(k, "quadrupled") ? 4 : 0;
      // "trade is expected to double by 2020": a multiple aimed at, dated by its target.
      const bool aimed = !times && k > 0 && s.IsWord(k - 1, "to") &&
                         (s.IsWord(k, "double") || s.IsWord(k, "triple") || s.IsWord(k, "quadruple"));
      if (aimed) times = s.IsWord(k, "double") ? 2 : s.IsWord(k, "triple") ? 3 : 4;
      if (!times || s.IsWord(k + 1, "down")) continue;
      Quantity q;
      q.value = times;
      q.unit = "times";
      q.date = multiple_date(k);
      if (aimed) {
        const DatedMention* target = nullptr;
        for (const DatedMention& d : dates) {
          const bool ahead = d.m.role == DateRole::kTarget ||
                             (doc_.date.IsSet() && CompareDates(d.m.date, doc_.date) > 0);
          if (ahead && d.m.begin > k && d.m.begin < k + 8) target = &d;
        }
        if (!target) continue;  // "hopes to double trade" with no date is no figure
        q.date = target->m.date;
      }
      if (k >= 2 && s.IsWord(k - 1, "than") && (s.IsWord(k - 2, "more") || s.IsWord(k - 2, "less"))) {
        q.qualifier = std::string(s.Low(k - 2)) + " than";
      } else if (k >= 1 && (s.IsWord(k - 1, "nearly") || s.IsWord(k - 1, "almost") || s.IsWord(k - 1, "roughly"))) {
        q.qualifier = std::string(s.Low(k - 1));
      }
      q.what = SpanText(s, k >= 4 ? k - 4 : 0, std::min<uint32_t>(s.size, k + 4));
      q.confidence = 0.6;
      q.evidence = MakeEvidence(s);
      out_.quantities.push_back(std::move(q));
    }
  }

  // "..., and an international border cooperation center": in a list of
  // counts, "a"/"an" counts one.
  size_t listed = 0;
  for (const NumberMention& m : nums) {
    if (m.kind == NumberKind::kCardinal) ++listed;
  }
  if (listed >= 2 && !election) {
    for (uint32_t k = 1; k + 1 < s.size; ++k) {
      if (!(s.IsWord(k, "an") || s.IsWord(k, "a")) || !(s.IsWord(k - 1, "and") || s.Str(k - 1) == ",")) continue;
      uint32_t j = k + 1;
      while (j < s.size && j < k + 6 && !s.Is(j, kCountNoun) && s.tokens[j].kind == TokenKind::kWord &&
             !s.Is(j, kPreposition)) {
        ++j;
      }
      if (j >= s.size || !s.Is(j, kCountNoun)) continue;
      // Only when the list's other items were counts of things.
      if (out_.quantities.size() - quantities_before < 2) continue;
      Quantity q;
      q.value = 1;
      q.unit = "count";
      int strength;
      q.date = DateOrContext({}, -1, &strength);
      q.what = SpanText(s, k + 1, j + 1);
      q.confidence = 0.6;
      q.evidence = MakeEvidence(s);
      out_.quantities.push_back(std::move(q));
    }
  }
}

}  // namespace bilat::text
