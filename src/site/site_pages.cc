#include "site/site_pages.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/format.h"

namespace bilat::site {
namespace {

using report::EscapeHtml;

constexpr const char* kCss = R"css(
body{font:15px/1.5 Georgia,serif;color:#1a1a1a;max-width:1180px;margin:0 auto;padding:0 16px 48px}
h1{font-size:1.7em;margin:.6em 0 .2em}h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #ccc}
a{color:#0b4f8a}a:focus,button:focus,select:focus,input:focus{outline:3px solid #f0a000;outline-offset:1px}
nav.site-nav{font:14px sans-serif;padding:8px 0;border-bottom:1px solid #ccc}
.lede{color:#333}.note{font:13px sans-serif;color:#444}
table{border-collapse:collapse;width:100%;font:13px sans-serif}
th,td{padding:4px 6px;border-bottom:1px solid #e4e4e4;text-align:left;vertical-align:middle}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
th button{font:inherit;font-weight:bold;background:none;border:0;padding:0;cursor:pointer;color:#0b4f8a;text-decoration:underline}
.controls{font:14px sans-serif;margin:8px 0;display:flex;gap:16px;flex-wrap:wrap;align-items:center}
.world-map{width:100%;height:auto;display:block}
.world-map a:focus path,.world-map a:hover path{stroke:#000;stroke-width:1.2}
.legend{font:12px sans-serif;display:flex;gap:10px;flex-wrap:wrap;margin:4px 0 12px}
.legend span{display:inline-flex;align-items:center;gap:4px}.legend i{width:14px;height:10px;display:inline-block}
.up{color:#1a6b2a}.down{color:#a11}
@media print{.controls,nav.site-nav{display:none}body{max-width:none}a{color:#000;text-decoration:none}
figure{break-inside:avoid}}
)css";

// Sorting, filtering and switching maps; the page is complete without it.
constexpr const char* kScript = R"js(
(function(){
var t=document.getElementById('partners');if(!t)return;var tb=t.tBodies[0];
document.querySelectorAll('#partners th button').forEach(function(b){b.addEventListener('click',function(){
var col=+b.dataset.col,num=b.dataset.num==='1',th=b.parentNode,asc=th.getAttribute('aria-sort')!=='ascending';
document.querySelectorAll('#partners th').forEach(function(h){h.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');
var rows=Array.prototype.slice.call(tb.rows);rows.sort(function(x,y){
var a=x.cells[col].dataset.v,c=y.cells[col].dataset.v;
if(num){a=a===''?NaN:+a;c=c===''?NaN:+c;if(isNaN(a))return 1;if(isNaN(c))return -1;return asc?a-c:c-a;}
return asc?a.localeCompare(c):c.localeCompare(a);});rows.forEach(function(r){tb.appendChild(r);});});});
var q=document.getElementById('filter-text'),reg=document.getElementById('filter-region');
function f(){var s=q.value.toLowerCase(),g=reg.value,n=0;Array.prototype.forEach.call(tb.rows,function(r){
var ok=(!s||r.cells[0].textContent.toLowerCase().indexOf(s)>=0)&&(!g||r.dataset.region===g);r.hidden=!ok;if(ok)n++;});
document.getElementById('shown').textContent=n;}
q.addEventListener('input',f);reg.addEventListener('change',f);
var sw=document.getElementById('map-axis');if(sw){var show=function(){var w=sw.value==='weight';
document.getElementById('map-weight').hidden=!w;document.getElementById('map-warmth').hidden=w;};
sw.addEventListener('change',show);show();}
})();
)js";

std::string Fixed(double v, int d) { return report::FormatFixed(v, d); }

std::string Sparkline(const std::vector<double>& v, const std::string& label) {
  const double w = 90, h = 22;
  double lo = 0, hi = 0;
  bool first = true;
  for (double x : v) {
    if (std::isnan(x)) continue;
    if (first) lo = hi = x, first = false;
    lo = std::min(lo, x), hi = std::max(hi, x);
  }
  if (first) return "";
  if (hi - lo < 0.5) {  // a flat line stays flat, not stretched to fill
    const double mid = (hi + lo) / 2;
    lo = mid - 0.25, hi = mid + 0.25;
  }
  std::string pts;
  for (size_t i = 0; i < v.size(); ++i) {
    if (std::isnan(v[i])) continue;
    const double x = v.size() > 1 ? w * static_cast<double>(i) / static_cast<double>(v.size() - 1) : w / 2;
    const double y = h - 2 - (h - 4) * (v[i] - lo) / (hi - lo);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%s%.1f,%.1f", pts.empty() ? "" : " ", x, y);
    pts += buf;
  }
  return "<svg class=\"spark\" width=\"90\" height=\"22\" viewBox=\"0 0 90 22\" role=\"img\" aria-label=\"" +
         EscapeHtml(label) + "\"><polyline points=\"" + pts +
         "\" fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"1.5\"/></svg>";
}

std::string Change(const std::optional<int>& c) {
  if (!c || *c == 0) return "";
  return *c > 0 ? "<span class=\"up\">+" + std::to_string(*c) + "</span>"
                : "<span class=\"down\">" + std::to_string(*c) + "</span>";
}

std::string NumCell(const std::optional<double>& v, int d) {
  return "<td class=\"num\" data-v=\"" + (v ? Fixed(*v, 4) : std::string()) + "\">" + (v ? Fixed(*v, d) : "–") +
         "</td>";
}
std::string IntCell(const std::optional<int>& v, const std::string& extra = "") {
  return "<td class=\"num\" data-v=\"" + (v ? std::to_string(*v) : std::string()) + "\">" +
         (v ? std::to_string(*v) : "–") + (extra.empty() ? "" : " " + extra) + "</td>";
}

std::string Shell(const std::string& title, const std::string& body, bool script) {
  return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
         "content=\"width=device-width,initial-scale=1\"><meta http-equiv=\"Content-Security-Policy\" "
         "content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'unsafe-inline'\">"
         "<title>" +
         EscapeHtml(title) + "</title><style>" + kCss + "</style></head><body>" + body +
         (script ? std::string("<script>") + kScript + "</script>" : std::string()) + "</body></html>\n";
}

}  // namespace

std::string WeightColour(std::optional<double> z) {
  if (!z) return "";
  static const char* kSteps[] = {"#eff3ff", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"};
  const int i = std::clamp(static_cast<int>(std::floor((*z + 1.5) / 0.75)), 0, 5);
  return kSteps[i];
}

std::string WarmthColour(std::optional<double> z) {
  if (!z) return "";
  static const char* kSteps[] = {"#b2182b", "#ef8a62", "#fddbc7", "#d1e5f0", "#67a9cf", "#2166ac"};
  const int i = std::clamp(static_cast<int>(std::floor(*z + 3)), 0, 5);  // cut at -2,-1,0,1,2 sd
  return kSteps[i];
}

std::string IndexPage(const IndexPageInputs& in) {
  std::string b;
  b += "<header><h1>" + EscapeHtml(in.country_name) + " and its partners</h1><p class=\"lede\">Every partner of " +
       EscapeHtml(in.country_name) +
       " on the two axes of bilat's relations index in " + std::to_string(in.year) +
       ": the <strong>weight</strong> of the relationship (trade, investment, official finance, high-level "
       "visits, diplomatic posts, people-to-people ties) and its <strong>warmth</strong> (UN votes, event "
       "coverage, partnership level, visa openness, Belt and Road membership). Scores are standard deviations "
       "from the average partner-year of the series; the two are never averaged. <a href=\"method.html\">Method "
       "and sources</a>.</p></header><main>";
  // Maps.
  b += "<section aria-labelledby=\"map-h\"><h2 id=\"map-h\">Map</h2><div class=\"controls\"><label>Colour by "
       "<select id=\"map-axis\"><option value=\"warmth\">warmth</option><option value=\"weight\">weight</option>"
       "</select></label></div>";
  b += "<figure id=\"map-warmth\"><figcaption>Warmth, " + std::to_string(in.year) + "</figcaption>" +
       in.warmth_map_svg +
       "<div class=\"legend\"><span><i style=\"background:#b2182b\"></i>much colder</span><span><i "
       "style=\"background:#ef8a62\"></i>colder</span><span><i style=\"background:#fddbc7\"></i>somewhat "
       "colder</span><span><i style=\"background:#d1e5f0\"></i>somewhat warmer</span><span><i "
       "style=\"background:#67a9cf\"></i>warmer</span><span><i style=\"background:#2166ac\"></i>much "
       "warmer</span><span><i style=\"background:#d9d9d9\"></i>no score</span></div></figure>";
  b += "<figure id=\"map-weight\"><figcaption>Weight, " + std::to_string(in.year) + "</figcaption>" +
       in.weight_map_svg +
       "<div class=\"legend\"><span><i style=\"background:#eff3ff\"></i>lightest</span><span><i "
       "style=\"background:#6baed6\"></i>average and above</span><span><i style=\"background:#08519c\"></i>"
       "heaviest</span><span><i style=\"background:#d9d9d9\"></i>no score</span></div></figure></section>";
  // Table.
  std::vector<std::string> regions;
  for (const PartnerEntry& p : in.partners) {
    if (!p.region.empty() && std::find(regions.begin(), regions.end(), p.region) == regions.end()) {
      regions.push_back(p.region);
    }
  }
  std::sort(regions.begin(), regions.end());
  b += "<section aria-labelledby=\"table-h\"><h2 id=\"table-h\">Partners</h2><div class=\"controls\"><label>Find "
       "<input id=\"filter-text\" type=\"search\" placeholder=\"name or code\"></label><label>Region <select "
       "id=\"filter-region\"><option value=\"\">all</option>";
  for (const std::string& r : regions) b += "<option>" + EscapeHtml(r) + "</option>";
  b += "</select></label><span><span id=\"shown\">" + std::to_string(in.partners.size()) +
       "</span> partners shown</span></div>";
  b += "<table id=\"partners\"><caption class=\"note\">Sparklines: " + std::to_string(in.first_year) + "–" +
       std::to_string(in.last_year) +
       ". Rank change: on the year before, shown only when the axis rests on the same components both years. "
       "Headers sort.</caption><thead><tr>";
  const char* heads[][2] = {{"Partner", "0"}, {"Region", "0"}, {"Weight", "1"}, {"Rank", "1"},
                            {"Warmth", "1"},  {"Rank", "1"},   {"Reading", "0"}};
  for (int i = 0; i < 7; ++i) {
    b += std::string("<th scope=\"col\"") + (heads[i][1][0] == '1' ? " class=\"num\"" : "") +
         (i == 3 ? " aria-sort=\"ascending\"" : "") + "><button type=\"button\" data-col=\"" + std::to_string(i) +
         "\" data-num=\"" + heads[i][1] + "\">" + heads[i][0] + "</button></th>";
  }
  b += "<th scope=\"col\">Weight trend</th><th scope=\"col\">Warmth trend</th></tr></thead><tbody>";
  for (const PartnerEntry& p : in.partners) {
    const std::string name = EscapeHtml(p.name) + " <span class=\"note\">" + EscapeHtml(p.alpha3) + "</span>";
    b += "<tr data-region=\"" + EscapeHtml(p.region) + "\"><td data-v=\"" + EscapeHtml(p.name) + "\">" +
         (p.href.empty() ? name : "<a href=\"" + EscapeHtml(p.href) + "\">" + name + "</a>") + "</td><td data-v=\"" +
         EscapeHtml(p.region) + "\">" + EscapeHtml(p.region) + "</td>" + NumCell(p.weight, 2) +
         IntCell(p.weight_rank, Change(p.weight_change)) + NumCell(p.warmth, 2) +
         IntCell(p.warmth_rank, Change(p.warmth_change)) + "<td data-v=\"" + EscapeHtml(p.reading) + "\">" +
         EscapeHtml(p.reading) + "</td><td>" + Sparkline(p.weight_path, "weight of " + p.name + " over the years") +
         "</td><td>" + Sparkline(p.warmth_path, "warmth of " + p.name + " over the years") + "</td></tr>";
  }
  b += "</tbody></table></section><section aria-labelledby=\"dl-h\"><h2 id=\"dl-h\">Downloads</h2><ul>";
  for (const auto& [href, label] : in.downloads) {
    b += "<li><a href=\"" + EscapeHtml(href) + "\">" + EscapeHtml(label) + "</a></li>";
  }
  b += "<li>Each partner's report as JSON and Markdown: links at the top of its page.</li></ul></section></main>";
  return Shell(in.country_name + " and its partners: the relations index", b, true);
}

std::string MethodPage(const std::string& country_name, const std::string& method_html,
                       const std::vector<SourceLine>& sources) {
  std::string b = "<nav class=\"site-nav\" aria-label=\"Site\"><a href=\"index.html\">All partners of " +
                  EscapeHtml(country_name) + "</a></nav><main><h1>Method and sources</h1>";
  b += "<section aria-labelledby=\"src-h\"><h2 id=\"src-h\">Data in this site</h2><table><thead><tr><th "
       "scope=\"col\">Dataset</th><th scope=\"col\">Scope</th><th scope=\"col\">File</th><th scope=\"col\" "
       "class=\"num\">Rows</th></tr></thead><tbody>";
  for (const SourceLine& s : sources) {
    b += "<tr><td>" + EscapeHtml(s.dataset) + "</td><td>" + EscapeHtml(s.scope) + "</td><td>" + EscapeHtml(s.file) +
         "</td><td class=\"num\">" + std::to_string(s.rows) + "</td></tr>";
  }
  b += "</tbody></table><p class=\"note\">Where each dataset comes from and its terms: the sources listed at the "
       "end of every report, and bilat's docs/formats/datasets.md.</p></section>";
  b += "<section class=\"method\">" + method_html + "</section></main>";
  return Shell("Method and sources", b, false);
}

}  // namespace bilat::site
