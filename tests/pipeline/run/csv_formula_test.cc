// A recommendation that begins like a spreadsheet formula goes through the real pipeline (read,
// identify, extract, join, write) to CSV: in `csv` it is text (a quote in front), with
// --csv-raw and in `impact-csv` it is as written. The fixture is tests/data/
// formula-cells-wg-report.txt, a Working Group report written for this test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/run/batch.h"
#include "tests/strict_csv.h"

namespace uprx::pipeline {
namespace {

const std::string kFixture = std::string(UPRX_TEST_DATA_DIR) + "/formula-cells-wg-report.txt";

// The cells of `column` in the CSV that `sink` writes for the fixture, in row order.
std::vector<std::string> Column(SinkOptions sink, const std::string& column) {
  const auto path =
      std::filesystem::temp_directory_path() /
      ("uprx-formula-" +
       std::to_string(::testing::UnitTest::GetInstance()->current_test_info()->line()) + "." +
       sink.format);
  sink.output = path.string();
  BatchOptions options;
  options.inputs = {kFixture};
  options.sink = sink;
  std::ostringstream log;
  auto result = RunBatch(options, log);
  EXPECT_TRUE(result.ok()) << log.str();
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  const auto records = testing::ReadRfc4180(bytes.str());
  std::vector<std::string> cells;
  if (records.empty()) return cells;
  std::size_t at = 0;
  while (at < records[0].size() && records[0][at] != column) ++at;
  EXPECT_LT(at, records[0].size()) << "no column " << column;
  for (std::size_t i = 1; i < records.size() && at < records[0].size(); ++i) {
    cells.push_back(records[i][at]);
  }
  return cells;
}

TEST(CsvFormulaCells, AreTextInCsvOutput) {
  const std::vector<std::string> text = Column({.format = "csv"}, "Text");
  ASSERT_EQ(text.size(), 5u);
  EXPECT_EQ(text[0], "'=HYPERLINK(\"http://example.invalid\",\"x\") and ratify the Convention");
  EXPECT_EQ(text[1], "'+SUM(1,2) and strengthen the national human rights institution");
  EXPECT_EQ(text[2], "'-1+1 and adopt a national action plan");
  EXPECT_EQ(text[3], "'@SUM(1,2) and protect human rights defenders");
  EXPECT_EQ(text[4], "Ratify the Optional Protocol to the Convention against Torture");
}

TEST(CsvFormulaCells, StayRawWithCsvRaw) {
  const std::vector<std::string> text = Column({.format = "csv", .csv_raw = true}, "Text");
  ASSERT_EQ(text.size(), 5u);
  EXPECT_EQ(text[0], "=HYPERLINK(\"http://example.invalid\",\"x\") and ratify the Convention");
  EXPECT_EQ(text[3], "@SUM(1,2) and protect human rights defenders");
}

TEST(CsvFormulaCells, StayRawInImpactCsv) {
  const std::vector<std::string> title = Column({.format = "impact-csv"}, "Title [database:title]");
  ASSERT_EQ(title.size(), 5u);
  EXPECT_EQ(title[0], "=HYPERLINK(\"http://example.invalid\",\"x\") and ratify the Convention");
}

}  // namespace
}  // namespace uprx::pipeline
