#include "ingest/text/document.h"

#include <cctype>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/text.h"
#include "ingest/text/lexicon.h"
#include "ingest/text/tokenizer.h"

namespace bilat::text {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool ValidYmd(int y, int m, int d) {
  return y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
         d <= (m == 2 ? ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28)
                      : (m == 4 || m == 6 || m == 9 || m == 11 ? 30 : 31));
}

int MonthFromAbbrev(std::string_view s) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (s.size() != 3) return 0;
  std::string l = ToLower(s);
  for (int m = 0; m < 12; ++m) {
    if (l == kNames[m]) return m + 1;
  }
  return 0;
}

std::string StemOf(const std::string& path) { return std::filesystem::path(path).stem().string(); }

bool HasExtension(const std::string& path, std::initializer_list<std::string_view> exts) {
  std::string ext = ToLower(std::filesystem::path(path).extension().string());
  for (std::string_view e : exts) {
    if (ext == e) return true;
  }
  return false;
}

// Refuses binary data: NUL bytes, or control characters in more than 5% of it.
Status CheckIsText(const NormalizedText& n, size_t size, const std::string& where) {
  if (n.nul_bytes > 0) {
    return Status::InvalidArgument(where + ": binary data (" + std::to_string(n.nul_bytes) +
                                   " NUL bytes), not text; give bilat extract text, HTML or JSON Lines");
  }
  if (size >= 64 && (n.control_chars + n.invalid_utf8) * 4 > size) {
    return Status::InvalidArgument(where + ": binary data (" +
                                   std::to_string(n.control_chars + n.invalid_utf8) + " of " +
                                   std::to_string(size) +
                                   " bytes are control characters or invalid UTF-8), not text");
  }
  return Status::Ok();
}

// "date 2023-05-18" at `pos` (the corpus marks a document's date so).
bool ReadDateMarker(std::string_view t, size_t* pos, TextDate* date) {
  size_t i = *pos;
  while (i < t.size() && (t[i] == ' ' || t[i] == '\n')) ++i;
  if (t.compare(i, 5, "date ") != 0 && t.compare(i, 5, "Date:") != 0 && t.compare(i, 5, "DATE:") != 0) {
    return false;
  }
  size_t j = i + 5;
  while (j < t.size() && t[j] == ' ') ++j;
  int y = Digits(t, j, 4), m = Digits(t, j + 5, 2), d = Digits(t, j + 8, 2);
  if (y < 0 || m < 0 || d < 0 || t[j + 4] != '-' || t[j + 7] != '-' || !ValidYmd(y, m, d)) return false;
  *date = TextDate::Day(y, m, d);
  *pos = j + 10;
  return true;
}

// A dateline at the start of one of the first paragraphs: an upper-case
// place name, then a date before the first lower-case word
// ("BEIJING, Jan. 22, 2024 /PRNewswire/ --", "BELGRADE, May 9 (Xinhua) --").
TextDate FindDateline(const Document& doc, const TextDate& url_date) {
  static const std::shared_ptr<const Lexicon> lex = Lexicon::BuiltIn();
  std::vector<Paragraph> paras = SplitParagraphs(doc.norm.text, doc.body_begin, doc.norm.text.size());
  for (size_t p = 0; p < paras.size() && p < 3; ++p) {
    std::vector<Token> toks;
    size_t end = std::min(paras[p].end, paras[p].begin + 200);
    Tokenize(doc.norm.text, paras[p].begin, end, &toks);
    if (toks.empty() || !toks[0].Has(kAllCaps)) continue;
    size_t n = 0;
    while (n < toks.size() && n < 16 && !toks[n].Has(kLower)) ++n;
    std::vector<const LexInfo*> infos(n);
    for (size_t k = 0; k < n; ++k) {
      infos[k] = lex->Find(std::string_view(doc.lower).substr(toks[k].begin, toks[k].size()));
    }
    SentenceView s{doc.norm.text, doc.lower, toks.data(), infos.data(), static_cast<uint32_t>(n)};
    DateContext ctx;
    ctx.writing = url_date;
    for (const DateMention& m : FindDates(s, ctx, false)) {
      if (m.date.HasDay()) {
        // A year-less dateline takes its year from the URL; without one it is no date.
        if (m.relative && !url_date.IsSet()) continue;
        return m.date;
      }
    }
  }
  return {};
}

// A numeric date in `s`: "2010/06/11", "2010.06.11", "11.06.2010",
// "11/06/2010". Day first, as most of the world writes it, unless only the
// month-first reading is a date ("06/25/2010"). Unset if none.
TextDate NumericDate(std::string_view s) {
  for (size_t i = 0; i + 8 <= s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && IsDigit(s[i - 1]))) continue;
    size_t a = i;
    while (a < s.size() && IsDigit(s[a])) ++a;
    size_t la = a - i;
    if (a + 1 >= s.size() || (s[a] != '.' && s[a] != '/' && s[a] != '-')) continue;
    char sep = s[a];
    size_t b = a + 1;
    while (b < s.size() && IsDigit(s[b])) ++b;
    size_t lb = b - a - 1;
    if (b + 1 >= s.size() || s[b] != sep || lb < 1 || lb > 2) continue;
    size_t c = b + 1;
    while (c < s.size() && IsDigit(s[c])) ++c;
    size_t lc = c - b - 1;
    if (c < s.size() && IsDigit(s[c])) continue;
    int x = Digits(s, i, la), y = Digits(s, a + 1, lb), z = Digits(s, b + 1, lc);
    if (la == 4 && lc >= 1 && lc <= 2 && ValidYmd(x, y, z)) return TextDate::Day(x, y, z);
    if (lc == 4 && la >= 1 && la <= 2) {
      if (x > 12 && ValidYmd(z, y, x)) return TextDate::Day(z, y, x);
      if (y > 12 && ValidYmd(z, x, y)) return TextDate::Day(z, x, y);
      if (ValidYmd(z, y, x)) return TextDate::Day(z, y, x);
    }
  }
  return {};
}

// The first day-precision date with a stated year in the tokens of `s`.
TextDate FirstFullDate(const SentenceView& s, const TextDate& url_date) {
  DateContext ctx;
  ctx.writing = url_date;
  for (const DateMention& m : FindDates(s, ctx, false)) {
    if (m.date.HasDay() && !m.relative) return m.date;
  }
  return {};
}

// A byline: the date a page gives its piece outside the prose. In the
// first paragraphs, a short line that is a label and a date ("Updated:
// 2019-04-02 08:15", "Release Date: ...", "Posted on 3 May 2021",
// "Published 12.05.2023") or only a date and a time ("April 2, 2019 |
// 08:15"); at the end, a source line in brackets ("(Daily Courier April 2,
// 2019)"). Dates in prose, quotes and captions are not bylines.
TextDate FindByline(const Document& doc, const TextDate& url_date) {
  static const std::shared_ptr<const Lexicon> lex = Lexicon::BuiltIn();
  std::vector<Paragraph> paras = SplitParagraphs(doc.norm.text, doc.body_begin, doc.norm.text.size());
  auto view = [&](const Paragraph& p, std::vector<Token>* toks, std::vector<const LexInfo*>* infos) {
    toks->clear();
    Tokenize(doc.norm.text, p.begin, std::min(p.end, p.begin + 200), toks);
    infos->resize(toks->size());
    for (size_t k = 0; k < toks->size(); ++k) {
      (*infos)[k] = lex->Find(std::string_view(doc.lower).substr((*toks)[k].begin, (*toks)[k].size()));
    }
    return SentenceView{doc.norm.text, doc.lower, toks->data(), infos->data(), static_cast<uint32_t>(toks->size())};
  };
  std::vector<Token> toks;
  std::vector<const LexInfo*> infos;
  // A page may print today's date above the article's own ("Friday Mar
  // 7, 2025" over "Monday, 2 April 2019 08:15"): the earliest wins,
  // as no article is dated after the page that shows it.
  TextDate best;
  auto take = [&](const TextDate& d) {
    if (d.IsSet() && (!best.IsSet() || CompareDates(d, best) < 0)) best = d;
  };
  for (size_t p = 0; p < paras.size() && p < 8; ++p) {
    std::string_view line = std::string_view(doc.lower).substr(paras[p].begin, paras[p].end - paras[p].begin);
    if (line.size() > 80) continue;
    static const char* kLabels[] = {"updated", "last updated", "published", "first published", "posted",
                                    "release date", "released", "date", "publication date", "issued"};
    bool labelled = false;
    for (const char* l : kLabels) {
      std::string_view lv(l);
      if (line.rfind(lv, 0) == 0 && (line.size() == lv.size() || !std::isalpha(static_cast<unsigned char>(line[lv.size()])))) {
        labelled = true;
      }
    }
    SentenceView s = view(paras[p], &toks, &infos);
    if (labelled) {
      TextDate d = FirstFullDate(s, url_date);
      if (!d.IsSet()) d = NumericDate(line);
      take(d);
      continue;
    }
    // Only a date (and a time): the date must open the line, and no
    // lower-case word may follow it.
    if (s.size == 0 || s.size > 24) continue;
    DateContext ctx;
    ctx.writing = url_date;
    std::vector<DateMention> ds = FindDates(s, ctx, false);
    // Also a place before the date, as press releases head them:
    // "Brussels, 1 July 2024", "New Delhi, 19 March 2022".
    uint32_t opens = 0;
    while (opens < s.size && opens < 3 && toks[opens].Has(kCapitalized) && toks[opens].kind == TokenKind::kWord) ++opens;
    const bool placed = opens > 0 && opens < s.size && s.Str(opens) == "," && !ds.empty() && ds[0].begin == opens + 1;
    if (!ds.empty() && (ds[0].begin == 0 || placed) && ds[0].date.HasDay() && !ds[0].relative) {
      // Prose after the date (two lower-case words in a row) makes it a
      // sentence; a time, bars or template debris do not.
      bool words = false;
      for (uint32_t k = ds[0].end; k + 1 < s.size; ++k) {
        words |= toks[k].Has(kLower) && toks[k + 1].Has(kLower) && toks[k + 1].Has(kSpaceBefore);
      }
      if (!words) take(ds[0].date);
      continue;
    }
    TextDate numeric = NumericDate(line);
    if (numeric.IsSet() && line.find_first_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos) {
      take(numeric);
    }
  }
  if (best.IsSet()) return best;
  for (size_t p = paras.size(); p-- > 0 && p + 3 >= paras.size();) {
    std::string_view line = std::string_view(doc.norm.text).substr(paras[p].begin, paras[p].end - paras[p].begin);
    if (line.size() < 8 || line.size() > 80 || line.front() != '(' || line.back() != ')') continue;
    SentenceView s = view(paras[p], &toks, &infos);
    TextDate d = FirstFullDate(s, url_date);
    if (d.IsSet()) return d;
  }
  return {};
}

// Dates of URLs that stand alone on a line of the body: a republished
// piece citing where it first appeared.
TextDate FindOriginalDate(const Document& doc) {
  std::string_view t = doc.norm.text;
  size_t pos = doc.body_begin;
  while (pos < t.size()) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    std::string_view line = Trim(t.substr(pos, nl - pos));
    if ((line.rfind("http://", 0) == 0 || line.rfind("https://", 0) == 0) &&
        line.find(' ') == std::string_view::npos) {
      TextDate d = DateFromUrl(line);
      if (d.IsSet()) return d;
    }
    pos = nl + 1;
  }
  return {};
}

// Reads lines of at most `limit` bytes; longer lines are skipped in
// pieces, so memory stays bounded whatever the input.
class BoundedLineReader {
 public:
  BoundedLineReader(std::istream* in, size_t limit) : in_(in), limit_(limit) {}

  // Returns false at the end of input. `too_long` says the line was skipped.
  bool Next(std::string* line, bool* too_long) {
    line->clear();
    *too_long = false;
    bool any = false;
    while (true) {
      if (pos_ == len_) {
        if (eof_) return any;
        in_->read(buf_, sizeof buf_);
        len_ = static_cast<size_t>(in_->gcount());
        pos_ = 0;
        if (in_->bad()) failed_ = true;
        if (len_ < sizeof buf_) eof_ = true;
        if (len_ == 0) return any;
      }
      any = true;
      const char* nl = static_cast<const char*>(std::memchr(buf_ + pos_, '\n', len_ - pos_));
      size_t take = nl ? static_cast<size_t>(nl - (buf_ + pos_)) : len_ - pos_;
      if (!*too_long) {
        if (line->size() + take > limit_) {
          *too_long = true;
          line->clear();
          line->shrink_to_fit();
        } else {
          line->append(buf_ + pos_, take);
        }
      }
      pos_ += take;
      if (nl) {
        ++pos_;
        return true;
      }
    }
  }
  bool failed() const { return failed_; }

 private:
  std::istream* in_;
  size_t limit_;
  char buf_[1 << 16];
  size_t pos_ = 0, len_ = 0;
  bool eof_ = false, failed_ = false;
};

void FinishDocument(Document* doc, std::vector<ReadIssue>* issues) {
  doc->lower = ToLower(doc->norm.text);
  if (doc->norm.invalid_utf8 && issues) {
    issues->push_back({doc->source_path, 0,
                       std::to_string(doc->norm.invalid_utf8) +
                           " bytes of invalid UTF-8 were read as spaces (is the file UTF-8?)",
                       false});
  }
  TextDate url_date = DateFromUrl(doc->url);
  if (!doc->date.IsSet()) {
    TextDate line = FindDateline(*doc, url_date);
    if (!line.IsSet()) line = FindByline(*doc, url_date);
    if (line.IsSet()) {
      doc->date = line;
      doc->date_source = "text";
    } else if (url_date.IsSet()) {
      doc->date = url_date;
      doc->date_source = "url";
    }
  }
  TextDate original = FindOriginalDate(*doc);
  if (original.IsSet()) {
    if (!doc->date.IsSet()) {
      doc->date = original;
      doc->date_source = "url";
    } else if (CompareDates(original, doc->date) < 0) {
      doc->original_date = original;
    }
  }
}

}  // namespace

std::string ReadIssue::ToString() const {
  std::string s = file;
  if (line) s += ":" + std::to_string(line);
  return s + ": " + (fatal ? "" : "warning: ") + reason;
}

TextDate DateFromUrl(std::string_view url) {
  // Only the path: host names carry digits too ("24.kg").
  size_t scheme = url.find("://");
  size_t path = url.find('/', scheme == std::string_view::npos ? 0 : scheme + 3);
  if (path == std::string_view::npos) return {};
  std::string_view p = url.substr(path);
  TextDate month_only;
  for (size_t i = 0; i < p.size(); ++i) {
    if (!IsDigit(p[i]) || (i > 0 && IsDigit(p[i - 1]))) continue;
    size_t run = i;
    while (run < p.size() && IsDigit(p[run])) ++run;
    size_t len = run - i;
    if (len == 8) {
      int a = Digits(p, i, 4), b = Digits(p, i + 4, 2), c = Digits(p, i + 6, 2);
      if (ValidYmd(a, b, c)) return TextDate::Day(a, b, c);
      int d = Digits(p, i, 2), m = Digits(p, i + 2, 2), y = Digits(p, i + 4, 4);
      if (ValidYmd(y, m, d)) return TextDate::Day(y, m, d);
    } else if (len == 4) {
      int y = Digits(p, i, 4);
      if (y >= 1990 && y <= 2100 && run + 3 <= p.size() && (p[run] == '/' || p[run] == '-')) {
        int m = Digits(p, run + 1, 2);
        if (m >= 1 && m <= 12 && (run + 3 == p.size() || !IsDigit(p[run + 3]))) {
          if (run + 6 <= p.size() && (p[run + 3] == '/' || p[run + 3] == '-')) {
            int d = Digits(p, run + 4, 2);
            if (d > 0 && (run + 6 == p.size() || !IsDigit(p[run + 6])) && ValidYmd(y, m, d)) {
              return TextDate::Day(y, m, d);
            }
          }
          if (!month_only.IsSet()) month_only = TextDate::Month(y, m);
        }
      }
    } else if (len == 6) {
      int y = Digits(p, i, 4), m = Digits(p, i + 4, 2);
      if (y >= 1990 && y <= 2100 && m >= 1 && m <= 12 && !month_only.IsSet()) {
        month_only = TextDate::Month(y, m);
      }
    } else if (len == 2 && run + 9 <= p.size() && p[run] == '-' && p[run + 4] == '-') {
      int d = Digits(p, i, 2), m = MonthFromAbbrev(p.substr(run + 1, 3)), y = Digits(p, run + 5, 4);
      if (m && ValidYmd(y, m, d) && (run + 9 == p.size() || !IsDigit(p[run + 9]))) {
        return TextDate::Day(y, m, d);
      }
    }
    i = run;
  }
  return month_only;
}

Result<Document> DocumentFromText(std::string id, std::string content, std::string source_path,
                                  std::vector<ReadIssue>* issues) {
  Document doc;
  doc.id = std::move(id);
  doc.source_path = std::move(source_path);
  doc.original = std::move(content);
  doc.norm = Normalize(doc.original);
  BILAT_RETURN_IF_ERROR(CheckIsText(doc.norm, doc.original.size(), doc.source_path));
  std::string_view t = doc.norm.text;
  size_t pos = 0;
  while (pos < t.size() && (t[pos] == ' ' || t[pos] == '\n')) ++pos;
  if (t.compare(pos, 4, "URL:") == 0) {
    size_t nl = t.find('\n', pos);
    if (nl == std::string_view::npos) nl = t.size();
    doc.url = std::string(Trim(t.substr(pos + 4, nl - pos - 4)));
    pos = nl;
  }
  TextDate marker;
  if (ReadDateMarker(t, &pos, &marker)) {
    doc.date = marker;
    doc.date_source = "text";
  }
  doc.body_begin = pos;
  FinishDocument(&doc, issues);
  return doc;
}

std::optional<TextDate> ParseInputDate(std::string_view d) {
  std::optional<TextDate> parsed;
  if (d.size() >= 10) parsed = TextDate::Parse(d.substr(0, 10));
  if (!parsed && d.size() == 8) {
    parsed = TextDate::Parse(std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
                             std::string(d.substr(6, 2)));
  }
  if (!parsed) parsed = TextDate::Parse(d);
  return parsed;
}

Result<Document> DocumentFromRecord(std::string id, std::string text, std::string url,
                                    const std::optional<TextDate>& date, std::string source_path,
                                    std::vector<ReadIssue>* issues) {
  BILAT_ASSIGN_OR_RETURN(Document doc, DocumentFromText(std::move(id), std::move(text), std::move(source_path), issues));
  if (!url.empty()) doc.url = std::move(url);
  if (date) {
    doc.date = *date;
    doc.date_source = "input";
  } else {
    // A record has no marker line: its date is the dateline's or the url's.
    doc.date = {};
    doc.date_source.clear();
    FinishDocument(&doc, nullptr);
  }
  return doc;
}

Result<Document> DocumentFromHtml(std::string id, std::string_view html, std::string source_path,
                                  std::vector<ReadIssue>* issues) {
  // Refuse binary data before looking for tags in it.
  NormalizedText probe = Normalize(html.substr(0, std::min<size_t>(html.size(), 1 << 16)));
  BILAT_RETURN_IF_ERROR(CheckIsText(probe, std::min<size_t>(html.size(), 1 << 16), source_path));
  std::string url, date;
  std::string text = HtmlToText(html, &url, &date);
  Document doc;
  doc.id = std::move(id);
  doc.source_path = std::move(source_path);
  doc.url = url;
  if (date.size() >= 10) {
    if (auto d = TextDate::Parse(date.substr(0, 10))) {
      doc.date = *d;
      doc.date_source = "input";
    }
  }
  doc.original = std::move(text);
  doc.norm = Normalize(doc.original);
  FinishDocument(&doc, issues);
  return doc;
}

Result<std::vector<Document>> ReadDocuments(const std::string& path, const ReadOptions& options,
                                            std::vector<ReadIssue>* issues) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec) return Status::IoError(path + ": cannot read (" + ec.message() + ")");
  if (std::filesystem::is_directory(path, ec)) {
    return Status::InvalidArgument(path + ": is a folder; give the text files in it");
  }
  std::vector<Document> docs;
  if (HasExtension(path, {".jsonl", ".ndjson"})) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::IoError(path + ": cannot open");
    const size_t limit = options.max_document_bytes;
    BoundedLineReader reader(&in, limit);
    std::string line;
    size_t line_no = 0;
    bool too_long = false;
    while (reader.Next(&line, &too_long)) {
      ++line_no;
      if (too_long) {
        issues->push_back({path, line_no,
                           "line longer than " + std::to_string(limit >> 20) +
                               " MiB skipped (one JSON object per line, one document each)"});
        continue;
      }
      if (Trim(line).empty()) continue;
      nlohmann::json j;
      try {
        j = nlohmann::json::parse(line);
      } catch (const nlohmann::json::exception& e) {
        issues->push_back({path, line_no, std::string("not a JSON object: ") + e.what()});
        continue;
      }
      if (!j.is_object() || !j.contains("text") || !j["text"].is_string()) {
        issues->push_back({path, line_no, "expected an object with a string \"text\" (and id, url, date)"});
        continue;
      }
      std::string id = StemOf(path) + "-" + std::to_string(line_no);
      if (j.contains("id") && j["id"].is_string()) id = j["id"].get<std::string>();
      if (j.contains("id") && j["id"].is_number_integer()) id = std::to_string(j["id"].get<long long>());
      std::string url;
      if (j.contains("url") && j["url"].is_string()) url = j["url"].get<std::string>();
      const bool dated = j.contains("date") && j["date"].is_string();
      const std::string d = dated ? j["date"].get<std::string>() : std::string();
      const std::optional<TextDate> date = dated ? ParseInputDate(d) : std::nullopt;
      Result<Document> doc = DocumentFromRecord(id, j["text"].get<std::string>(), std::move(url), date,
                                                path + ":" + std::to_string(line_no), issues);
      if (!doc.ok()) {
        issues->push_back({path, line_no, doc.status().message()});
        continue;
      }
      if (dated && !date) {
        issues->push_back({path, line_no, "date '" + d + "' is not YYYY-MM-DD; using the text's date", false});
      }
      docs.push_back(std::move(*doc));
    }
    if (reader.failed()) return Status::IoError(path + ": read error after line " + std::to_string(line_no));
    return docs;
  }
  if (size > options.max_document_bytes) {
    return Status::InvalidArgument(path + ": " + std::to_string(size) + " bytes is more than the " +
                                   std::to_string(options.max_document_bytes >> 20) +
                                   " MiB one document may have; split it, or give articles as JSON Lines");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError(path + ": cannot open");
  std::string content(size, '\0');
  in.read(content.data(), static_cast<std::streamsize>(size));
  content.resize(static_cast<size_t>(in.gcount()));
  bool html = HasExtension(path, {".html", ".htm", ".xhtml"});
  if (!html) {
    std::string_view head = Trim(std::string_view(content).substr(0, 512));
    std::string lower = ToLower(head.substr(0, 64));
    html = lower.rfind("<!doctype html", 0) == 0 || lower.rfind("<html", 0) == 0;
  }
  Result<Document> doc = html ? DocumentFromHtml(StemOf(path), content, path, issues)
                              : DocumentFromText(StemOf(path), std::move(content), path, issues);
  if (!doc.ok()) return doc.status();
  docs.push_back(std::move(*doc));
  return docs;
}

}  // namespace bilat::text
