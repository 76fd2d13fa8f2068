// China Vitae leader engagements (2003-2018) -> exchanges.
//
// One row per Chinese leader and foreign country per day, with the record's
// text: "<leader> travelled to <Country>, <City> and met with the following:
// <Name> (<Role>) ..." or "<leader> was in Beijing Municipality and met with
// ...". A trip to the row's country is a visit from China; a meeting in
// China is coded from the foreign side (its principal as leader, the Chinese
// leader as counterpart), as curated registries code it; a meeting abroad in
// a third country is a meeting from China. The same engagement listed again
// under another leader (same date, country and text) is kept once. News
// headlines filed among the records ("Xi congratulates ... (Beijing
// Municipality)") are a visit when placed in the row's country and are
// otherwise skipped on purpose: a message or a call is not an exchange.
#include <set>

#include "ingest/datasets/adapter_util.h"
#include "ingest/datasets/adapters.h"

namespace bilat::ingest {
namespace {

using namespace dataset_internal;

struct Office {
  const char* leader;
  int from_year, to_year;  // inclusive, by year of the row (good enough for a role label)
  const char* role;
};
// The offices of the seven leaders China Vitae's scrape covers.
constexpr Office kOffices[] = {
    {"Hu Jintao", 2003, 2013, "President"},       {"Wen Jiabao", 2003, 2013, "Premier"},
    {"Xi Jinping", 2008, 2012, "Vice President"}, {"Xi Jinping", 2013, 2100, "President"},
    {"Li Keqiang", 2008, 2012, "Vice Premier"},   {"Li Keqiang", 2013, 2100, "Premier"},
    {"Li Zhaoxing", 2003, 2007, "Foreign Minister"}, {"Yang Jiechi", 2007, 2012, "Foreign Minister"},
    {"Yang Jiechi", 2013, 2017, "State Councilor"},  {"Yang Jiechi", 2018, 2100, "Politburo member"},
    {"Wang Yi", 2013, 2100, "Foreign Minister"},
};

std::string RoleOf(std::string_view leader, int year) {
  for (const Office& o : kOffices) {
    if (leader == o.leader && year >= o.from_year && year <= o.to_year) return o.role;
  }
  return "";
}

struct Person {
  std::string name, role;
};

// "A (Role of X) B (Role (Y)) Others Attending: ..." -> [{A, Role of X}, ...].
std::vector<Person> MetWith(std::string_view text) {
  std::vector<Person> out;
  size_t at = text.find("met with the following:");
  if (at == std::string_view::npos) return out;
  std::string_view rest = text.substr(at + 23);
  size_t others = rest.find("Others Attending");
  if (others != std::string_view::npos) rest = rest.substr(0, others);
  while (true) {
    size_t open = rest.find('(');
    if (open == std::string_view::npos) break;
    int depth = 0;
    size_t close = open;
    for (; close < rest.size(); ++close) {
      if (rest[close] == '(') ++depth;
      if (rest[close] == ')' && --depth == 0) break;
    }
    std::string_view name = Trim(rest.substr(0, open));
    std::string_view role = rest.substr(open + 1, close == rest.size() ? std::string_view::npos : close - open - 1);
    if (!name.empty()) out.push_back({std::string(name), std::string(Trim(role))});
    if (close >= rest.size()) break;
    rest = rest.substr(close + 1);
  }
  return out;
}

// The met person whose role names the country ("Kazakh Foreign Minister"
// for Kazakhstan): the first five letters of the country's name, or its code.
const Person* PersonOf(const std::vector<Person>& people, const Country& c) {
  std::string stem = c.display_name.substr(0, std::min<size_t>(5, c.display_name.size()));
  for (const Person& p : people) {
    if (p.role.find(stem) != std::string::npos) return &p;
  }
  return people.empty() ? nullptr : &people.front();
}

// Where `phrase` ("was in ") starts the text or follows a space: some
// records leave the leader's name blank ("  was in Beijing Municipality and
// met with ...", trimmed to "was in ...").
size_t FindPhrase(std::string_view text, std::string_view phrase) {
  if (text.substr(0, phrase.size()) == phrase) return 0;
  for (size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    if (text[at - 1] == ' ') return at;
  }
  return std::string_view::npos;
}

bool IsChineseLocation(std::string_view place) {
  for (std::string_view suffix : {"Municipality", "Province", "Autonomous Region", "Special Administrative Region"}) {
    if (place.find(suffix) != std::string_view::npos) return true;
  }
  return false;
}

// "Beijing Municipality" -> Beijing; "Hainan Province, Sanya City" -> Sanya
// (the city, not the province, as for a place abroad).
std::string CityOfChina(std::string_view place) {
  if (size_t comma = place.find(','); comma != std::string_view::npos) {
    std::string_view city = Trim(place.substr(comma + 1));
    if (city.size() > 5 && city.substr(city.size() - 5) == " City") city.remove_suffix(5);
    if (!city.empty()) return std::string(city);
  }
  for (std::string_view suffix : {" Municipality", " Province", " Autonomous Region"}) {
    size_t at = place.find(suffix);
    if (at != std::string_view::npos) return std::string(place.substr(0, at));
  }
  return std::string(place);
}

}  // namespace

Result<DatasetLoadResult> LoadChinaVitae(const std::string& path, const AdapterContext& ctx) {
  DatasetLoadResult out;
  out.dataset = "chinavitae";
  out.scope = "chinavitae";
  out.layout = "chinavitae-engagements";
  BILAT_ASSIGN_OR_RETURN(CountryNames names, CountryNames::Load(out.dataset, *ctx.countries, ctx.data_dir));
  const std::string file = BaseName(path);
  const std::string source_id = out.scope + ":source";
  out.sources.push_back(MakeSource(
      source_id, "China Vitae records of Chinese leaders' foreign engagements, 2003-2018",
      "Carnegie Endowment for International Peace (China Vitae)", "https://www.chinavitae.com/",
      "China Vitae appearance and travel records of seven Chinese leaders, as scraped and converted to CSV (" + file +
          ")",
      "2018"));
  std::set<std::string> seen;  // date + country + text
  BILAT_RETURN_IF_ERROR(ReadCsvWithHeader(
      path, ctx.label, {"date", "country", "leader", "text"}, &out,
      [&](const CsvRows& h, const std::vector<std::string_view>& f, uint64_t line) {
        std::string_view date = h.Get(f, "date"), country = h.Get(f, "country"), leader = h.Get(f, "leader"),
                         text = h.Get(f, "text");
        // MM/DD/YY
        int64_t mm = 0, dd = 0, yy = 0;
        Result<Date> d = Status::InvalidArgument("");
        if (date.size() == 8 && date[2] == '/' && date[5] == '/' && ParseInt(date.substr(0, 2), &mm) &&
            ParseInt(date.substr(3, 2), &dd) && ParseInt(date.substr(6, 2), &yy)) {
          char iso[16];
          std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", static_cast<int>(2000 + yy), static_cast<int>(mm),
                        static_cast<int>(dd));
          d = Date::Parse(iso);
        }
        if (!d.ok()) {
          AddIssue(&out, ctx.label, line, "date", "'" + std::string(date) + "' is not a date MM/DD/YY",
                   "China Vitae dates are written 12/07/18");
          return;
        }
        if (leader.empty()) {
          AddIssue(&out, ctx.label, line, "leader", "no leader named");
          return;
        }
        auto AddEngagement = [&](std::string_view one_country, const std::string& id) {
          std::optional<std::string> iso = names.Map("country", one_country, line, &out);
          if (!iso) return;
          if (*iso == "CHN") {
            ++out.rows_skipped;  // China's own domestic engagements
            return;
          }
          if (!seen.insert(std::string(date) + "\x1f" + *iso + "\x1f" + std::string(text)).second) {
            ++out.rows_skipped;  // the same engagement listed under another leader
            return;
          }
          const Country* partner = ctx.countries->Find(*iso);
          std::vector<Person> met = MetWith(text);
          const Person* theirs = PersonOf(met, *partner);
          // Where it happened.
          std::string place;
          bool in_china = false;
          if (size_t at = FindPhrase(text, "travelled to "); at != std::string_view::npos) {
            std::string_view rest = text.substr(at + 13);
            size_t end = std::min(rest.find(" and met"), rest.find(" Others Attending"));
            place = std::string(Trim(rest.substr(0, end)));
            in_china = IsChineseLocation(place);
          } else if (size_t at2 = FindPhrase(text, "was in "); at2 != std::string_view::npos) {
            std::string_view rest = text.substr(at2 + 7);
            size_t end = std::min(rest.find(" and met"), rest.find(" Others Attending"));
            place = std::string(Trim(rest.substr(0, end)));
            in_china = true;
          } else {
            // A news headline filed among the leader's appearances, its place in
            // closing parentheses: "Xi sends condolences to ... (Beijing Municipality)".
            // Placed in the row's country it tells of a trip there (a visit);
            // elsewhere it is a message, a call or an interview, not an exchange.
            std::string_view t = Trim(text);
            size_t open = t.rfind('(');
            std::string_view where = open != std::string_view::npos && t.back() == ')'
                                         ? t.substr(open + 1, t.size() - open - 2)
                                         : std::string_view();
            std::optional<std::string> there = names.Lookup(Trim(where.substr(0, where.find(','))));
            if (!there || *there != *iso) {
              ++out.rows_skipped;
              return;
            }
            place = std::string(Trim(where));
          }
          std::string visited, city = place;
          if (!in_china) {
            size_t comma = place.find(',');
            std::string first(Trim(std::string_view(place).substr(0, comma)));
            city = comma == std::string::npos ? "" : std::string(Trim(std::string_view(place).substr(comma + 1)));
            // An empty place ("travelled to  and met ...") leaves the venue unknown.
            if (!first.empty()) {
              if (std::optional<std::string> v = names.Lookup(first)) visited = *v;
            }
            if (visited == "CHN") in_china = true;
          }
          const int year = d->year();
          const std::string chinese_role = RoleOf(leader, year);
          RecordBuilder b("exchanges");
          b.Set("id", id).Set("date", d->ToIso());
          if (in_china) {
            // Coded from the foreign side: its principal came to China.
            if (!theirs) {
              AddIssue(&out, ctx.label, line, "text", "a meeting in China that names no foreign participant",
                       "the row is skipped: an exchange needs the leader on each side");
              return;
            }
            b.Set("kind", "meeting").Set("from", *iso).Set("to", "CHN").Set("location", CityOfChina(place));
            b.Set("leader", theirs->name).Set("role", theirs->role).Set("counterpart", std::string(leader));
          } else {
            const bool visit = visited == *iso;
            b.Set("kind", visit ? "visit" : "meeting").Set("from", "CHN").Set("to", *iso);
            std::string where = city;
            if (!visit && !visited.empty()) {
              const Country* vc = ctx.countries->Find(visited);
              where = city.empty() ? vc->display_name : city + ", " + vc->display_name;
            }
            b.Set("location", where).Set("leader", std::string(leader)).Set("role", chinese_role);
            if (theirs) b.Set("counterpart", theirs->name);
          }
          b.Set("source_id", source_id).Set("locator", file + ":" + std::to_string(line));
          out.records.push_back(b.Build(file, line));
        };
        // A row naming several countries ("Cambodia; Laos; Vietnam") is an engagement with each.
        std::vector<std::string_view> parts = Split(country, ';');
        for (size_t k = 0; k < parts.size(); ++k) {
          std::string id = out.scope + ":" + std::to_string(line) + (parts.size() > 1 ? "-" + std::to_string(k + 1) : "");
          AddEngagement(Trim(parts[k]), id);
        }
      }));
  return out;
}

}  // namespace bilat::ingest
