#include "report/notes.h"

#include <cmark.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "core/text.h"

namespace bilat::report {
namespace {

// A link target a reader can follow without running anything.
bool SafeUrl(std::string_view url) {
  std::string lower = ToLower(Trim(url));
  if (lower.rfind("http://", 0) == 0 || lower.rfind("https://", 0) == 0 || lower.rfind("mailto:", 0) == 0) return true;
  // Relative and fragment links have no scheme before the first '/', '?' or '#'.
  size_t colon = lower.find(':');
  return colon == std::string::npos || lower.find_first_of("/?#") < colon;
}

std::string Take(char* s) {
  std::string out = s ? s : "";
  std::free(s);
  return out;
}

}  // namespace

SafeNotes SanitizeNotes(const std::string& markdown) {
  SafeNotes out;
  cmark_node* doc = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  // Collect first: the tree must not change under the iterator.
  std::vector<cmark_node*> html, links, images;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_HTML_BLOCK:
      case CMARK_NODE_HTML_INLINE: html.push_back(n); break;
      case CMARK_NODE_LINK: links.push_back(n); break;
      case CMARK_NODE_IMAGE: images.push_back(n); break;
      default: break;
    }
  }
  cmark_iter_free(it);
  for (cmark_node* n : html) {
    cmark_node_free(n);  // unlinks it too
    ++out.removed;
  }
  for (cmark_node* n : links) {
    const char* url = cmark_node_get_url(n);
    if (url && !SafeUrl(url)) {
      cmark_node_set_url(n, "");
      ++out.removed;
    }
  }
  // Innermost first: an image may hold another in its label ("![a ![b](x)](y)"),
  // and freeing the outer one frees the inner (the fuzzer found the
  // use-after-free when outer came first).
  for (auto it_img = images.rbegin(); it_img != images.rend(); ++it_img) {
    cmark_node* img = *it_img;
    // An image becomes a link to where it is, labelled with its alt text.
    const char* url = cmark_node_get_url(img);
    cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(link, url && SafeUrl(url) ? url : "");
    cmark_node* label = cmark_node_new(CMARK_NODE_TEXT);
    std::string alt;
    for (cmark_node* c = cmark_node_first_child(img); c; c = cmark_node_next(c)) {
      if (const char* lit = cmark_node_get_literal(c)) alt += lit;
    }
    cmark_node_set_literal(label, ("image: " + (alt.empty() ? std::string("untitled") : alt)).c_str());
    cmark_node_append_child(link, label);
    cmark_node_replace(img, link);
    cmark_node_free(img);
    ++out.removed;
  }
  out.html = Take(cmark_render_html(doc, CMARK_OPT_DEFAULT));
  out.markdown = Take(cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0));
  cmark_node_free(doc);
  return out;
}

}  // namespace bilat::report
