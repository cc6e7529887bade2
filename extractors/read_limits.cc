#include "extractors/read_limits.h"

#include <sstream>

namespace uprx::extractors {

ReadLimits ReadLimits::WithSeconds(double seconds) {
  ReadLimits limits;
  limits.seconds = seconds;
  return limits.Restarted();
}

ReadLimits ReadLimits::Restarted() const {
  ReadLimits limits = *this;
  limits.deadline = Clock::time_point::max();
  if (seconds > 0) {
    limits.deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                         std::chrono::duration<double>(seconds));
  }
  return limits;
}

core::Status ReadLimits::CheckTime(const std::string& name, const std::string& where) const {
  if (deadline == Clock::time_point::max() || Clock::now() < deadline) return core::Status::Ok();
  std::ostringstream limit;
  limit << seconds;
  return core::Status("time_limit", name + ": stopped after " + limit.str() + " s (" + where +
                                        "); raise --max-seconds to give one document longer");
}

core::Status ReadLimits::CheckSize(const std::string& name, int pages,
                                   std::size_t text_bytes) const {
  if (pages > max_pages) {
    return core::Status("too_many_pages", name + ": more than " + std::to_string(max_pages) +
                                              " pages; raise --max-pages to read it");
  }
  if (text_bytes > max_text_bytes) {
    std::ostringstream mib;
    mib << static_cast<double>(max_text_bytes) / (1 << 20);
    return core::Status("text_too_large", name + ": more than " + mib.str() +
                                              " MiB of text; raise --max-text-mb to read it");
  }
  return core::Status::Ok();
}

}  // namespace uprx::extractors
