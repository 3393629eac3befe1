// Small string helpers shared by the loaders. Thread-safety: pure functions.
#ifndef WARTA_UTIL_STRINGS_H_
#define WARTA_UTIL_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace warta {

std::string_view Trim(std::string_view s);
std::vector<std::string_view> Split(std::string_view s, char sep);
// Splits on runs of ASCII whitespace.
std::vector<std::string_view> SplitWords(std::string_view s);
bool StartsWith(std::string_view s, std::string_view prefix);
bool EndsWith(std::string_view s, std::string_view suffix);
uint64_t Fnv1a64(std::string_view s, uint64_t seed = 1469598103934665603ULL);

}  // namespace warta

#endif  // WARTA_UTIL_STRINGS_H_
