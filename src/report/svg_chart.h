// Inline SVG charts for reports: no scripts, no external references, every
// label escaped. Each function returns a complete <svg> element sized by its
// viewBox, so it scales with the page and prints.
#ifndef BILAT_REPORT_SVG_CHART_H_
#define BILAT_REPORT_SVG_CHART_H_

#include <string>
#include <vector>

namespace bilat::report {

struct BarSeries {
  std::string label;            // legend entry
  std::vector<double> values;   // parallel to the categories; NaN = no value
};

// Vertical bars grouped by category (years), one colour per series, with a
// value axis labelled by `format_value` units: "$ billion" etc.
std::string BarChart(const std::string& title, const std::vector<std::string>& categories,
                     const std::vector<BarSeries>& series, double axis_divisor,
                     const std::string& axis_unit);

struct TimelineEvent {
  double when = 0;        // fractional year, e.g. 2013.67
  int lane = 0;           // index into lanes
  std::string label;      // tooltip: date, who, what
};

// Events as marks on a time axis, one horizontal lane per direction.
std::string Timeline(const std::string& title, const std::vector<std::string>& lanes,
                     const std::vector<TimelineEvent>& events);

// Horizontal bars with a label and a formatted value each.
std::string HorizontalBars(const std::string& title, const std::vector<std::string>& labels,
                           const std::vector<double>& values,
                           const std::vector<std::string>& value_labels);

struct PulseSeries {
  std::string label;                 // "China → Kazakhstan"
  std::vector<double> net;           // net cooperation per month, NaN = no events
  std::vector<double> events;        // events per month
};

// The relations pulse: net cooperation (-1..1) per month as lines in the
// upper panel, event counts as bars in the lower panel, one colour per
// direction. `months` are labels ("2015-10"), all series parallel to them.
std::string PulseChart(const std::string& title, const std::vector<std::string>& months,
                       const std::vector<PulseSeries>& series);

struct ScatterPoint {
  std::string label;  // shown for highlighted points, and as the tooltip
  double x = 0, y = 0;
  bool highlighted = false;
};

// Every point as a dot, highlighted ones larger, coloured and labelled, with
// both axes labelled and a cross at zero when zero is in range.
std::string ScatterChart(const std::string& title, const std::vector<ScatterPoint>& points,
                         const std::string& x_label, const std::string& y_label);

// A series over time with its forecast: observed values as a line, the
// forecast as a dashed line inside a shaded 80% band. `periods` label the
// observed values, `forecast_periods` the forecast ones; a band value that
// is NaN is not drawn.
struct FanSeries {
  std::vector<std::string> periods;
  std::vector<double> values;
  std::vector<std::string> forecast_periods;
  std::vector<double> mean, lo, hi;
};
std::string FanChart(const std::string& title, const FanSeries& series, const std::string& y_label);

}  // namespace bilat::report

#endif  // BILAT_REPORT_SVG_CHART_H_
