#include "measure/event_series.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace bilat::measure {

double EventPeriod::NetCooperation() const {
  if (!events) return 0;
  return (static_cast<double>(q[0] + q[1]) - static_cast<double>(q[2] + q[3])) / static_cast<double>(events);
}

double EventPeriod::GoldsteinMean() const { return events ? goldstein_sum / static_cast<double>(events) : 0; }

std::optional<double> EventPeriod::Tone() const {
  if (!mentions) return std::nullopt;
  return tone_x_mentions / static_cast<double>(mentions);
}

std::optional<double> EventPeriod::ShareOfSrc() const {
  if (!src_total) return std::nullopt;
  return static_cast<double>(events) / static_cast<double>(src_total);
}

std::optional<double> EventPeriod::ShareOfDst() const {
  if (!dst_total) return std::nullopt;
  return static_cast<double>(events) / static_cast<double>(dst_total);
}

uint64_t EventSeries::TotalEvents() const {
  uint64_t n = 0;
  for (const EventPeriod& p : periods) n += p.events;
  return n;
}

std::vector<EventPeriod> ToYearly(const std::vector<EventPeriod>& monthly) {
  std::map<int, EventPeriod> years;
  for (const EventPeriod& m : monthly) {
    EventPeriod& y = years[m.period / 100];
    y.period = m.period / 100;
    y.events += m.events;
    for (int q = 0; q < 4; ++q) y.q[q] += m.q[q];
    y.goldstein_sum += m.goldstein_sum;
    y.mentions += m.mentions;
    y.sources += m.sources;
    y.articles += m.articles;
    y.tone_x_mentions += m.tone_x_mentions;
    y.src_total += m.src_total;
    y.dst_total += m.dst_total;
  }
  std::vector<EventPeriod> out;
  for (auto& [k, v] : years) out.push_back(v);
  return out;
}

Result<EventSeries> LoadEventSeries(store::SqliteDb* db, const std::string& src, const std::string& dst,
                                    const EventSeriesOptions& o) {
  EventSeries s;
  s.src = src;
  s.dst = dst;
  s.dataset = o.dataset;
  std::map<int, EventPeriod> months;
  const bool whole = o.min_sources > 1 || o.one_a_day;
  if (whole) {
    BILAT_ASSIGN_OR_RETURN(bool followed, store::IsFollowed(db, src, dst));
    if (!followed) {
      return Status::FailedPrecondition(
          "--min-sources and --one-a-day need whole events, which are kept only for followed pairs; run 'bilat "
          "follow " + src + " " + dst + "' and ingest the event files again");
    }
    s.from_whole_events = true;
    BILAT_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> events, store::LoadEvents(db, o.dataset, src, dst));
    std::set<std::tuple<std::string, std::string>> seen_day_code;
    for (const store::StoredEvent& e : events) {
      if (o.root_only && !e.root) continue;
      if (e.sources < o.min_sources) continue;
      if (o.one_a_day && !seen_day_code.emplace(e.date, e.event_code).second) continue;
      EventPeriod& p = months[e.month];
      p.period = e.month;
      ++p.events;
      if (e.quad_class >= 1 && e.quad_class <= 4) ++p.q[e.quad_class - 1];
      p.goldstein_sum += e.goldstein;
      p.mentions += static_cast<uint64_t>(e.mentions);
      p.sources += static_cast<uint64_t>(e.sources);
      p.articles += static_cast<uint64_t>(e.articles);
      if (e.avg_tone) {
        p.tone_x_mentions += *e.avg_tone * static_cast<double>(e.mentions);
      } else {
        p.mentions -= static_cast<uint64_t>(e.mentions);  // no tone: keep out of the weighting
      }
    }
  } else {
    BILAT_ASSIGN_OR_RETURN(std::vector<store::DyadMonth> rows,
                           store::LoadDyadMonths(db, o.dataset, src, dst, o.root_only));
    for (const store::DyadMonth& d : rows) {
      EventPeriod& p = months[d.month];
      p.period = d.month;
      p.events = d.events;
      for (int q = 0; q < 4; ++q) p.q[q] = d.q[q];
      p.goldstein_sum = d.goldstein_sum;
      p.mentions = d.mentions;
      p.sources = d.sources;
      p.articles = d.articles;
      p.tone_x_mentions = d.tone_x_mentions;
    }
  }
  BILAT_ASSIGN_OR_RETURN(std::vector<store::CountryMonth> src_totals, store::LoadCountryMonths(db, o.dataset, src));
  BILAT_ASSIGN_OR_RETURN(std::vector<store::CountryMonth> dst_totals, store::LoadCountryMonths(db, o.dataset, dst));
  for (const auto& c : src_totals) {
    if (months.count(c.month)) months[c.month].src_total = c.events;
  }
  for (const auto& c : dst_totals) {
    if (months.count(c.month)) months[c.month].dst_total = c.events;
  }
  for (auto& [m, p] : months) s.periods.push_back(p);
  if (o.yearly) s.periods = ToYearly(s.periods);
  return s;
}

Result<std::vector<store::StoredEvent>> TopEvents(store::SqliteDb* db, const std::string& dataset,
                                                  const std::string& a, const std::string& b, int year,
                                                  size_t limit) {
  BILAT_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> ab, store::LoadEvents(db, dataset, a, b));
  BILAT_ASSIGN_OR_RETURN(std::vector<store::StoredEvent> ba, store::LoadEvents(db, dataset, b, a));
  ab.insert(ab.end(), ba.begin(), ba.end());
  std::vector<store::StoredEvent> out;
  for (auto& e : ab) {
    if (year == 0 || e.month / 100 == year) out.push_back(std::move(e));
  }
  std::sort(out.begin(), out.end(), [](const store::StoredEvent& x, const store::StoredEvent& y) {
    return std::tie(y.mentions, y.sources, x.event_id) < std::tie(x.mentions, x.sources, y.event_id);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace bilat::measure
