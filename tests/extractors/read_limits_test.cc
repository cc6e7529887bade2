#include "extractors/read_limits.h"

#include <gtest/gtest.h>

#include <thread>

namespace uprx::extractors {
namespace {

TEST(ReadLimits, NoTimeLimitByDefault) {
  const ReadLimits limits;
  EXPECT_TRUE(limits.CheckTime("a.pdf", "read 1 of 2 pages").ok());
  EXPECT_TRUE(ReadLimits::WithSeconds(0).CheckTime("a.pdf", "x").ok());
}

TEST(ReadLimits, APassedDeadlineNamesTheFileHowFarItGotAndTheOption) {
  const ReadLimits limits = ReadLimits::WithSeconds(0.001);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const core::Status s = limits.CheckTime("report.pdf", "read 3 of 194 pages");
  EXPECT_EQ(s.code(), "time_limit");
  EXPECT_EQ(s.message(),
            "report.pdf: stopped after 0.001 s (read 3 of 194 pages); raise --max-seconds to give "
            "one document longer");
}

TEST(ReadLimits, RestartedGivesTheNextDocumentItsOwnTime) {
  const ReadLimits first = ReadLimits::WithSeconds(0.001);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_FALSE(first.CheckTime("a.pdf", "x").ok());
  ReadLimits next = first;
  next.seconds = 60;
  EXPECT_TRUE(next.Restarted().CheckTime("b.pdf", "x").ok());
}

TEST(ReadLimits, PagesAndTextOverTheirLimits) {
  ReadLimits limits;
  limits.max_pages = 100;
  limits.max_text_bytes = std::size_t{1} << 19;  // 0.5 MiB
  EXPECT_TRUE(limits.CheckSize("a.pdf", 100, 1 << 19).ok());
  const core::Status pages = limits.CheckSize("a.pdf", 101, 0);
  EXPECT_EQ(pages.code(), "too_many_pages");
  EXPECT_EQ(pages.message(), "a.pdf: more than 100 pages; raise --max-pages to read it");
  const core::Status text = limits.CheckSize("a.pdf", 1, (1 << 19) + 1);
  EXPECT_EQ(text.code(), "text_too_large");
  EXPECT_EQ(text.message(), "a.pdf: more than 0.5 MiB of text; raise --max-text-mb to read it");
}

}  // namespace
}  // namespace uprx::extractors
