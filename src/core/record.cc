#include "core/record.h"

namespace bilat {

int Record::ColumnIndex(std::string_view column) const {
  if (!kind) return -1;
  for (size_t i = 0; i < kind->columns.size(); ++i) {
    if (kind->columns[i].name == column) return static_cast<int>(i);
  }
  return -1;
}

std::string Record::Text(std::string_view column) const {
  int i = ColumnIndex(column);
  if (i < 0 || i >= static_cast<int>(values.size())) return {};
  const Value& v = values[i];
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<long long>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return {};
}

std::optional<double> Record::Number(std::string_view column) const {
  int i = ColumnIndex(column);
  if (i < 0 || i >= static_cast<int>(values.size())) return std::nullopt;
  const Value& v = values[i];
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<long long>(&v)) return static_cast<double>(*n);
  return std::nullopt;
}

std::optional<long long> Record::Int(std::string_view column) const {
  int i = ColumnIndex(column);
  if (i < 0 || i >= static_cast<int>(values.size())) return std::nullopt;
  const Value& v = values[i];
  if (const auto* n = std::get_if<long long>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<long long>(*d);
  return std::nullopt;
}

Date Record::DateOf(std::string_view column) const {
  std::string s = Text(column);
  if (s.empty()) return Date();
  Result<Date> d = Date::Parse(s);
  return d.ok() ? *d : Date();
}

std::string Record::Origin() const {
  if (origin_line <= 0) return origin_file;  // not from a line of a file
  return origin_file + ":" + std::to_string(origin_line);
}

}  // namespace bilat
