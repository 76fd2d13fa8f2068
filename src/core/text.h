// Small string helpers shared by every module. Returned views point into the
// argument and live as long as it does.
#ifndef BILAT_CORE_TEXT_H_
#define BILAT_CORE_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bilat {

std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
std::string ToLower(std::string_view s);
bool IsValidUtf8(std::string_view s);
// `s` as UTF-8: valid UTF-8 is returned as it is; anything else is read as
// Windows-1252 (Latin-1 with the 0x80-0x9F punctuation), the usual encoding
// of a file saved on Windows, so no invalid byte reaches a report or a store.
std::string AsUtf8(std::string_view s);

// Parses a plain decimal number ("27.4", "-3", "1e3" is rejected): digits with
// an optional sign and one '.', no thousands separators. nullopt otherwise.
std::optional<double> ParseDecimal(std::string_view s);
// Parses a non-negative integer of at most 18 digits.
std::optional<long long> ParseInteger(std::string_view s);

}  // namespace bilat

#endif  // BILAT_CORE_TEXT_H_
