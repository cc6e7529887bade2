// Limits that protect the machine from one input: its size in bytes, its number of pages, the
// size of its text, and the time reading it may take. Readers check them as they go (the PDF
// reader after every page) and fail with a message that names the file, the limit and the
// option that raises it, so one huge or pathological document never stalls a batch.
//
//   ReadLimits limits = ReadLimits::WithSeconds(120);
//   auto doc = ReadDocumentFile("session-report.pdf", limits);   // "time_limit" after 120 s
#ifndef UPRX_EXTRACTORS_READ_LIMITS_H_
#define UPRX_EXTRACTORS_READ_LIMITS_H_

#include <chrono>
#include <cstddef>
#include <string>

#include "pipeline/core/status.h"

namespace uprx::extractors {

struct ReadLimits {
  using Clock = std::chrono::steady_clock;

  std::size_t max_bytes = std::size_t{256} << 20;       // file_too_large
  int max_pages = 5000;                                 // too_many_pages
  std::size_t max_text_bytes = std::size_t{256} << 20;  // text_too_large
  double seconds = 0;                                   // 0: no time limit
  Clock::time_point deadline = Clock::time_point::max();

  // The default limits with a deadline `seconds` from now (none when seconds <= 0).
  static ReadLimits WithSeconds(double seconds);
  // A copy whose deadline starts now, for the next document.
  ReadLimits Restarted() const;

  // Ok, or the error for `name` once the deadline has passed; `where` says how far it got.
  [[nodiscard]] core::Status CheckTime(const std::string& name, const std::string& where) const;
  // Ok, or the error once `pages` or `text_bytes` exceed their limits.
  [[nodiscard]] core::Status CheckSize(const std::string& name, int pages,
                                       std::size_t text_bytes) const;
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_READ_LIMITS_H_
