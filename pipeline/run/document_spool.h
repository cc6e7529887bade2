// Spool: finished documents wait on disk, not in memory, until their review is joined.
//
// A batch cannot join a review until every document is read (an addendum may come last), so
// without a spool the recommendations of every document read so far stay in memory and peak
// memory grows with the batch. The spool appends each ProcessedDocument (CBOR) to one temporary
// file, unlinked as soon as it is made so that it goes with the process however the process
// ends, and keeps only each document's header (path, DocumentInfo, error) in memory; Take()
// reads a document back when its review is joined.
//
//   DocumentSpool spool(paths.size());              // a file under $TMPDIR, else /tmp
//   spool.Put(i, processor.Process(paths[i]));      // from any thread, each i once
//   const ProcessedDocument& header = spool.Header(i);   // no recommendations
//   ProcessedDocument whole = spool.Take(i);
//
// When the file cannot be made or written (disk full), documents stay in memory and a warning
// says so once on stderr: the batch goes on, only memory is at stake. Put() may be called from
// several threads at once (each index once); Take() and Header() from one thread after the
// Put()s.
#ifndef UPRX_PIPELINE_RUN_DOCUMENT_SPOOL_H_
#define UPRX_PIPELINE_RUN_DOCUMENT_SPOOL_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/core/status.h"
#include "pipeline/run/document_processor.h"

namespace uprx::pipeline {

// The bytes a document is spooled as, and back; exposed for the round-trip tests.
std::vector<std::uint8_t> SerializeDocument(const ProcessedDocument& d);
// "spool_invalid" when `bytes` are not SerializeDocument()'s output.
[[nodiscard]] core::Result<ProcessedDocument> ParseDocument(const std::vector<std::uint8_t>& bytes);

class DocumentSpool {
 public:
  // Room for `documents` documents, indexed from 0. The file goes under `directory`, or under
  // $TMPDIR (else /tmp) when `directory` is "".
  explicit DocumentSpool(std::size_t documents, const std::string& directory = "");
  ~DocumentSpool();
  DocumentSpool(const DocumentSpool&) = delete;
  DocumentSpool& operator=(const DocumentSpool&) = delete;

  void Put(std::size_t index, ProcessedDocument d);
  std::size_t size() const { return slots_.size(); }
  // The document without its recommendations, statements and diagnostics.
  const ProcessedDocument& Header(std::size_t index) const { return slots_[index].header; }
  // The whole document, once. A record that cannot be read back gives the header with the
  // error "spool_unreadable" naming the document.
  ProcessedDocument Take(std::size_t index);
  // Documents kept in memory because the spool could not write them.
  std::size_t in_memory() const;

 private:
  struct Slot {
    ProcessedDocument header;
    std::uint64_t offset = 0, length = 0;       // the record in the file; length 0: none
    std::optional<ProcessedDocument> resident;  // when it could not be written
  };
  void Warn(const std::string& why);

  int fd_ = -1;  // -1 when no file could be made
  std::uint64_t end_ = 0;
  std::vector<Slot> slots_;
  std::mutex mutex_;
  bool warned_ = false;
};

}  // namespace uprx::pipeline

#endif  // UPRX_PIPELINE_RUN_DOCUMENT_SPOOL_H_
