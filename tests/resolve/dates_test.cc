// Dates relative to the document date, with their precision.
#include <gtest/gtest.h>

#include "util/date.h"
#include "warta/coder.h"

namespace warta {
namespace {

// Codes one sentence and returns the date of its first event.
std::string EventDate(const std::string& text, const std::string& lang, const std::string& date) {
  static auto coder = Coder::Open({});
  EXPECT_TRUE(coder.ok());
  Document doc;
  doc.id = "t";
  doc.lang = lang;
  doc.date = date;
  doc.text = text;
  std::vector<Event> events;
  EXPECT_TRUE((*coder)->Code(doc, &events).ok());
  return events.empty() ? "<no event>" : events[0].date;
}

TEST(DateTest, Calendar) {
  EXPECT_EQ(Weekday(DaysFromCivil(2014, 10, 15)), 2);  // a Wednesday
  CivilDate d = CivilFromDays(DaysFromCivil(2014, 3, 1) - 1);
  EXPECT_EQ(FormatDate(d), "2014-02-28");
  EXPECT_FALSE(ParseIsoDate("2014-02-30").has_value());
  EXPECT_EQ(FormatDate(*ParseIsoDate("2014-09")), "2014-09");
}

TEST(DateTest, WeekdayIsOnOrBeforeTheDocumentDate) {
  EXPECT_EQ(EventDate("Ukraina pada Selasa menuduh Rusia.", "id", "2014-10-15"), "2014-10-14");
  EXPECT_EQ(EventDate("Ukraina pada Rabu menuduh Rusia.", "id", "2014-10-15"), "2014-10-15");
  EXPECT_EQ(EventDate("Ukraine on Thursday accused Russia.", "en", "2014-10-15"), "2014-10-09");
}

TEST(DateTest, RelativeExpressions) {
  EXPECT_EQ(EventDate("Ukraina kemarin menuduh Rusia.", "id", "2014-10-15"), "2014-10-14");
  EXPECT_EQ(EventDate("Ukraina bulan lalu menuduh Rusia.", "id", "2014-01-15"), "2013-12");
  EXPECT_EQ(EventDate("Ukraine accused Russia last year.", "en", "2014-10-15"), "2013");
}

TEST(DateTest, ExplicitDates) {
  EXPECT_EQ(EventDate("Rusia mencaplok Krimea pada tahun 2014.", "id", "2020-01-01"), "2014");
  EXPECT_EQ(EventDate("Ukraina menuduh Rusia pada 12 Oktober 2014.", "id", "2020-01-01"), "2014-10-12");
  EXPECT_EQ(EventDate("Ukraine accused Russia on October 12, 2014.", "en", "2020-01-01"), "2014-10-12");
  EXPECT_EQ(EventDate("Ukraina menuduh Rusia, Kamis (25/9/2014).", "id", "2020-01-01"), "2014-09-25");
}

TEST(DateTest, NoDateInTheSentenceGivesTheDocumentDate) {
  EXPECT_EQ(EventDate("Ukraina menuduh Rusia.", "id", "2014-10-15"), "2014-10-15");
}

}  // namespace
}  // namespace warta
