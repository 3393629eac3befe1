// Calendar arithmetic on proleptic Gregorian dates (days since 1970-01-01), for
// resolving "pada Selasa", "last month" and the like against a document date.
// Thread-safety: pure functions.
#ifndef WARTA_UTIL_DATE_H_
#define WARTA_UTIL_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace warta {

struct CivilDate {
  int year = 0;
  int month = 0;  // 1..12, 0 when unknown
  int day = 0;    // 1..31, 0 when unknown
};

int64_t DaysFromCivil(int y, int m, int d);
CivilDate CivilFromDays(int64_t days);
// 0 = Monday ... 6 = Sunday.
int Weekday(int64_t days);
std::optional<CivilDate> ParseIsoDate(std::string_view s);  // YYYY, YYYY-MM or YYYY-MM-DD
// Formats with the precision the date has: "2014", "2014-09" or "2014-10-14".
std::string FormatDate(const CivilDate& d);
bool IsValidDate(int y, int m, int d);

}  // namespace warta

#endif  // WARTA_UTIL_DATE_H_
