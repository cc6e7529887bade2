// Errors as values. Nothing in the library throws across its boundary: a stage returns a
// Status (or Result<T>) whose code is a stable snake_case identifier that also appears in the
// JSON `errors` and `diagnostics` arrays, and whose message names the file and the reason.
//
//   Result<Document> r = reader.Read(path);
//   if (!r.ok()) { std::cerr << r.status().ToString() << "\n"; return; }
//   Document doc = std::move(r).value();
#ifndef UPRX_PIPELINE_CORE_STATUS_H_
#define UPRX_PIPELINE_CORE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace uprx::core {

class [[nodiscard]] Status {
 public:
  Status() = default;  // ok
  Status(std::string code, std::string message)
      : code_(std::move(code)), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_.empty(); }
  // Stable machine-readable code, e.g. "pdf_unreadable"; empty when ok.
  const std::string& code() const { return code_; }
  // One line a user understands, naming the file when there is one.
  const std::string& message() const { return message_; }
  std::string ToString() const { return ok() ? "ok" : code_ + ": " + message_; }

 private:
  std::string code_;
  std::string message_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT: must not be ok
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace uprx::core

#endif  // UPRX_PIPELINE_CORE_STATUS_H_
