#include "pipeline/formats/csv_reader.h"

#include <utility>

namespace uprx::pipeline {
namespace {

// One pass over the bytes; quoted line breaks are kept as '\n' whatever the file used.
class CsvParser {
 public:
  CsvParser(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  core::Result<std::vector<CsvRecord>> Parse() {
    while (pos_ < text_.size()) {
      core::Status step = in_quotes_ ? QuotedChar() : PlainChar();
      if (!step.ok()) return step;
    }
    if (in_quotes_) {
      return Error(quote_line_, "quoted field never closed");
    }
    EndRecord();
    return std::move(records_);
  }

 private:
  core::Status Error(int line, std::string_view why) const {
    return core::Status(
        "csv_invalid", std::string(source_) + ":" + std::to_string(line) + ": " + std::string(why));
  }

  // Consumes a line break at pos_ (CR, LF or CRLF) and counts it once.
  void SkipLineBreak() {
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  core::Status QuotedChar() {
    const char c = text_[pos_];
    if (c == '"') {
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
        field_ += '"';
        pos_ += 2;
      } else {
        in_quotes_ = false;
        after_quote_ = true;
        ++pos_;
      }
    } else if (c == '\r' || c == '\n') {
      field_ += '\n';
      SkipLineBreak();
    } else {
      field_ += c;
      ++pos_;
    }
    return core::Status::Ok();
  }

  core::Status PlainChar() {
    const char c = text_[pos_];
    if (c == ',') {
      EndField();
      ++pos_;
    } else if (c == '\r' || c == '\n') {
      EndRecord();
      SkipLineBreak();
    } else if (after_quote_) {
      return Error(line_, "text after a closing quote (a quote inside a field must be doubled)");
    } else if (c == '"' && field_.empty()) {
      in_quotes_ = true;
      quote_line_ = line_;
      started_ = true;
      ++pos_;
    } else {
      field_ += c;  // a stray quote inside an unquoted field is kept as text, as readers do
      started_ = true;
      ++pos_;
    }
    return core::Status::Ok();
  }

  void EndField() {
    current_.fields.push_back(std::move(field_));
    field_.clear();
    after_quote_ = false;
    started_ = true;
  }

  void EndRecord() {
    if (started_ || !field_.empty() || after_quote_) {
      EndField();
      current_.line = record_line_;
      records_.push_back(std::move(current_));
    }
    current_ = CsvRecord();
    field_.clear();
    started_ = false;
    after_quote_ = false;
    record_line_ = line_ + 1;  // the caller is about to consume the line break
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int record_line_ = 1;
  int quote_line_ = 1;
  bool in_quotes_ = false;
  bool after_quote_ = false;
  bool started_ = false;
  std::string field_;
  CsvRecord current_;
  std::vector<CsvRecord> records_;
};

}  // namespace

core::Result<std::vector<CsvRecord>> ParseCsv(std::string_view text, std::string_view source) {
  return CsvParser(text, source).Parse();
}

}  // namespace uprx::pipeline
