// HTML to article text. Not a conforming HTML parser: a tolerant tag
// scanner that is enough to find an article's paragraphs in a news page and
// drop the rest. It never fails and runs in one pass over the input.
// Measured against libgumbo's HTML5 tree with the same rules
// (bench/html_gumbo_compare.cc, docs/text_extraction.md): it gives the same
// text on the malformed cases that matter and is several times faster.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/document.h"
#include "ingest/text/html_entities.h"
#include "ingest/text/unicode.h"

namespace bilat::text {
namespace {

char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (LowerAscii(a[i]) != LowerAscii(b[i])) return false;
  }
  return true;
}

// Finds `needle` (lower-case) in `hay` ignoring ASCII case, from `from`.
// Linear in the haystack for the
// short needles it is used with ("</script"): each candidate of the
// needle's first character is looked at once. (It used to memchr for an
// upper-case form of '<' that never occurs, scanning to the end for every
// '<': quadratic on an unclosed <script> followed by many '<'.)
size_t IFind(std::string_view hay, std::string_view needle, size_t from) {
  if (needle.empty() || hay.size() < needle.size()) return std::string_view::npos;
  const unsigned char first = static_cast<unsigned char>(needle[0]);
  const bool letter = std::isalpha(first) != 0;
  const char lower = static_cast<char>(std::tolower(first)), upper = static_cast<char>(std::toupper(first));
  for (size_t i = from; i + needle.size() <= hay.size();) {
    size_t at;
    if (letter) {
      at = i;
      while (at < hay.size() && hay[at] != lower && hay[at] != upper) ++at;
    } else {
      const char* p = static_cast<const char*>(std::memchr(hay.data() + i, needle[0], hay.size() - i));
      at = p ? static_cast<size_t>(p - hay.data()) : hay.size();
    }
    if (at + needle.size() > hay.size()) return std::string_view::npos;
    if (IEquals(hay.substr(at, needle.size()), needle)) return at;
    i = at + 1;
  }
  return std::string_view::npos;
}

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

// Elements whose whole content is page furniture, not article text.
bool IsSkipElement(std::string_view name) {
  return OneOf(name, {"nav", "header", "footer", "aside", "form", "button", "select", "figure",
                      "iframe", "svg", "template", "noscript", "menu", "dialog", "object",
                      "canvas", "video", "audio", "map"});
}

// Elements that hold raw text up to their end tag.
bool IsRawTextElement(std::string_view name) {
  return OneOf(name, {"script", "style", "textarea", "title", "xmp", "noembed"});
}

bool IsVoidElement(std::string_view name) {
  return OneOf(name, {"br", "hr", "img", "input", "meta", "link", "area", "base", "col",
                      "embed", "param", "source", "track", "wbr"});
}

bool IsBlockElement(std::string_view name) {
  return OneOf(name, {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                      "tr", "table", "article", "section", "blockquote", "pre", "dd", "dt", "dl",
                      "main", "body", "hr", "td", "th", "figcaption", "address", "center"});
}

// class/id words that mark furniture: menus, share bars, related links, ads.
bool IsBoilerplateClass(std::string_view value) {
  std::string v(value);
  for (char& c : v) c = LowerAscii(c);
  static const char* kWords[] = {"nav",     "menu",    "footer", "sidebar",  "cookie",
                                 "share",   "social",  "related", "comment", "advert",
                                 "promo",   "subscribe", "newsletter", "breadcrumb", "popup",
                                 "banner",  "masthead", "widget", "recommend", "more-news"};
  for (const char* w : kWords) {
    if (v.find(w) != std::string::npos) return true;
  }
  // "ad" and "ads" as whole words only ("header" and "shadow" are not ads).
  for (std::string_view word : {"ad", "ads"}) {
    size_t p = 0;
    while ((p = v.find(word, p)) != std::string::npos) {
      bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(v[p - 1]));
      size_t e = p + word.size();
      bool right = e == v.size() || !std::isalnum(static_cast<unsigned char>(v[e]));
      if (left && right) return true;
      p = e;
    }
  }
  return false;
}

struct Tag {
  std::string name;  // lower-case
  bool closing = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attrs;  // lower-case names
  std::string_view Attr(std::string_view n) const {
    for (const auto& [k, v] : attrs) {
      if (k == n) return v;
    }
    return {};
  }
};

// Parses the tag starting at html[pos] == '<'. Returns the position after
// '>' (or the end of input for an unterminated tag).
size_t ParseTag(std::string_view html, size_t pos, Tag* tag) {
  size_t i = pos + 1;
  if (i < html.size() && html[i] == '/') {
    tag->closing = true;
    ++i;
  }
  while (i < html.size() && (std::isalnum(static_cast<unsigned char>(html[i])) || html[i] == '-' ||
                             html[i] == ':')) {
    tag->name += LowerAscii(html[i]);
    ++i;
  }
  while (i < html.size() && html[i] != '>') {
    char c = html[i];
    if (c == '/' ) {
      tag->self_closing = true;
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    std::string name;
    while (i < html.size() && html[i] != '=' && html[i] != '>' && html[i] != '/' &&
           !std::isspace(static_cast<unsigned char>(html[i]))) {
      name += LowerAscii(html[i]);
      ++i;
    }
    while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
    std::string value;
    if (i < html.size() && html[i] == '=') {
      ++i;
      while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        char q = html[i++];
        size_t e = html.find(q, i);
        if (e == std::string_view::npos) e = html.size();
        value = std::string(html.substr(i, e - i));
        i = e < html.size() ? e + 1 : e;
      } else {
        while (i < html.size() && html[i] != '>' && !std::isspace(static_cast<unsigned char>(html[i]))) {
          value += html[i++];
        }
      }
    }
    // Not a name: step over the character. (This tested `name` after it
    // was moved from, and so stepped over the '/' of <a name="x"/>.)
    if (name.empty() && i < html.size() && html[i] != '>') ++i;
    if (!name.empty()) tag->attrs.emplace_back(std::move(name), std::move(value));
  }
  return i < html.size() ? i + 1 : html.size();
}

struct Block {
  std::string text;
  size_t link_chars = 0;
  bool in_article = false;
  bool in_main = false;
};

}  // namespace

std::string CollapseWhitespace(std::string_view text) {
  std::string t;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = !t.empty();
      continue;
    }
    if (space) t.push_back(' ');
    space = false;
    t.push_back(c);
  }
  return t;
}

std::string HtmlToText(std::string_view html, std::string* url, std::string* date) {
  std::vector<Block> blocks;
  Block cur;
  struct Skip {
    std::string name;
    int depth;
  };
  std::vector<Skip> skips;  // at most one: nothing inside a skipped element is looked at
  // Elements open outside a skipped element, and inside it: an end tag that
  // closes an element opened before the skip ends a skipped element left
  // unclosed ("<div><aside>...</div>"), as an HTML5 parser would.
  std::vector<std::string> open, inner;
  // Pops `stack` down to the innermost `name`; false if it is not open
  // (searching a bounded depth, so that stray end tags stay linear).
  auto close = [](std::vector<std::string>* stack, const std::string& name) {
    for (size_t k = stack->size(), seen = 0; k > 0 && seen < 64; --k, ++seen) {
      if ((*stack)[k - 1] == name) {
        stack->resize(k - 1);
        return true;
      }
    }
    return false;
  };
  // Pages with many unclosed tags ("<p>" only) keep the stacks bounded;
  // only the innermost elements matter.
  auto push = [](std::vector<std::string>* stack, const std::string& name) {
    if (stack->size() >= 1024) stack->erase(stack->begin(), stack->begin() + 512);
    stack->push_back(name);
  };
  int article_depth = 0, main_depth = 0, link_depth = 0;
  bool in_body_text = true;
  auto end_block = [&] {
    // Collapse the block's whitespace and keep it unless it is mostly links.
    std::string t = CollapseWhitespace(cur.text);
    if (!t.empty() && !(cur.link_chars * 2 > cur.text.size() && cur.text.size() > 0)) {
      cur.text = std::move(t);
      blocks.push_back(std::move(cur));
    }
    cur = Block();
    cur.in_article = article_depth > 0;
    cur.in_main = main_depth > 0;
  };
  size_t i = 0;
  const size_t n = html.size();
  while (i < n) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        size_t e = html.find("-->", i + 4);
        i = e == std::string_view::npos ? n : e + 3;
        continue;
      }
      if (i + 1 < n && (html[i + 1] == '!' || html[i + 1] == '?')) {
        size_t e = html.find('>', i);
        i = e == std::string_view::npos ? n : e + 1;
        continue;
      }
      if (i + 1 < n && !std::isalpha(static_cast<unsigned char>(html[i + 1])) && html[i + 1] != '/') {
        if (skips.empty() && in_body_text) cur.text.push_back('<');
        ++i;
        continue;
      }
      Tag tag;
      size_t after = ParseTag(html, i, &tag);
      i = after;
      const std::string& name = tag.name;
      if (!tag.closing) {
        if (name == "link" && IEquals(tag.Attr("rel"), "canonical") && url->empty()) {
          *url = std::string(tag.Attr("href"));
        } else if (name == "meta") {
          std::string_view prop = tag.Attr("property");
          if (prop.empty()) prop = tag.Attr("name");
          if (prop.empty()) prop = tag.Attr("itemprop");
          std::string_view content = tag.Attr("content");
          if (IEquals(prop, "og:url") && url->empty()) *url = std::string(content);
          if ((IEquals(prop, "article:published_time") || IEquals(prop, "datepublished") ||
               IEquals(prop, "pubdate") || IEquals(prop, "publishdate") || IEquals(prop, "date") ||
               IEquals(prop, "dc.date")) &&
              date->empty()) {
            *date = std::string(content);
          }
        } else if (name == "time" && date->empty() && !tag.Attr("datetime").empty()) {
          *date = std::string(tag.Attr("datetime"));
        }
      }
      if (IsRawTextElement(name) && !tag.closing) {
        // Skip to the end tag; nothing inside is article text.
        size_t e = IFind(html, "</" + name, i);
        i = e == std::string_view::npos ? n : e;
        continue;
      }
      if (name == "head") {
        in_body_text = tag.closing;
        continue;
      }
      const bool container = !IsVoidElement(name) && !tag.self_closing && !name.empty();
      if (!skips.empty()) {
        if (!container) continue;
        if (!tag.closing) {
          push(&inner, name);
          continue;
        }
        if (close(&inner, name)) continue;
        if (name == skips.back().name) {
          skips.pop_back();
          continue;
        }
        if (!close(&open, name)) continue;  // a stray end tag
        // The skipped element was never closed: its parent's end tag ends it.
        skips.pop_back();
        inner.clear();
        end_block();
        if (name == "article") article_depth = std::max(article_depth - 1, 0);
        if (name == "main") main_depth = std::max(main_depth - 1, 0);
        if (name == "a") link_depth = std::max(link_depth - 1, 0);
        cur.in_article = article_depth > 0;
        cur.in_main = main_depth > 0;
        continue;
      }
      if (container) {
        if (tag.closing) {
          close(&open, name);
        } else {
          push(&open, name);
        }
      }
      if (!tag.closing && !IsVoidElement(name) && !tag.self_closing &&
          (IsSkipElement(name) || IsBoilerplateClass(tag.Attr("class")) ||
           IsBoilerplateClass(tag.Attr("id")) || IEquals(tag.Attr("role"), "navigation") ||
           IEquals(tag.Attr("aria-hidden"), "true"))) {
        if (name != "body" && name != "article" && name != "main" && name != "html") {
          end_block();
          if (!open.empty()) open.pop_back();  // pushed above; the skip stands for it
          skips.push_back({name, 1});
          inner.clear();
          continue;
        }
      }
      if (IsBlockElement(name)) end_block();
      if (name == "article") {
        article_depth += tag.closing ? -1 : 1;
        article_depth = std::max(article_depth, 0);
        cur.in_article = article_depth > 0;
      } else if (name == "main") {
        main_depth += tag.closing ? -1 : 1;
        main_depth = std::max(main_depth, 0);
        cur.in_main = main_depth > 0;
      } else if (name == "a" && !tag.self_closing) {  // XHTML's <a name="x"/> is an anchor, not a link
        link_depth += tag.closing ? -1 : 1;
        link_depth = std::max(link_depth, 0);
      }
      continue;
    }
    if (!skips.empty() || !in_body_text) {
      ++i;
      continue;
    }
    size_t before = cur.text.size();
    if (c == '&') {
      i = DecodeHtmlEntity(html, i, &cur.text);
    } else {
      cur.text.push_back(c);
      ++i;
    }
    if (link_depth > 0) cur.link_chars += cur.text.size() - before;
  }
  end_block();
  bool any_article = std::any_of(blocks.begin(), blocks.end(), [](const Block& b) { return b.in_article; });
  bool any_main = std::any_of(blocks.begin(), blocks.end(), [](const Block& b) { return b.in_main; });
  std::string out;
  for (const Block& b : blocks) {
    if (any_article && !b.in_article) continue;
    if (!any_article && any_main && !b.in_main) continue;
    if (!out.empty()) out.push_back('\n');
    out += b.text;
  }
  return out;
}

}  // namespace bilat::text
