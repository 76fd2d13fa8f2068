#include "ingest/text/gazetteer.h"

#include <algorithm>
#include <fstream>
#include <functional>

#include "core/text.h"
#include "ingest/text/unicode.h"

namespace bilat::text {
namespace {

// Calls `row(line_no, cells)` for each data line of a tab-separated file.
// Comments (#) and blank lines are skipped. Stops at the first error.
Status ForEachRow(const std::string& path, size_t min_cells, size_t max_cells,
                  std::string_view expected,
                  const std::function<Status(int, const std::vector<std::string_view>&)>& row) {
  std::ifstream in(path);
  if (!in) return Status::NotFound(path + ": cannot open (set BILAT_DATA_DIR to bilat's data folder)");
  std::string line;
  for (int line_no = 1; std::getline(in, line); ++line_no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string_view l = line;
    if (Trim(l).empty() || Trim(l)[0] == '#') continue;
    std::vector<std::string_view> cells = Split(l, '\t');
    for (auto& c : cells) c = Trim(c);
    if (cells.size() < min_cells || cells.size() > max_cells) {
      return Status::Corruption(path + ":" + std::to_string(line_no) + ": expected " +
                                std::string(expected) + ", found " + std::to_string(cells.size()) +
                                " fields");
    }
    BILAT_RETURN_IF_ERROR(row(line_no, cells));
  }
  return Status::Ok();
}

std::string Where(const std::string& path, int line) { return path + ":" + std::to_string(line) + ": "; }

// Aliases in the shared table that are adjectives or demonyms rather than
// names ("Kazakh", "Chinese"); the table does not say, English morphology does.
bool LooksAdjective(std::string_view alias) {
  static const char* kSuffixes[] = {"ese", "ian", "ean", "ish", "ic", "i", "an", "ch", "ek", "ik",
                                    "men", "gyz", "akh", "ai", "ss", "ao"};
  if (alias.find(' ') != std::string_view::npos && alias.find("Korean") == std::string_view::npos &&
      alias.find("African") == std::string_view::npos && alias.find("Lankan") == std::string_view::npos &&
      alias.find("Arabian") == std::string_view::npos) {
    return false;
  }
  for (const char* s : kSuffixes) {
    std::string_view suf(s);
    if (alias.size() > suf.size() && alias.substr(alias.size() - suf.size()) == suf) return true;
  }
  return false;
}

}  // namespace

bool Leader::Held(std::string_view role, const TextDate& date) const {
  auto role_matches = [&](const std::string& r) {
    if (r == role) return true;
    bool head = r == "president" || r == "king" || r == "emir" || r == "sultan" ||
                r == "supreme_leader" || r == "monarch";
    if (role == "head_of_state") return head;
    if (role == "leader") return head || r == "prime_minister" || r == "party_leader";
    if (role == "prime_minister") return r == "prime_minister";
    return false;
  };
  for (const Term& t : terms) {
    if (!role_matches(t.role)) continue;
    if (!date.IsSet()) {
      if (!t.to.IsSet()) return true;
      continue;
    }
    if (t.from.IsSet() && CompareDates(date, t.from) < 0) continue;
    if (t.to.IsSet() && CompareDates(date, t.to) > 0) continue;
    // A date that only overlaps the end month/year of a term (a month date
    // against a mid-month handover) still counts: the text cannot say more.
    return true;
  }
  return false;
}

int Gazetteer::InternCountry(std::string_view alpha3, std::string_view name) {
  auto it = country_ids_.find(std::string(alpha3));
  if (it != country_ids_.end()) return it->second;
  int id = static_cast<int>(alpha3_.size());
  alpha3_.emplace_back(alpha3);
  country_names_.emplace_back(name);
  country_ids_.emplace(std::string(alpha3), id);
  return id;
}

int Gazetteer::CountryId(std::string_view alpha3) const {
  auto it = country_ids_.find(std::string(alpha3));
  return it == country_ids_.end() ? -1 : it->second;
}

int Gazetteer::AddLeader(Leader leader) {
  leaders_.push_back(std::move(leader));
  return static_cast<int>(leaders_.size() - 1);
}

int Gazetteer::AddOrganisation(Organisation org) {
  orgs_.push_back(std::move(org));
  return static_cast<int>(orgs_.size() - 1);
}

int Gazetteer::AddGroup(std::string_view name, std::vector<int> members) {
  for (size_t g = 0; g < groups_.size(); ++g) {
    if (groups_[g].name == name) return static_cast<int>(g);
  }
  groups_.push_back({std::string(name), std::move(members)});
  return static_cast<int>(groups_.size() - 1);
}

void Gazetteer::AddPhrase(std::string_view phrase, Entity entity) {
  NormalizedText norm = Normalize(phrase);
  std::vector<Token> toks;
  Tokenize(norm.text, 0, norm.text.size(), &toks);
  if (toks.empty()) return;
  std::string lower = ToLower(norm.text);
  auto low = [&](const Token& t) { return lower.substr(t.begin, t.size()); };
  std::string first = low(toks[0]);
  Phrase p;
  for (size_t k = 1; k < toks.size(); ++k) p.rest.push_back(low(toks[k]));
  p.all_caps = toks[0].Has(kAllCaps);
  p.any_case = entity.kind == EntityKind::kRole;
  auto it = phrases_.find(first);
  if (it != phrases_.end()) {
    for (const Phrase& q : it->second) {
      if (q.rest == p.rest && q.all_caps == p.all_caps) return;  // first definition wins
    }
  } else {
    keys_.push_back(std::make_unique<std::string>(first));
    it = phrases_.emplace(std::string_view(*keys_.back()), std::vector<Phrase>()).first;
  }
  entities_.push_back(std::make_unique<Entity>(std::move(entity)));
  p.entity = entities_.back().get();
  std::vector<Phrase>& list = it->second;
  // Longest first, so the first match is the longest.
  auto pos = std::find_if(list.begin(), list.end(),
                          [&](const Phrase& q) { return q.rest.size() < p.rest.size(); });
  list.insert(pos, std::move(p));
  ++phrase_count_;
}

void Gazetteer::Match(std::string_view /*text*/, std::string_view lower, const std::vector<Token>& tokens,
                      uint32_t begin, uint32_t end, std::vector<Mention>* out) const {
  for (uint32_t i = begin; i < end;) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::kWord && t.kind != TokenKind::kNumber) {
      ++i;
      continue;
    }
    auto it = phrases_.find(lower.substr(t.begin, t.size()));
    uint32_t matched = 0;
    if (it != phrases_.end()) {
      for (const Phrase& p : it->second) {
        uint32_t n = 1 + static_cast<uint32_t>(p.rest.size());
        if (i + n > end) continue;
        if (p.all_caps ? !t.Has(kAllCaps) : (!p.any_case && !t.Has(kCapitalized))) continue;
        bool ok = true;
        for (uint32_t k = 0; k < p.rest.size() && ok; ++k) {
          const Token& u = tokens[i + 1 + k];
          ok = lower.substr(u.begin, u.size()) == p.rest[k];
        }
        if (!ok) continue;
        out->push_back({i, i + n, p.entity});
        matched = n;
        break;
      }
    }
    i += matched ? matched : 1;
  }
}

int Gazetteer::ResolveRole(int country, std::string_view role, const TextDate& date) const {
  // "The Kazakh leader": the head of state when the dictionary knows one,
  // else whoever leads the government.
  if (role == "leader") {
    int head = ResolveRole(country, "head_of_state", date);
    if (head >= 0) return head;
    return ResolveRole(country, "prime_minister", date);
  }
  int best = -1;
  TextDate best_from;
  for (size_t id = 0; id < leaders_.size(); ++id) {
    const Leader& l = leaders_[id];
    if (l.country != country || !l.Held(role, date)) continue;
    // Several matches (a month date across a handover): the later term wins.
    TextDate from;
    for (const auto& t : l.terms) {
      if (t.from.IsSet() && CompareDates(t.from, from) > 0) from = t.from;
    }
    if (best < 0 || CompareDates(from, best_from) > 0) {
      best = static_cast<int>(id);
      best_from = from;
    }
  }
  return best;
}

std::vector<int> Gazetteer::FindLeaders(std::string_view name) const {
  NormalizedText norm = Normalize(name);
  auto it = leader_names_.find(ToLower(norm.text));
  return it == leader_names_.end() ? std::vector<int>() : it->second;
}

Result<std::shared_ptr<const Gazetteer>> Gazetteer::Load(const std::string& data_dir,
                                                         const CountryRegistry& countries) {
  auto g = std::make_shared<Gazetteer>();
  // ISO names first: they are the most reliable.
  for (const Country& c : countries.countries()) {
    int id = g->InternCountry(c.alpha3, c.display_name);
    for (const std::string* n : {&c.display_name, &c.name, &c.common_name, &c.official_name}) {
      if (n->empty() || n->find(',') != std::string::npos || n->find('(') != std::string::npos) {
        continue;
      }
      g->AddPhrase(*n, {EntityKind::kCountry, id});
    }
  }

  // The European Union signs, trades and holds summits as one party; texts
  // name it as they name a country, and the scoring convention codes it EUU.
  // It is no country of the registry (app/extract_to_registry.cc says so).
  g->InternCountry(kEuropeanUnion, "European Union");

  const std::string aliases = data_dir + "/country_aliases.tsv";
  BILAT_RETURN_IF_ERROR(ForEachRow(
      aliases, 2, 3, "ALIAS<TAB>ALPHA3[<TAB>display]",
      [&](int line, const std::vector<std::string_view>& c) -> Status {
        int id = g->CountryId(c[1]);
        if (id < 0) return Status::Corruption(Where(aliases, line) + "unknown alpha-3 '" + std::string(c[1]) + "'");
        g->AddPhrase(c[0], {LooksAdjective(c[0]) ? EntityKind::kCountryAdj : EntityKind::kCountry, id});
        return Status::Ok();
      }));

  const std::string terms = data_dir + "/text/country_terms.tsv";
  BILAT_RETURN_IF_ERROR(ForEachRow(
      terms, 3, 3, "TERM<TAB>ALPHA3<TAB>KIND",
      [&](int line, const std::vector<std::string_view>& c) -> Status {
        int id = g->CountryId(c[1]);
        if (id < 0) return Status::Corruption(Where(terms, line) + "unknown alpha-3 '" + std::string(c[1]) + "'");
        EntityKind kind;
        if (c[2] == "name") {
          kind = EntityKind::kCountry;
        } else if (c[2] == "adjective") {
          kind = EntityKind::kCountryAdj;
        } else if (c[2] == "capital") {
          kind = EntityKind::kCapital;
        } else if (c[2] == "government") {
          kind = EntityKind::kGovernment;
        } else if (c[2] == "city") {
          kind = EntityKind::kCity;
        } else if (c[2] == "region") {
          kind = EntityKind::kRegion;
        } else {
          return Status::Corruption(Where(terms, line) + "KIND must be name, adjective, capital, "
                                    "government, city or region, not '" + std::string(c[2]) + "'");
        }
        g->AddPhrase(c[0], {kind, id});
        return Status::Ok();
      }));

  const std::string groups = data_dir + "/text/country_groups.tsv";
  BILAT_RETURN_IF_ERROR(ForEachRow(
      groups, 3, 3, "TERM<TAB>GROUP<TAB>MEMBERS",
      [&](int line, const std::vector<std::string_view>& c) -> Status {
        std::vector<int> members;
        for (std::string_view a : Split(c[2], ',')) {
          int id = g->CountryId(Trim(a));
          if (id < 0) return Status::Corruption(Where(groups, line) + "unknown alpha-3 '" + std::string(a) + "'");
          members.push_back(id);
        }
        Entity e{EntityKind::kGroup};
        e.group = g->AddGroup(c[1], std::move(members));
        g->AddPhrase(c[0], e);
        return Status::Ok();
      }));

  const std::string roles = data_dir + "/text/roles.tsv";
  BILAT_RETURN_IF_ERROR(ForEachRow(roles, 2, 2, "PHRASE<TAB>ROLE",
                                   [&](int, const std::vector<std::string_view>& c) -> Status {
                                     Entity e{EntityKind::kRole};
                                     e.role = std::string(c[1]);
                                     g->AddPhrase(c[0], e);
                                     return Status::Ok();
                                   }));

  const std::string leaders = data_dir + "/text/leaders.tsv";
  std::unordered_map<std::string, int> by_name;
  std::vector<std::pair<int, std::string>> leader_phrases;
  BILAT_RETURN_IF_ERROR(ForEachRow(
      leaders, 4, 6, "NAME<TAB>COUNTRY<TAB>ROLE<TAB>FROM[<TAB>TO[<TAB>ALIASES]]",
      [&](int line, const std::vector<std::string_view>& c) -> Status {
        int country = g->CountryId(c[1]);
        if (country < 0) return Status::Corruption(Where(leaders, line) + "unknown alpha-3 '" + std::string(c[1]) + "'");
        Leader::Term term;
        term.role = std::string(c[2]);
        if (!c[3].empty()) {
          auto d = TextDate::Parse(c[3]);
          if (!d) return Status::Corruption(Where(leaders, line) + "FROM '" + std::string(c[3]) + "' is not YYYY[-MM[-DD]]");
          term.from = *d;
        }
        if (c.size() > 4 && !c[4].empty()) {
          auto d = TextDate::Parse(c[4]);
          if (!d) return Status::Corruption(Where(leaders, line) + "TO '" + std::string(c[4]) + "' is not YYYY[-MM[-DD]]");
          term.to = *d;
        }
        std::string name(c[0]);
        auto [it, fresh] = by_name.emplace(name, -1);
        if (fresh) {
          Leader l;
          l.name = name;
          l.country = country;
          it->second = g->AddLeader(std::move(l));
          leader_phrases.emplace_back(it->second, name);
        }
        g->leaders_[it->second].terms.push_back(term);
        if (c.size() == 6) {
          for (std::string_view a : Split(c[5], '|')) {
            if (!Trim(a).empty()) leader_phrases.emplace_back(it->second, std::string(Trim(a)));
          }
        }
        return Status::Ok();
      }));
  for (const auto& [id, phrase] : leader_phrases) {
    NormalizedText norm = Normalize(phrase);
    std::vector<int>& ids = g->leader_names_[ToLower(norm.text)];
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    Entity e{EntityKind::kLeader};
    e.country = g->leaders_[id].country;
    e.leader = id;
    g->AddPhrase(phrase, e);
  }

  const std::string orgs = data_dir + "/text/organisations.tsv";
  BILAT_RETURN_IF_ERROR(ForEachRow(
      orgs, 3, 4, "NAME<TAB>KIND<TAB>COUNTRY[<TAB>ALIASES]",
      [&](int line, const std::vector<std::string_view>& c) -> Status {
        Organisation o;
        o.name = std::string(c[0]);
        o.kind = std::string(c[1]);
        if (c[2] != "-") {
          o.country = g->CountryId(c[2]);
          if (o.country < 0) return Status::Corruption(Where(orgs, line) + "unknown alpha-3 '" + std::string(c[2]) + "'");
        }
        Entity e{EntityKind::kOrganisation};
        e.country = o.country;
        e.org = g->AddOrganisation(std::move(o));
        g->AddPhrase(c[0], e);
        if (c.size() == 4) {
          for (std::string_view a : Split(c[3], '|')) {
            if (!Trim(a).empty()) g->AddPhrase(Trim(a), e);
          }
        }
        return Status::Ok();
      }));
  return std::shared_ptr<const Gazetteer>(std::move(g));
}

}  // namespace bilat::text
