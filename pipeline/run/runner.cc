#include "pipeline/run/runner.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <thread>

namespace uprx::pipeline {
namespace fs = std::filesystem;

namespace {

const char* SpecialKind(fs::file_type type) {
  switch (type) {
    case fs::file_type::fifo:
      return "a named pipe";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
    case fs::file_type::character:
      return "a device";
    default:
      return "not a file";
  }
}

}  // namespace

std::vector<std::string> ExpandInputs(const std::vector<std::string>& inputs,
                                      std::vector<core::FileError>& errors,
                                      std::string_view extension) {
  std::vector<std::string> out;
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (input == "-") {
      out.push_back(input);
    } else if (fs::is_directory(input, ec)) {
      std::vector<std::string> found;
      fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec);
      for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
          if (it->is_directory()) it.disable_recursion_pending();
          continue;
        }
        std::error_code entry_ec;
        if (it->is_regular_file(entry_ec)) {
          if (extension.empty() || it->path().extension() == extension) {
            found.push_back(it->path().string());
          }
        } else if (it->is_symlink(entry_ec) && !fs::exists(it->path(), entry_ec)) {
          // Named, not dropped: a link whose target is gone is an input the user meant to give.
          errors.push_back({it->path().string(), "file_unreadable",
                            it->path().string() + ": broken link (its target does not exist)"});
        } else if (!it->is_directory(entry_ec)) {
          // A pipe, socket or device would block or never end: named and left unread.
          errors.push_back({it->path().string(), "file_unreadable",
                            it->path().string() + ": not a regular file (" +
                                SpecialKind(it->symlink_status(entry_ec).type()) + "), not read"});
        }
      }
      if (ec) errors.push_back({input, "file_unreadable", input + ": " + ec.message()});
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::exists(input, ec)) {
      out.push_back(input);
    } else {
      errors.push_back({input, "file_unreadable", input + ": no such file or directory"});
    }
  }
  return out;
}

void RunDocuments(const DocumentProcessor& processor, const std::vector<std::string>& paths,
                  const RunOptions& options,
                  const std::function<void(std::size_t, ProcessedDocument)>& done) {
  std::atomic<std::size_t> next{0}, finished{0};
  std::mutex progress_mutex;
  auto worker = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      done(i, processor.Process(paths[i]));
      const std::size_t n = ++finished;
      if (options.progress) {
        std::lock_guard<std::mutex> lock(progress_mutex);
        std::cerr << "\r[" << n << "/" << paths.size() << "] "
                  << fs::path(paths[i]).filename().string() << "\033[K" << std::flush;
      }
    }
  };
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(paths.size())));
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
  worker();
  for (auto& t : threads) t.join();
  if (options.progress && !paths.empty()) std::cerr << "\n";
}

std::vector<ProcessedDocument> RunDocuments(const DocumentProcessor& processor,
                                            const std::vector<std::string>& paths,
                                            const RunOptions& options) {
  std::vector<ProcessedDocument> results(paths.size());
  RunDocuments(processor, paths, options,
               [&](std::size_t i, ProcessedDocument d) { results[i] = std::move(d); });
  return results;
}

}  // namespace uprx::pipeline
