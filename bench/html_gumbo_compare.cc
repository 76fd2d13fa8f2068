// bilat's HTML-to-text step (src/ingest/text/html.cc, a tolerant tag
// scanner) beside the same rules applied to the tree of Google's gumbo, a
// conforming HTML5 parser (Debian's libgumbo-dev), on the same input in the
// same run: speed on real pages, and the text each gives on malformed
// pages. Built only when libgumbo is installed; figures in bench/README.md
// and the decision in docs/text_extraction.md.
// Usage: html_gumbo_compare [--repeat N] [--diff] FILE.html...   (speed + agreement;
//        --diff prints where each differing page first differs)
//        html_gumbo_compare --cases                      (malformed pages)
#include <gumbo.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/text/document.h"

namespace {

bool OneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (n == name) return true;
  }
  return false;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The same furniture rule as html.cc's IsBoilerplateClass (kept in step by hand).
bool Boilerplate(std::string_view value) {
  std::string v = Lower(value);
  for (const char* w : {"nav", "menu", "footer", "sidebar", "cookie", "share", "social", "related", "comment",
                        "advert", "promo", "subscribe", "newsletter", "breadcrumb", "popup", "banner", "masthead",
                        "widget", "recommend", "more-news"}) {
    if (v.find(w) != std::string::npos) return true;
  }
  for (std::string_view word : {"ad", "ads"}) {
    for (size_t p = v.find(word); p != std::string::npos; p = v.find(word, p + 1)) {
      bool left = p == 0 || !std::isalnum(static_cast<unsigned char>(v[p - 1]));
      size_t e = p + word.size();
      bool right = e == v.size() || !std::isalnum(static_cast<unsigned char>(v[e]));
      if (left && right) return true;
    }
  }
  return false;
}

std::string_view Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? std::string_view(a->value) : std::string_view();
}

std::string TagName(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(e.tag);
  GumboStringPiece p = e.original_tag;
  gumbo_tag_from_original_text(&p);
  return Lower(std::string_view(p.data, p.length));
}

// html.cc's rules on gumbo's tree: the same skip, raw-text and block
// elements, link density, article/main preference, URL and date metadata.
class GumboText {
 public:
  std::string Run(std::string_view html, std::string* url, std::string* date) {
    GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
    Walk(out->root, 0, 0, false);
    EndBlock(0, 0);
    gumbo_destroy_output(&kGumboDefaultOptions, out);
    *url = url_;
    *date = date_;
    bool any_article = false, any_main = false;
    for (const Block& b : blocks_) any_article |= b.in_article, any_main |= b.in_main;
    std::string text;
    for (const Block& b : blocks_) {
      if (any_article && !b.in_article) continue;
      if (!any_article && any_main && !b.in_main) continue;
      if (!text.empty()) text.push_back('\n');
      text += b.text;
    }
    return text;
  }

 private:
  struct Block {
    std::string text;
    size_t link_chars = 0;
    bool in_article = false, in_main = false;
  };
  void EndBlock(int article, int main) {
    std::string t = bilat::text::CollapseWhitespace(cur_.text);
    if (!t.empty() && !(cur_.link_chars * 2 > cur_.text.size())) {
      cur_.text = std::move(t);
      blocks_.push_back(std::move(cur_));
    }
    cur_ = Block();
    cur_.in_article = article > 0;
    cur_.in_main = main > 0;
  }
  void Walk(const GumboNode* node, int article, int main, bool link) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      cur_.text += node->v.text.text;
      if (link) cur_.link_chars += std::strlen(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT) return;
    if (node->type == GUMBO_NODE_ELEMENT) {
      const GumboElement& e = node->v.element;
      const std::string name = TagName(e);
      if (name == "link" && Lower(Attr(e, "rel")) == "canonical" && url_.empty()) url_ = Attr(e, "href");
      if (name == "meta") {
        std::string_view prop = Attr(e, "property");
        if (prop.empty()) prop = Attr(e, "name");
        if (prop.empty()) prop = Attr(e, "itemprop");
        std::string p = Lower(prop);
        if (p == "og:url" && url_.empty()) url_ = Attr(e, "content");
        if (OneOf(p, {"article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date"}) &&
            date_.empty()) {
          date_ = Attr(e, "content");
        }
      }
      if (name == "time" && date_.empty()) date_ = Attr(e, "datetime");
      if (OneOf(name, {"script", "style", "textarea", "title", "xmp", "noembed", "head"})) {
        if (name == "head") {
          for (unsigned i = 0; i < e.children.length; ++i) {
            const auto* child = static_cast<const GumboNode*>(e.children.data[i]);
            if (child->type == GUMBO_NODE_ELEMENT) WalkMetaOnly(child);
          }
        }
        return;
      }
      const bool skip =
          OneOf(name, {"nav", "header", "footer", "aside", "form", "button", "select", "figure", "iframe", "svg",
                       "template", "noscript", "menu", "dialog", "object", "canvas", "video", "audio", "map"}) ||
          Boilerplate(Attr(e, "class")) || Boilerplate(Attr(e, "id")) || Lower(Attr(e, "role")) == "navigation" ||
          Lower(Attr(e, "aria-hidden")) == "true";
      if (skip && !OneOf(name, {"body", "article", "main", "html"})) {
        EndBlock(article, main);
        return;
      }
      const bool block = OneOf(name, {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                                      "table", "article", "section", "blockquote", "pre", "dd", "dt", "dl", "main",
                                      "body", "hr", "td", "th", "figcaption", "address", "center"});
      if (block) EndBlock(article, main);
      if (name == "article") ++article, cur_.in_article = true;
      if (name == "main") ++main, cur_.in_main = true;
      if (name == "a") link = true;
      for (unsigned i = 0; i < e.children.length; ++i) {
        Walk(static_cast<const GumboNode*>(e.children.data[i]), article, main, link);
      }
      if (block || name == "article" || name == "main") EndBlock(name == "article" ? article - 1 : article,
                                                                 name == "main" ? main - 1 : main);
      return;
    }
    const GumboDocument& d = node->v.document;
    for (unsigned i = 0; i < d.children.length; ++i) {
      Walk(static_cast<const GumboNode*>(d.children.data[i]), article, main, link);
    }
  }
  // <head>: its links and meta tags are read; any text in it is not article text.
  void WalkMetaOnly(const GumboNode* node) {
    Walk(node, 0, 0, false);
    cur_.text.clear();
    cur_.link_chars = 0;
  }

  std::vector<Block> blocks_;
  Block cur_;
  std::string url_, date_;
};

std::string GumboToText(std::string_view html, std::string* url, std::string* date) {
  return GumboText().Run(html, url, date);
}

std::string ReadFile(const char* path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::string Show(std::string s) {
  for (char& c : s) {
    if (c == '\n') c = '|';
  }
  return s.size() > 70 ? s.substr(0, 67) + "..." : s;
}

int Cases() {
  struct Case {
    const char* name;
    const char* html;
  };
  const Case cases[] = {
      {"unclosed <script>", "<body><script>var a = 1;<p>First paragraph.</p><p>Second.</p></body>"},
      {"unclosed <style>", "<body><style>p { color: red }<p>First paragraph.</p></body>"},
      {"unclosed <title>", "<html><head><title>Page<body><p>First paragraph.</p></body></html>"},
      {"unclosed <textarea>", "<body><p>Before.</p><textarea>x<p>After.</p></body>"},
      {"'</script>' in a JS string", "<body><script>s = '<p>no</p>';</script><p>Yes.</p></body>"},
      {"entities: common", "<p>Tom &amp; Jerry &ldquo;hi&rdquo; caf&eacute; 5&nbsp;km &euro;3</p>"},
      {"entities: rare named", "<p>A &rarr; B &frac12; &alpha; &hearts; &Aring;</p>"},
      {"entities: no semicolon", "<p>AT&T &amp co &copy 2024 &nbsp x</p>"},
      {"entities: numeric C1 (cp1252)", "<p>1990&#150;2000 &#147;quoted&#148; &#x2014; &#0;</p>"},
      {"unclosed <p> and <li>", "<ul><li>one<li>two</ul><p>para one<p>para two"},
      {"misnested inline", "<p><b>bold <i>both</b> italic</i> plain</p>"},
      {"unclosed <aside> in a div", "<article><div><aside>Related: x</div><p>Body text.</p></article>"},
      {"unclosed <nav>", "<body><nav><a href=/>Home</a><p>Body text.</p></body>"},
      {"nested <nav>", "<nav><nav>a</nav>b</nav><p>Body text.</p>"},
      {"stray end tags", "<p>One.</div></span></p></p><p>Two.</p>"},
      {"'>' inside an attribute", "<p title=\"a > b\">Text.</p>"},
      {"unquoted attribute with '/'", "<a href=/a/b>link</a><p>Text here is long enough.</p>"},
      {"unclosed comment", "<p>Before.</p><!-- never closed <p>After.</p>"},
      {"'<' in text", "<p>a < b and c <d</p>"},
      {"text after </html>", "<html><body><p>In.</p></body></html><p>After html.</p>"},
      {"table cells", "<table><tr><td>Exports<td>$5 billion</table>"},
      {"<br> inside a sentence", "<p>Line one<br>line two</p>"},
  };
  std::printf("| case | scanner (html.cc) | gumbo |\n|---|---|---|\n");
  for (const Case& c : cases) {
    std::string u1, d1, u2, d2;
    std::string a = bilat::text::HtmlToText(c.html, &u1, &d1);
    std::string b = GumboToText(c.html, &u2, &d2);
    std::printf("| %s | `%s` | `%s` |%s\n", c.name, Show(a).c_str(), Show(b).c_str(), a == b ? "" : " differs");
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 1 && std::strcmp(argv[1], "--cases") == 0) return Cases();
  int repeat = 3;
  bool diff = false;
  std::vector<std::string> pages, names;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--diff") == 0) {
      diff = true;
    } else {
      pages.push_back(ReadFile(argv[i]));
      names.push_back(argv[i]);
    }
  }
  if (pages.empty()) {
    std::fprintf(stderr, "usage: html_gumbo_compare [--repeat N] FILE.html... | --cases\n");
    return 2;
  }
  size_t bytes = 0;
  for (const std::string& p : pages) bytes += p.size();
  auto time = [&](auto fn, std::vector<std::string>* texts) {
    double best = 1e300;
    for (int r = 0; r < repeat; ++r) {
      texts->clear();
      auto t0 = std::chrono::steady_clock::now();
      for (const std::string& p : pages) {
        std::string url, date;
        texts->push_back(fn(p, &url, &date));
      }
      best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
  };
  std::vector<std::string> a, b;
  double ta = time([](std::string_view h, std::string* u, std::string* d) { return bilat::text::HtmlToText(h, u, d); }, &a);
  double tb = time(GumboToText, &b);
  size_t same = 0, chars_a = 0, chars_b = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    same += a[i] == b[i];
    if (diff && a[i] != b[i]) {
      size_t at = 0;
      while (at < a[i].size() && at < b[i].size() && a[i][at] == b[i][at]) ++at;
      size_t from = at > 30 ? at - 30 : 0;
      std::printf("%s\n  scanner: %s\n  gumbo:   %s\n", names[i].c_str(), Show(a[i].substr(from, 80)).c_str(),
                  Show(b[i].substr(from, 80)).c_str());
    }
    chars_a += a[i].size();
    chars_b += b[i].size();
  }
  std::printf("%zu pages, %.1f MB, best of %d\n", pages.size(), bytes / 1e6, repeat);
  std::printf("scanner (html.cc): %.3f s, %.1f MB/s, %zu chars of text\n", ta, bytes / 1e6 / ta, chars_a);
  std::printf("gumbo:             %.3f s, %.1f MB/s, %zu chars of text\n", tb, bytes / 1e6 / tb, chars_b);
  std::printf("gumbo / scanner time: %.1fx; identical text on %zu of %zu pages\n", tb / ta, same, pages.size());
  return 0;
}
