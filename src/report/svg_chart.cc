#include "report/svg_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/format.h"

namespace bilat::report {
namespace {

constexpr const char* kPalette[] = {"#b2182b", "#2166ac", "#5aae61", "#8c6bb1", "#e08214"};

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Open(int w, int h, const std::string& title) {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(w) + " " +
         std::to_string(h) + "\" role=\"img\" aria-label=\"" + EscapeHtml(title) +
         "\" font-family=\"sans-serif\" font-size=\"11\"><title>" + EscapeHtml(title) +
         "</title>";
}

std::string Text(double x, double y, const std::string& s, const char* anchor = "start",
                 const char* extra = "") {
  return "<text x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" text-anchor=\"" + anchor + "\"" +
         extra + ">" + EscapeHtml(s) + "</text>";
}

// A "nice" axis maximum: 1, 2 or 5 times a power of ten, at or above v.
double NiceMax(double v) {
  if (!(v > 0)) return 1;
  double p = std::pow(10, std::floor(std::log10(v)));
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * p >= v) return m * p;
  }
  return 10 * p;
}

// One colour swatch and label per series, in a row starting at (x, y).
std::string Legend(double x, double y, const std::vector<std::string>& labels) {
  std::string out;
  for (size_t s = 0; s < labels.size(); ++s) {
    out += "<rect x=\"" + Num(x) + "\" y=\"" + Num(y) + "\" width=\"10\" height=\"10\" fill=\"" + kPalette[s % 5] +
           "\"/>";
    out += Text(x + 14, y + 9, labels[s]);
    x += 30 + 6.5 * static_cast<double>(labels[s].size());
  }
  return out;
}

}  // namespace

std::string BarChart(const std::string& title, const std::vector<std::string>& categories,
                     const std::vector<BarSeries>& series, double axis_divisor,
                     const std::string& axis_unit) {
  const int w = 720, h = 300, left = 56, right = 12, top = 28, bottom = 48;
  double max = 0;
  for (const BarSeries& s : series) {
    for (double v : s.values) {
      if (!std::isnan(v)) max = std::max(max, v / axis_divisor);
    }
  }
  max = NiceMax(max);
  std::string svg = Open(w, h, title);
  const double plot_w = w - left - right, plot_h = h - top - bottom;
  for (int i = 0; i <= 4; ++i) {
    double y = top + plot_h - plot_h * i / 4;
    svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(w - right) + "\" y1=\"" + Num(y) +
           "\" y2=\"" + Num(y) + "\" stroke=\"#ddd\"/>";
    svg += Text(left - 6, y + 4, FormatNumber(max * i / 4, 1), "end");
  }
  svg += Text(8, 16, axis_unit, "start", " font-weight=\"bold\"");
  const size_t n = std::max<size_t>(categories.size(), 1);
  const double slot = plot_w / n;
  const double bar = std::max(2.0, (slot * 0.8) / std::max<size_t>(series.size(), 1));
  for (size_t c = 0; c < categories.size(); ++c) {
    double x0 = left + slot * c + slot * 0.1;
    for (size_t s = 0; s < series.size(); ++s) {
      double v = c < series[s].values.size() ? series[s].values[c] : NAN;
      if (std::isnan(v) || v <= 0) continue;
      double bh = plot_h * (v / axis_divisor) / max;
      svg += "<rect x=\"" + Num(x0 + bar * s) + "\" y=\"" + Num(top + plot_h - bh) +
             "\" width=\"" + Num(bar - 1) + "\" height=\"" + Num(std::max(bh, 1.0)) +
             "\" fill=\"" + kPalette[s % 5] + "\"><title>" +
             EscapeHtml(series[s].label + ", " + categories[c] + ": " +
                        FormatNumber(v / axis_divisor, 2) + " " + axis_unit) +
             "</title></rect>";
    }
    bool label = categories.size() <= 16 || c % ((categories.size() + 15) / 16) == 0;
    if (label) {
      svg += Text(left + slot * c + slot / 2, top + plot_h + 14, categories[c], "middle");
    }
  }
  std::vector<std::string> names;
  for (const BarSeries& s : series) names.push_back(s.label);
  return svg + Legend(left, h - 18, names) + "</svg>";
}

std::string Timeline(const std::string& title, const std::vector<std::string>& lanes,
                     const std::vector<TimelineEvent>& events) {
  const int w = 720, left = 150, right = 16, lane_h = 34, top = 16;
  const int h = top + lane_h * static_cast<int>(std::max<size_t>(lanes.size(), 1)) + 30;
  double lo = 1e9, hi = -1e9;
  for (const TimelineEvent& e : events) {
    lo = std::min(lo, e.when);
    hi = std::max(hi, e.when);
  }
  if (events.empty()) lo = 2000, hi = 2001;
  lo = std::floor(lo);
  hi = std::floor(hi) + 1;
  const double plot_w = w - left - right;
  auto xof = [&](double t) { return left + plot_w * (t - lo) / (hi - lo); };
  std::string svg = Open(w, h, title);
  for (size_t l = 0; l < lanes.size(); ++l) {
    double y = top + lane_h * l + lane_h / 2.0;
    svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(w - right) + "\" y1=\"" + Num(y) +
           "\" y2=\"" + Num(y) + "\" stroke=\"#bbb\"/>";
    svg += Text(left - 8, y + 4, lanes[l], "end");
  }
  const int span = static_cast<int>(hi - lo);
  const int step = span <= 12 ? 1 : span <= 30 ? 2 : 5;
  double axis_y = top + lane_h * lanes.size() + 4;
  for (int y = static_cast<int>(lo); y <= static_cast<int>(hi); y += step) {
    svg += "<line x1=\"" + Num(xof(y)) + "\" x2=\"" + Num(xof(y)) + "\" y1=\"" + Num(top) +
           "\" y2=\"" + Num(axis_y) + "\" stroke=\"#eee\"/>";
    svg += Text(xof(y), axis_y + 14, std::to_string(y), "middle");
  }
  for (const TimelineEvent& e : events) {
    double y = top + lane_h * e.lane + lane_h / 2.0;
    svg += "<circle cx=\"" + Num(xof(e.when)) + "\" cy=\"" + Num(y) + "\" r=\"5\" fill=\"" +
           kPalette[e.lane % 5] + "\" fill-opacity=\"0.75\"><title>" + EscapeHtml(e.label) +
           "</title></circle>";
  }
  return svg + "</svg>";
}

std::string HorizontalBars(const std::string& title, const std::vector<std::string>& labels,
                           const std::vector<double>& values,
                           const std::vector<std::string>& value_labels) {
  const int w = 720, left = 170, right = 110, row = 24, top = 10;
  const int h = top * 2 + row * static_cast<int>(std::max<size_t>(labels.size(), 1));
  double max = 0;
  for (double v : values) max = std::max(max, v);
  if (!(max > 0)) max = 1;
  std::string svg = Open(w, h, title);
  for (size_t i = 0; i < labels.size(); ++i) {
    double y = top + row * i;
    double bw = (w - left - right) * values[i] / max;
    svg += Text(left - 8, y + 16, labels[i], "end");
    svg += "<rect x=\"" + Num(left) + "\" y=\"" + Num(y + 4) + "\" width=\"" +
           Num(std::max(bw, 1.0)) + "\" height=\"16\" fill=\"#2166ac\"><title>" +
           EscapeHtml(labels[i] + ": " + value_labels[i]) + "</title></rect>";
    svg += Text(left + std::max(bw, 1.0) + 6, y + 16, value_labels[i]);
  }
  return svg + "</svg>";
}

std::string PulseChart(const std::string& title, const std::vector<std::string>& months,
                       const std::vector<PulseSeries>& series) {
  const int w = 720, left = 56, right = 12, top = 24, net_h = 150, gap = 26, bar_h = 80, bottom = 40;
  const int h = top + net_h + gap + bar_h + bottom;
  const double plot_w = w - left - right;
  const size_t n = std::max<size_t>(months.size(), 1);
  const double slot = plot_w / n;
  auto x_of = [&](size_t i) { return left + slot * (i + 0.5); };
  double max_events = 0;
  for (const PulseSeries& s : series) {
    for (double v : s.events) max_events = std::max(max_events, v);
  }
  max_events = NiceMax(max_events);
  std::string svg = Open(w, h, title);
  // Upper panel: net cooperation from -1 to 1.
  for (int i = 0; i <= 4; ++i) {
    double v = 1.0 - 0.5 * i;
    double y = top + net_h * i / 4.0;
    svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(w - right) + "\" y1=\"" + Num(y) + "\" y2=\"" + Num(y) +
           "\" stroke=\"" + (i == 2 ? "#999" : "#e3e3e3") + "\"/>";
    svg += Text(left - 6, y + 4, FormatNumber(v, 1), "end");
  }
  svg += Text(8, 14, "net cooperation", "start", " font-weight=\"bold\"");
  for (size_t s = 0; s < series.size(); ++s) {
    std::string path;
    for (size_t i = 0; i < months.size() && i < series[s].net.size(); ++i) {
      double v = series[s].net[i];
      if (std::isnan(v)) continue;
      double y = top + net_h * (1.0 - v) / 2.0;
      path += (path.empty() ? "M" : " L") + Num(x_of(i)) + " " + Num(y);
      svg += "<circle cx=\"" + Num(x_of(i)) + "\" cy=\"" + Num(y) + "\" r=\"3\" fill=\"" + kPalette[s % 5] +
             "\"><title>" + EscapeHtml(series[s].label + ", " + months[i] + ": net cooperation " + FormatNumber(v, 2)) +
             "</title></circle>";
    }
    if (path.find('L') != std::string::npos) {
      svg += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + kPalette[s % 5] + "\" stroke-width=\"1.5\"/>";
    }
  }
  // Lower panel: events per month.
  const double base = top + net_h + gap + bar_h;
  svg += Text(8, top + net_h + gap - 6, "events", "start", " font-weight=\"bold\"");
  svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(w - right) + "\" y1=\"" + Num(base) + "\" y2=\"" + Num(base) +
         "\" stroke=\"#999\"/>";
  svg += Text(left - 6, base - bar_h + 4, FormatNumber(max_events, 0), "end");
  const double bar = std::max(1.0, slot * 0.8 / std::max<size_t>(series.size(), 1));
  for (size_t s = 0; s < series.size(); ++s) {
    for (size_t i = 0; i < months.size() && i < series[s].events.size(); ++i) {
      double v = series[s].events[i];
      if (!(v > 0)) continue;
      double bh = std::max(1.0, bar_h * v / max_events);
      svg += "<rect x=\"" + Num(left + slot * i + slot * 0.1 + bar * s) + "\" y=\"" + Num(base - bh) + "\" width=\"" +
             Num(bar) + "\" height=\"" + Num(bh) + "\" fill=\"" + kPalette[s % 5] + "\" fill-opacity=\"0.6\"><title>" +
             EscapeHtml(series[s].label + ", " + months[i] + ": " + FormatNumber(v, 0) + " events") + "</title></rect>";
    }
  }
  const size_t every = (months.size() + 11) / 12;
  for (size_t i = 0; i < months.size(); ++i) {
    if (every > 1 && i % every) continue;
    svg += Text(x_of(i), base + 14, months[i], "middle");
  }
  std::vector<std::string> names;
  for (const PulseSeries& s : series) names.push_back(s.label);
  return svg + Legend(left, h - 16, names) + "</svg>";
}

namespace {

// A value axis from lo to hi with about five gridlines at round steps.
struct Scale {
  double lo = 0, hi = 1, step = 0.2;
};
Scale NiceScale(double lo, double hi) {
  if (!(hi > lo)) {
    lo -= 1;
    hi += 1;
  }
  const double raw = (hi - lo) / 5;
  const double p = std::pow(10, std::floor(std::log10(raw)));
  double step = 10 * p;
  for (double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (m * p >= raw) {
      step = m * p;
      break;
    }
  }
  return {std::floor(lo / step) * step, std::ceil(hi / step) * step, step};
}

}  // namespace

std::string ScatterChart(const std::string& title, const std::vector<ScatterPoint>& points,
                         const std::string& x_label, const std::string& y_label) {
  const int w = 720, h = 420, left = 56, right = 16, top = 28, bottom = 44;
  double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
  bool first = true;
  for (const ScatterPoint& p : points) {
    if (std::isnan(p.x) || std::isnan(p.y)) continue;
    if (first) xlo = xhi = p.x, ylo = yhi = p.y, first = false;
    xlo = std::min(xlo, p.x), xhi = std::max(xhi, p.x);
    ylo = std::min(ylo, p.y), yhi = std::max(yhi, p.y);
  }
  const Scale sx = NiceScale(xlo, xhi), sy = NiceScale(ylo, yhi);
  const double pw = w - left - right, ph = h - top - bottom;
  auto X = [&](double v) { return left + pw * (v - sx.lo) / (sx.hi - sx.lo); };
  auto Y = [&](double v) { return top + ph - ph * (v - sy.lo) / (sy.hi - sy.lo); };
  std::string svg = Open(w, h, title);
  for (double v = sx.lo; v <= sx.hi + sx.step / 2; v += sx.step) {
    svg += "<line x1=\"" + Num(X(v)) + "\" x2=\"" + Num(X(v)) + "\" y1=\"" + Num(top) + "\" y2=\"" +
           Num(top + ph) + "\" stroke=\"" + (std::fabs(v) < sx.step / 2 ? "#888" : "#e3e3e3") + "\"/>";
    svg += Text(X(v), top + ph + 14, FormatNumber(v, 1), "middle");
  }
  for (double v = sy.lo; v <= sy.hi + sy.step / 2; v += sy.step) {
    svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(left + pw) + "\" y1=\"" + Num(Y(v)) + "\" y2=\"" +
           Num(Y(v)) + "\" stroke=\"" + (std::fabs(v) < sy.step / 2 ? "#888" : "#e3e3e3") + "\"/>";
    svg += Text(left - 6, Y(v) + 4, FormatNumber(v, 1), "end");
  }
  svg += Text(left + pw / 2, h - 8, x_label, "middle", " font-weight=\"bold\"");
  svg += "<text x=\"14\" y=\"" + Num(top + ph / 2) + "\" text-anchor=\"middle\" font-weight=\"bold\" "
         "transform=\"rotate(-90 14 " + Num(top + ph / 2) + ")\">" + EscapeHtml(y_label) + "</text>";
  std::string marked;
  for (const ScatterPoint& p : points) {
    if (std::isnan(p.x) || std::isnan(p.y)) continue;
    std::string dot = "<circle cx=\"" + Num(X(p.x)) + "\" cy=\"" + Num(Y(p.y)) + "\" r=\"" +
                      (p.highlighted ? "6" : "3") + "\" fill=\"" + (p.highlighted ? kPalette[0] : "#7f9fbf") +
                      "\" fill-opacity=\"" + (p.highlighted ? "1" : "0.6") + "\"><title>" + EscapeHtml(p.label) +
                      "</title></circle>";
    if (p.highlighted) {
      marked += dot + Text(X(p.x) + 9, Y(p.y) + 4, p.label, "start", " font-weight=\"bold\"");
    } else {
      svg += dot;
    }
  }
  svg += marked + "</svg>";
  return svg;
}

std::string FanChart(const std::string& title, const FanSeries& s, const std::string& y_label) {
  const int w = 720, h = 260, left = 56, right = 16, top = 28, bottom = 40;
  std::vector<std::string> labels = s.periods;
  labels.insert(labels.end(), s.forecast_periods.begin(), s.forecast_periods.end());
  double lo = 0, hi = 0;
  bool first = true;
  auto see = [&](double v) {
    if (std::isnan(v)) return;
    if (first) lo = hi = v, first = false;
    lo = std::min(lo, v), hi = std::max(hi, v);
  };
  for (double v : s.values) see(v);
  for (size_t i = 0; i < s.mean.size(); ++i) see(s.mean[i]), see(s.lo[i]), see(s.hi[i]);
  const Scale sy = NiceScale(lo, hi);
  const double pw = w - left - right, ph = h - top - bottom;
  const size_t n = std::max<size_t>(labels.size(), 2);
  auto X = [&](size_t i) { return left + pw * static_cast<double>(i) / static_cast<double>(n - 1); };
  auto Y = [&](double v) { return top + ph - ph * (v - sy.lo) / (sy.hi - sy.lo); };
  std::string svg = Open(w, h, title);
  for (double v = sy.lo; v <= sy.hi + sy.step / 2; v += sy.step) {
    svg += "<line x1=\"" + Num(left) + "\" x2=\"" + Num(left + pw) + "\" y1=\"" + Num(Y(v)) + "\" y2=\"" +
           Num(Y(v)) + "\" stroke=\"#e3e3e3\"/>";
    svg += Text(left - 6, Y(v) + 4, FormatNumber(v, 2), "end");
  }
  svg += Text(8, 16, y_label, "start", " font-weight=\"bold\"");
  const size_t every = std::max<size_t>(1, labels.size() / 10);
  for (size_t i = 0; i < labels.size(); i += every) svg += Text(X(i), top + ph + 16, labels[i], "middle");
  // The band: upper edge forward, lower edge back, from the last observation.
  const size_t base = s.periods.size();
  std::string band;
  bool any_band = false;
  if (base > 0 && !s.mean.empty()) {
    band = Num(X(base - 1)) + "," + Num(Y(s.values.back()));
    for (size_t i = 0; i < s.hi.size(); ++i) {
      if (std::isnan(s.hi[i])) continue;
      band += " " + Num(X(base + i)) + "," + Num(Y(s.hi[i]));
      any_band = true;
    }
    for (size_t i = s.lo.size(); i-- > 0;) {
      if (std::isnan(s.lo[i])) continue;
      band += " " + Num(X(base + i)) + "," + Num(Y(s.lo[i]));
    }
  }
  if (any_band) svg += "<polygon points=\"" + band + "\" fill=\"" + kPalette[1] + "\" fill-opacity=\"0.18\"/>";
  std::string line;
  for (size_t i = 0; i < s.values.size(); ++i) {
    if (!std::isnan(s.values[i])) line += (line.empty() ? "" : " ") + Num(X(i)) + "," + Num(Y(s.values[i]));
  }
  if (!line.empty()) {
    svg += "<polyline points=\"" + line + "\" fill=\"none\" stroke=\"" + kPalette[1] + "\" stroke-width=\"2\"/>";
  }
  if (base > 0 && !s.mean.empty()) {
    std::string fc = Num(X(base - 1)) + "," + Num(Y(s.values.back()));
    for (size_t i = 0; i < s.mean.size(); ++i) fc += " " + Num(X(base + i)) + "," + Num(Y(s.mean[i]));
    svg += "<polyline points=\"" + fc + "\" fill=\"none\" stroke=\"" + kPalette[1] +
           "\" stroke-width=\"2\" stroke-dasharray=\"5 4\"/>";
  }
  svg += "</svg>";
  return svg;
}

}  // namespace bilat::report
