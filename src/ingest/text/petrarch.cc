#include "ingest/text/petrarch.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <optional>

#include "core/text.h"

namespace bilat::text {
namespace {

char Upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool IsWordChar(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u >= 0x80 ||
         c == '-' || c == '\'' || c == '.' || c == '&' || c == '!';
}

// Reads a dictionary file line by line with comments removed: XML
// comments (across lines), and text after `comment_chars` ('#', ';').
Status ForEachLine(const std::string& path, std::string_view comment_chars,
                   const std::function<void(int, const std::string&, const std::string&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(path + ": cannot open the dictionary");
  std::string line;
  bool in_xml_comment = false;
  for (int no = 1; std::getline(in, line); ++no) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string raw = line;
    std::string out;
    bool in_code = false;  // "[###]" is a code, not a comment
    for (size_t i = 0; i < line.size();) {
      if (in_xml_comment) {
        size_t e = line.find("-->", i);
        if (e == std::string::npos) {
          i = line.size();
        } else {
          in_xml_comment = false;
          i = e + 3;
        }
        continue;
      }
      if (line.compare(i, 4, "<!--") == 0) {
        in_xml_comment = true;
        i += 4;
        continue;
      }
      if (line[i] == '[') in_code = true;
      if (line[i] == ']') in_code = false;
      if (!in_code && comment_chars.find(line[i]) != std::string_view::npos) break;
      out.push_back(line[i]);
      ++i;
    }
    fn(no, out, raw);
  }
  return Status::Ok();
}

// "580101" (YYMMDD) or "19950601" (YYYYMMDD).
std::optional<TextDate> ParseDictDate(std::string_view s) {
  s = Trim(s);
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  int y, m, d;
  if (s.size() == 6) {
    int yy = std::stoi(std::string(s.substr(0, 2)));
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = std::stoi(std::string(s.substr(2, 2)));
    d = std::stoi(std::string(s.substr(4, 2)));
  } else if (s.size() == 8) {
    y = std::stoi(std::string(s.substr(0, 4)));
    m = std::stoi(std::string(s.substr(4, 2)));
    d = std::stoi(std::string(s.substr(6, 2)));
  } else {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return TextDate::Day(y, m, d);
}

// The codes in "[...]" groups of a line, in order.
std::vector<std::string> Brackets(std::string_view t) {
  std::vector<std::string> out;
  size_t p = 0;
  while ((p = t.find('[', p)) != std::string_view::npos) {
    size_t e = t.find(']', p);
    if (e == std::string_view::npos) break;
    out.emplace_back(Trim(t.substr(p + 1, e - p - 1)));
    p = e + 1;
  }
  return out;
}

std::string Before(std::string_view t, char c) {
  size_t p = t.find(c);
  return std::string(Trim(p == std::string_view::npos ? t : t.substr(0, p)));
}

// Regular English forms of an upper-case verb, as PETRARCH generates them.
std::vector<std::string> RegularForms(const std::string& v) {
  std::vector<std::string> out = {v};
  if (v.empty()) return out;
  char last = v.back();
  if (last == 'E') {
    out.insert(out.end(), {v + "S", v + "D", v.substr(0, v.size() - 1) + "ING"});
  } else if (last == 'Y') {
    out.insert(out.end(), {v.substr(0, v.size() - 1) + "IES", v.substr(0, v.size() - 1) + "IED", v + "ING", v + "S", v + "ED"});
  } else {
    bool sib = last == 'S' || last == 'X' || last == 'Z' || last == 'H';
    out.insert(out.end(), {v + (sib ? "ES" : "S"), v + "ED", v + "ING"});
    if (v.size() >= 3 && std::string("AEIOU").find(v[v.size() - 2]) != std::string::npos &&
        std::string("AEIOUWXY").find(last) == std::string::npos) {
      out.insert(out.end(), {v + last + "ED", v + last + "ING"});
    }
  }
  return out;
}

std::string PluralOf(const std::string& w) {
  if (w.empty()) return w;
  char last = w.back();
  if (last == 'Y' && w.size() > 1 && std::string("AEIOU").find(w[w.size() - 2]) == std::string::npos) {
    return w.substr(0, w.size() - 1) + "IES";
  }
  if (last == 'S' || last == 'X' || last == 'Z' || last == 'H') return w + "ES";
  return w + "S";
}

// "[030:030]" -> "030".
std::string FirstCode(std::string code) {
  size_t colon = code.find(':');
  if (colon != std::string::npos) code = code.substr(0, colon);
  return std::string(Trim(code));
}

}  // namespace

std::vector<std::string> UpperWords(std::string_view text) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    // Strip sentence punctuation stuck to a word ("ties." "Gondor,").
    while (!cur.empty() && (cur.back() == '.' || cur.back() == '\'' || cur.back() == '-')) cur.pop_back();
    while (!cur.empty() && (cur[0] == '\'' || cur[0] == '-' || cur[0] == '.')) cur.erase(cur.begin());
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\'' && i + 1 < text.size() && (text[i + 1] == 's' || text[i + 1] == 'S') &&
        (i + 2 >= text.size() || !IsWordChar(text[i + 2]))) {
      flush();
      out.push_back("'S");
      ++i;
      continue;
    }
    if (IsWordChar(c)) {
      cur.push_back(Upper(c));
    } else {
      flush();
      if (c == ',') out.push_back(",");
    }
  }
  flush();
  return out;
}

std::string PetrarchActor::CodeOn(const TextDate& date) const {
  if (date.IsSet()) {
    for (const Dated& d : dated) {
      if (d.from.IsSet() && CompareDates(date, d.from) < 0) continue;
      if (d.to.IsSet() && CompareDates(date, d.to) > 0) continue;
      return d.code;
    }
  }
  if (!default_code.empty()) return default_code;
  return dated.empty() ? "" : dated.back().code;
}

void PetrarchDictionaries::PhraseIndex::Add(const std::vector<std::string>& words, int id) {
  if (words.empty()) return;
  std::vector<Entry>& list = first[words[0]];
  Entry e{std::vector<std::string>(words.begin() + 1, words.end()), id};
  auto pos = std::find_if(list.begin(), list.end(), [&](const Entry& q) { return q.rest.size() < e.rest.size(); });
  list.insert(pos, std::move(e));
}

size_t PetrarchDictionaries::PhraseIndex::Match(const std::vector<std::string>& words, size_t i, int* id) const {
  auto it = first.find(words[i]);
  if (it == first.end()) return 0;
  for (const Entry& e : it->second) {
    if (i + 1 + e.rest.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < e.rest.size() && ok; ++k) ok = words[i + 1 + k] == e.rest[k];
    if (ok) {
      *id = e.id;
      return 1 + e.rest.size();
    }
  }
  return 0;
}

Status PetrarchDictionaries::LoadActors(const std::string& path, std::vector<DictionaryIssue>* issues) {
  int current = -1;
  auto restriction = [&](int no, const std::string& body) {
    if (current < 0) {
      issues->push_back({path, no, "date restriction before any actor"});
      return;
    }
    // "KAZGOV >900424", "USRKAZ <911216", "KAZELI 580101-000101", "HOBGOV 19950601 - 19990815", "KAZELI".
    std::string b(Trim(body));
    size_t sp = b.find_first_of(" \t");
    std::string code(Trim(sp == std::string::npos ? std::string_view(b) : std::string_view(b).substr(0, sp)));
    std::string rest = sp == std::string::npos ? "" : std::string(Trim(std::string_view(b).substr(sp)));
    // A code starts with a letter ("G77" is a code, "950601-990815" a date).
    bool code_ok = !code.empty() && !(code[0] >= '0' && code[0] <= '9');
    if (!code_ok) {
      issues->push_back({path, no, "restriction [" + b + "] has no actor code"});
      return;
    }
    PetrarchActor::Dated d;
    d.code = code;
    if (!rest.empty()) {
      if (rest[0] == '<') {
        auto t = ParseDictDate(rest.substr(1));
        if (!t) return issues->push_back({path, no, "bad date in [" + b + "]"});
        d.to = *t;
      } else if (rest[0] == '>') {
        auto f = ParseDictDate(rest.substr(1));
        if (!f) return issues->push_back({path, no, "bad date in [" + b + "]"});
        d.from = *f;
      } else {
        size_t dash = rest.find('-');
        auto f = dash == std::string::npos ? std::nullopt : ParseDictDate(rest.substr(0, dash));
        auto t = dash == std::string::npos ? std::nullopt : ParseDictDate(rest.substr(dash + 1));
        if (!f || !t) return issues->push_back({path, no, "bad date range in [" + b + "]"});
        d.from = *f;
        d.to = *t;
      }
      actors_[current].dated.push_back(d);
    } else if (actors_[current].default_code.empty()) {
      actors_[current].default_code = code;
    }
  };
  return ForEachLine(path, "#;", [&](int no, const std::string& line, const std::string&) {
    std::string_view t = Trim(line);
    if (t.empty()) return;
    if (t[0] == '[') {
      for (const std::string& b : Brackets(t)) restriction(no, b);
      return;
    }
    if (t[0] == '+') {
      if (current < 0) return issues->push_back({path, no, "synonym before any actor"});
      std::vector<std::string> words = UpperWords(Before(t.substr(1), '['));
      if (!words.empty()) actors_[current].phrases.push_back(std::move(words));
      for (const std::string& b : Brackets(t)) {
        if (actors_[current].default_code.empty()) actors_[current].default_code = b;
      }
      return;
    }
    PetrarchActor a;
    std::vector<std::string> words = UpperWords(Before(t, '['));
    if (words.empty()) return issues->push_back({path, no, "actor line without a phrase"});
    a.phrases.push_back(std::move(words));
    actors_.push_back(std::move(a));
    current = static_cast<int>(actors_.size() - 1);
    for (const std::string& b : Brackets(t)) restriction(no, b);
  });
}

Status PetrarchDictionaries::LoadAgents(const std::string& path, std::vector<DictionaryIssue>* issues) {
  std::unordered_map<std::string, std::vector<std::string>> macros;  // "!PERSON!" -> words
  return ForEachLine(path, "#", [&](int no, const std::string& line, const std::string&) {
    std::string_view t = Trim(line);
    if (t.empty()) return;
    if (t[0] == '!' && t.find('=') != std::string_view::npos) {
      std::string name(Trim(t.substr(0, t.find('='))));
      std::vector<std::string> alts;
      for (std::string_view a : Split(t.substr(t.find('=') + 1), ',')) {
        std::string w(Trim(a));
        for (char& c : w) c = Upper(c);
        if (!w.empty()) alts.push_back(w);
      }
      macros[name] = alts;
      return;
    }
    std::vector<std::string> codes = Brackets(t);
    if (codes.empty()) return issues->push_back({path, no, "agent without a [~CODE]"});
    std::string code = codes.back();
    PetrarchAgent a;
    if (!code.empty() && code.back() == '~') {
      a.prefix = true;
      code.pop_back();
    } else if (!code.empty() && code[0] == '~') {
      code.erase(code.begin());
    }
    a.code = std::string(Trim(code));
    std::string phrase = Before(t, '[');
    std::string plurals;
    if (size_t b = phrase.find('{'); b != std::string::npos) {
      size_t e = phrase.find('}', b);
      plurals = phrase.substr(b + 1, e == std::string::npos ? std::string::npos : e - b - 1);
      phrase = std::string(Trim(phrase.substr(0, b)));
    } else {
      plurals = "\x01";  // regular plural
    }
    // Expand a macro inside the phrase ("CONGRESS!PERSON!").
    std::vector<std::string> expanded = {phrase};
    for (const auto& [name, alts] : macros) {
      std::vector<std::string> next;
      for (const std::string& p : expanded) {
        size_t pos = p.find(name);
        if (pos == std::string::npos) {
          next.push_back(p);
          continue;
        }
        for (const std::string& alt : alts) next.push_back(p.substr(0, pos) + alt + p.substr(pos + name.size()));
      }
      expanded = std::move(next);
    }
    for (const std::string& p : expanded) {
      std::vector<std::string> words = UpperWords(p);
      if (words.empty()) continue;
      a.phrases.push_back(words);
      if (plurals == "\x01") {
        words.back() = PluralOf(words.back());
        a.phrases.push_back(words);
      }
    }
    if (plurals != "\x01") {
      for (std::string_view pl : Split(plurals, ' ')) {
        std::vector<std::string> words = UpperWords(pl);
        if (!words.empty()) a.phrases.push_back(words);
      }
    }
    if (a.phrases.empty()) return issues->push_back({path, no, "agent line without a phrase"});
    agents_.push_back(std::move(a));
  });
}

namespace {

// Splits a pattern's text into literal-word slots; synsets expand to their
// members' head words, "{ A | B }" to alternatives; $ + % ^ are markers.
std::vector<std::vector<std::string>> PatternSlots(
    std::string_view text, const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& synsets) {
  std::vector<std::vector<std::string>> slots;
  std::string s(text);
  for (char& c : s) {
    if (c == '_' || c == '(' || c == ')' || c == '{' || c == '}') c = ' ';
  }
  bool in_alt = false;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i >= s.size()) break;
    size_t j = i;
    while (j < s.size() && s[j] != ' ') ++j;
    std::string tok = s.substr(i, j - i);
    i = j;
    if (tok == "|") {
      in_alt = true;
      continue;
    }
    if (tok == "$" || tok == "+" || tok == "%" || tok == "^" || tok == "*") continue;
    while (!tok.empty() && (tok.back() == '+' || tok.back() == '$' || tok.back() == '%')) tok.pop_back();
    while (!tok.empty() && (tok[0] == '+' || tok[0] == '$' || tok[0] == '%')) tok.erase(tok.begin());
    if (tok.empty()) continue;
    std::vector<std::string> slot;
    if (tok[0] == '&') {
      auto it = synsets.find(tok);
      if (it == synsets.end()) continue;
      for (const auto& member : it->second) {
        if (!member.empty()) slot.push_back(member.back());
      }
    } else {
      for (char& c : tok) c = Upper(c);
      slot.push_back(tok);
    }
    if (in_alt && !slots.empty()) {
      slots.back().insert(slots.back().end(), slot.begin(), slot.end());
      in_alt = false;
    } else {
      slots.push_back(std::move(slot));
    }
  }
  return slots;
}

bool ParsePattern(std::string_view t, const std::unordered_map<std::string, std::vector<std::vector<std::string>>>& synsets,
                  VerbPattern* p) {
  // "- PRE * POST [CODE]"
  size_t br = t.rfind('[');
  size_t be = br == std::string_view::npos ? std::string_view::npos : t.find(']', br);
  if (br == std::string_view::npos || be == std::string_view::npos) return false;
  p->code = FirstCode(std::string(t.substr(br + 1, be - br - 1)));
  std::string_view body = t.substr(1, br - 1);
  size_t star = body.find('*');
  if (star == std::string_view::npos) return false;
  p->before = PatternSlots(body.substr(0, star), synsets);
  p->after = PatternSlots(body.substr(star + 1), synsets);
  return true;
}

// "WORD {FORMS} [CODE]", "+BEEF_UP {+BEEFS_UP ...}", "KLM_NOP_+RST [002]".
PetrarchVerb ParseVerbEntry(std::string_view t, const std::string& block_code, bool tabari) {
  PetrarchVerb v;
  std::string head = Before(Before(t, '['), '{');
  if (size_t sp = head.find_first_of(" \t"); sp != std::string::npos) head = head.substr(0, sp);
  for (char& c : head) c = Upper(c);
  std::vector<std::string> parts;
  for (std::string_view p : Split(head, '_')) {
    if (!p.empty()) parts.emplace_back(p);
  }
  size_t verb_at = 0;
  for (size_t k = 0; k < parts.size(); ++k) {
    if (!parts[k].empty() && parts[k][0] == '+') {
      verb_at = k;
      parts[k].erase(parts[k].begin());
    }
  }
  if (parts.empty()) return v;
  v.lemma = parts[verb_at];
  for (size_t k = verb_at + 1; k < parts.size(); ++k) v.particle.push_back(parts[k]);
  std::vector<std::string> codes = Brackets(t);
  v.code = codes.empty() ? block_code : FirstCode(codes[0]);
  size_t b = t.find('{');
  if (b != std::string_view::npos) {
    size_t e = t.find('}', b);
    std::string_view inside = t.substr(b + 1, e == std::string_view::npos ? std::string_view::npos : e - b - 1);
    v.forms.push_back(v.lemma);
    for (std::string_view f : Split(inside, ' ')) {
      std::string form(Trim(f));
      if (form.empty()) continue;
      for (char& c : form) c = Upper(c);
      // "+BROKE_DOWN" / "WIRE_+TAPS": the marked word is the form.
      std::vector<std::string> fp;
      for (std::string_view q : Split(form, '_')) fp.emplace_back(q);
      std::string chosen = fp.size() > verb_at ? fp[verb_at] : fp.back();
      for (const std::string& q : fp) {
        if (!q.empty() && q[0] == '+') chosen = q.substr(1);
      }
      if (!chosen.empty()) v.forms.push_back(chosen);
    }
  } else {
    v.forms = RegularForms(v.lemma);
    if (tabari) {
      // TABARI stems ("ACCELERAT", "ABUS") match words that begin with them.
      for (const char* suffix : {"E", "ES", "ED", "ING", "ION", "IONS", "ATE", "ATED", "ATES"}) {
        v.forms.push_back(v.lemma + suffix);
      }
    }
  }
  return v;
}

}  // namespace

Status PetrarchDictionaries::LoadPetrarchVerbs(const std::string& path, std::vector<DictionaryIssue>* issues) {
  enum { kNone, kSynset, kBlock } state = kNone;
  std::string synset;
  std::string block_code;
  size_t block_first = verbs_.size();
  return ForEachLine(path, "#", [&](int no, const std::string& line, const std::string&) {
    std::string_view t = Trim(line);
    if (t.empty()) {
      if (state == kSynset) state = kNone;
      return;
    }
    if (t.rfind("---", 0) == 0) {
      std::vector<std::string> codes = Brackets(t);
      block_code = codes.empty() ? "---" : FirstCode(codes[0]);
      state = kBlock;
      block_first = verbs_.size();
      return;
    }
    if (t[0] == '&') {
      synset = Before(t, ' ');
      for (char& c : synset) c = Upper(c);
      synsets_[synset];
      state = kSynset;
      return;
    }
    if (t[0] == '+' && state == kSynset) {
      std::vector<std::string> words = UpperWords(t.substr(1));
      if (!words.empty()) synsets_[synset].push_back(words);
      // Synset members get regular plurals unless the name or phrase ends in '_'.
      if (!words.empty() && synset.back() != '_' && t.back() != '_') {
        words.back() = PluralOf(words.back());
        synsets_[synset].push_back(words);
      }
      return;
    }
    if (t[0] == '~') return;  // transformations: not used by the shallow coder
    if (t[0] == '-' && state == kBlock) {
      VerbPattern p;
      if (!ParsePattern(t, synsets_, &p)) return issues->push_back({path, no, "pattern without '*' or [CODE]"});
      for (size_t k = block_first; k < verbs_.size(); ++k) verbs_[k].patterns.push_back(p);
      return;
    }
    if (state == kBlock) {
      PetrarchVerb v = ParseVerbEntry(t, block_code, false);
      if (v.lemma.empty()) return issues->push_back({path, no, "verb line without a verb"});
      verbs_.push_back(std::move(v));
      return;
    }
    issues->push_back({path, no, "line outside any synset or verb block"});
  });
}

Status PetrarchDictionaries::LoadTabariVerbs(const std::string& path, std::vector<DictionaryIssue>* issues) {
  int current = -1;
  return ForEachLine(path, ";#", [&](int no, const std::string& line, const std::string&) {
    std::string_view t = Trim(line);
    if (t.empty()) return;
    if (t[0] == '-') {
      if (current < 0) return issues->push_back({path, no, "pattern before any verb"});
      VerbPattern p;
      if (!ParsePattern(t, synsets_, &p)) return issues->push_back({path, no, "pattern without '*' or [CODE]"});
      verbs_[current].patterns.push_back(std::move(p));
      return;
    }
    std::vector<std::string> codes = Brackets(t);
    PetrarchVerb v = ParseVerbEntry(t, codes.empty() ? "---" : FirstCode(codes[0]), true);
    if (v.lemma.empty()) return issues->push_back({path, no, "verb line without a verb"});
    verbs_.push_back(std::move(v));
    current = static_cast<int>(verbs_.size() - 1);
  });
}

Status PetrarchDictionaries::LoadDiscards(const std::string& path, std::vector<DictionaryIssue>* /*issues*/) {
  return ForEachLine(path, "#", [&](int, const std::string& line, const std::string&) {
    std::string_view t = Trim(line);
    if (t.empty()) return;
    if (t[0] == '+') t.remove_prefix(1);
    std::vector<std::string> words = UpperWords(t);
    if (!words.empty()) discards_.push_back(std::move(words));
  });
}

size_t PetrarchDictionaries::pattern_count() const {
  size_t n = 0;
  for (const PetrarchVerb& v : verbs_) n += v.patterns.size();
  return n;
}

void PetrarchDictionaries::BuildIndexes() {
  actor_index_ = {};
  agent_index_ = {};
  discard_index_ = {};
  verb_forms_.clear();
  for (size_t i = 0; i < actors_.size(); ++i) {
    for (const auto& p : actors_[i].phrases) actor_index_.Add(p, static_cast<int>(i));
  }
  for (size_t i = 0; i < agents_.size(); ++i) {
    for (const auto& p : agents_[i].phrases) agent_index_.Add(p, static_cast<int>(i));
  }
  for (size_t i = 0; i < discards_.size(); ++i) discard_index_.Add(discards_[i], static_cast<int>(i));
  for (size_t i = 0; i < verbs_.size(); ++i) {
    for (const std::string& f : verbs_[i].forms) {
      std::vector<int>& ids = verb_forms_[f];
      if (std::find(ids.begin(), ids.end(), static_cast<int>(i)) == ids.end()) ids.push_back(static_cast<int>(i));
    }
  }
}

std::vector<Coding> PatternCoder::Code(std::string_view sentence, const TextDate& date) const {
  const PetrarchDictionaries& d = *d_;
  std::vector<std::string> w = UpperWords(sentence);
  std::vector<Coding> out;
  for (size_t i = 0; i < w.size(); ++i) {
    int id;
    if (d.discard_index().Match(w, i, &id)) return out;  // a discarded story: not coded
  }
  // Actors and agents, longest first; an agent next to an actor sharpens it
  // ("Arnor cleric" -> ARN + REL, "police of Gondor" -> GON + COP).
  struct Ent {
    size_t b, e;
    std::string code;
    bool agent;
    bool prefix;
  };
  std::vector<Ent> ents;
  for (size_t i = 0; i < w.size();) {
    int a = -1, g = -1;
    size_t na = d.actor_index().Match(w, i, &a);
    size_t ng = d.agent_index().Match(w, i, &g);
    if (na == 0 && ng == 0) {
      ++i;
      continue;
    }
    if (na >= ng) {
      std::string code = d.actors()[a].CodeOn(date);
      for (char& c : code) c = Upper(c);
      ents.push_back({i, i + na, code, false, false});
      i += na;
    } else {
      const PetrarchAgent& ag = d.agents()[g];
      ents.push_back({i, i + ng, ag.code, true, ag.prefix});
      i += ng;
    }
  }
  struct Actor {
    size_t b, e;
    std::string code;
  };
  // An agent's code joins the actor's once: "White House security officials"
  // is USAGOV, not USAGOVGOV.
  auto join = [](const std::string& actor, const Ent& agent) {
    if (agent.prefix) return agent.code + actor;
    if (actor.size() >= agent.code.size() && actor.compare(actor.size() - agent.code.size(), agent.code.size(), agent.code) == 0) {
      return actor;
    }
    return actor + agent.code;
  };
  std::vector<Actor> actors;
  for (size_t k = 0; k < ents.size(); ++k) {
    const Ent& e = ents[k];
    if (e.agent) {
      // "police of Gondor", "soldiers from Gondor", "activists in Arnor",
      // and a prefix agent before its actor ("MSF Arnor").
      if (k + 1 < ents.size() && !ents[k + 1].agent) {
        const Ent& a = ents[k + 1];
        bool linked = (a.b == e.e + 1 && (w[e.e] == "OF" || w[e.e] == "FROM" || w[e.e] == "IN")) ||
                      (e.prefix && a.b == e.e);
        if (linked) {
          Actor x{e.b, a.e, join(a.code, e)};
          // "MSF Arnor diplomat": a further agent after the actor.
          if (k + 2 < ents.size() && ents[k + 2].agent && ents[k + 2].b == a.e) {
            x.code = join(x.code, ents[k + 2]);
            x.e = ents[k + 2].e;
            ++k;
          }
          actors.push_back(x);
          ++k;
        }
      }
      continue;
    }
    Actor a{e.b, e.e, e.code};
    size_t n = k + 1;
    if (n < ents.size() && ents[n].agent && (ents[n].b == e.e || (ents[n].b == e.e + 1 && w[e.e] == "'S"))) {
      a.code = join(a.code, ents[n]);
      a.e = ents[n].e;
      ++k;
    }
    if (a.code.empty() || a.code == "---" || a.code == "+++") continue;
    actors.push_back(a);
  }
  // Groups: actors joined by "and" or commas act together.
  std::vector<std::vector<size_t>> groups;
  for (size_t k = 0; k < actors.size(); ++k) {
    bool joined = !groups.empty() && k > 0 && actors[k].b >= actors[k - 1].e && actors[k].b <= actors[k - 1].e + 1;
    if (joined && actors[k].b == actors[k - 1].e + 1) {
      const std::string& between = w[actors[k - 1].e];
      joined = between == "AND" || between == ",";
    }
    if (joined) {
      groups.back().push_back(k);
    } else {
      groups.push_back({k});
    }
  }
  auto in_actor = [&](size_t i) {
    for (const Actor& a : actors) {
      if (i >= a.b && i < a.e) return true;
    }
    return false;
  };
  for (size_t i = 0; i < w.size(); ++i) {
    auto it = d.verb_forms().find(w[i]);
    if (it == d.verb_forms().end() || in_actor(i)) continue;
    // Source: the nearest group before the verb; target: the nearest after.
    int src = -1, tgt = -1;
    for (size_t g = 0; g < groups.size(); ++g) {
      const Actor& last = actors[groups[g].back()];
      const Actor& first = actors[groups[g].front()];
      if (last.e <= i) src = static_cast<int>(g);
      if (first.b > i && tgt < 0) tgt = static_cast<int>(g);
    }
    if (src < 0 || tgt < 0) continue;
    std::string code;
    size_t best_slots = 0;
    bool matched = false;
    for (int vid : it->second) {
      const PetrarchVerb& v = d.verbs()[vid];
      bool particle_ok = true;
      for (size_t k = 0; k < v.particle.size() && particle_ok; ++k) {
        particle_ok = i + 1 + k < w.size() && w[i + 1 + k] == v.particle[k];
      }
      if (!particle_ok) continue;
      if (!matched) code = v.code;
      for (const VerbPattern& p : v.patterns) {
        // Literal words in order: before the verb, and after it.
        size_t pos = i;
        bool ok = true;
        for (size_t s = p.before.size(); s-- > 0 && ok;) {
          ok = false;
          while (pos > 0 && !ok) {
            --pos;
            ok = std::find(p.before[s].begin(), p.before[s].end(), w[pos]) != p.before[s].end();
          }
        }
        pos = i + 1;
        for (size_t s = 0; s < p.after.size() && ok; ++s) {
          ok = false;
          while (pos < w.size() && !ok) {
            ok = std::find(p.after[s].begin(), p.after[s].end(), w[pos]) != p.after[s].end();
            ++pos;
          }
        }
        size_t slots = p.before.size() + p.after.size();
        if (ok && (slots > best_slots || (!matched && slots == 0))) {
          best_slots = slots;
          code = p.code;
          matched = true;
        }
      }
    }
    if (code.empty() || code == "---") continue;
    // CAMEO's reciprocal pairs: a visit (032) is hosted (033) by its
    // target; a meeting (031) is met by both sides.
    auto add = [&](Coding c) {
      if (c.source != c.target && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
    };
    for (size_t s : groups[src]) {
      for (size_t t : groups[tgt]) {
        add({actors[s].code, actors[t].code, code});
        if (code == "032") add({actors[t].code, actors[s].code, "033"});
        if (code == "031") add({actors[t].code, actors[s].code, "031"});
      }
    }
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace bilat::text
