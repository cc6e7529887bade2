// Bad input never crashes uprx or loses the rest of a batch: each case runs the uprx binary on
// one bad input beside a good report and checks the exit code, the one-line message naming the
// file, the error code in the JSON, and that the good report was still written.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "tests/corpus/corpus_env.h"
#include "tests/corpus/figures.h"
#include "tests/support/made_documents.h"

// clang says so through __has_feature, gcc through __SANITIZE_ADDRESS__.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UPRX_HAS_ASAN 1
#endif
#endif

namespace uprx {
namespace {
namespace fs = std::filesystem;

struct Outcome {
  int exit_code = -1;
  std::string stderr_text;
  nlohmann::json output;  // null when no output file was written
};

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("uprx-bad-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& bytes) {
    const fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }

  std::string Good() const { return testing::CorporaDir() + "/wg-reports/cambodia2010.pdf"; }

  // Runs `uprx extract ARGS -o OUT -q` and collects what a user sees.
  Outcome Extract(const std::vector<std::string>& inputs, const std::string& out_name = "out.json",
                  const std::string& options = "") {
    const std::string out = (dir_ / out_name).string();
    const std::string err = (dir_ / "stderr.txt").string();
    std::string cmd = std::string(UPRX_BINARY) + " extract -q " + options;
    for (const auto& in : inputs) cmd += " '" + in + "'";
    cmd += " -o '" + out + "' 2> '" + err + "'";
    Outcome o;
    const int status = std::system(cmd.c_str());
    o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream e(err);
    o.stderr_text.assign(std::istreambuf_iterator<char>(e), {});
    std::ifstream j(out);
    if (j) o.output = nlohmann::json::parse(j, nullptr, false);
    return o;
  }

  // The one bad input is named with `code` on one stderr line; the good report was written.
  void ExpectReported(const Outcome& o, const std::string& file, const std::string& code,
                      const std::string& words) {
    EXPECT_EQ(o.exit_code, 1) << o.stderr_text;
    EXPECT_EQ(std::count(o.stderr_text.begin(), o.stderr_text.end(), '\n'), 1) << o.stderr_text;
    EXPECT_NE(o.stderr_text.find(file), std::string::npos) << o.stderr_text;
    EXPECT_NE(o.stderr_text.find(words), std::string::npos) << o.stderr_text;
    ASSERT_TRUE(o.output.is_object()) << "no output written";
    ASSERT_EQ(o.output["errors"].size(), 1u);
    EXPECT_EQ(o.output["errors"][0]["code"], code);
    EXPECT_EQ(o.output["errors"][0]["file"], file);
    ASSERT_EQ(o.output["reviews"].size(), 1u);
    EXPECT_EQ(o.output["reviews"][0]["recommendations"].size(), 91u);  // Cambodia 2010
  }

  fs::path dir_;
};

TEST_F(BadInput, TheRealBrokenPdf) {
  CORPUS_OR_SKIP();
  const std::string bad = testing::CorporaDir() + "/slovenia/c1/g0917123.pdf";
  ExpectReported(Extract({bad, Good()}), bad, testing::ExactText("svn.c1.broken_pdf"),
                 "cannot open PDF");
}

TEST_F(BadInput, AnEmptyFile) {
  CORPUS_OR_SKIP();
  const std::string bad = Write("empty.pdf", "");
  ExpectReported(Extract({bad, Good()}), bad, "empty_file", "file is empty");
}

TEST_F(BadInput, ATruncatedPdf) {
  CORPUS_OR_SKIP();
  std::ifstream real(testing::CorporaDir() + "/wg-reports/cambodia2014.pdf", std::ios::binary);
  std::string head(30000, '\0');
  real.read(head.data(), static_cast<std::streamsize>(head.size()));
  const std::string bad = Write("truncated.pdf", head);
  ExpectReported(Extract({bad, Good()}), bad, "pdf_unreadable", "cannot open PDF");
}

TEST_F(BadInput, AScanWithoutTextLayerAsksForOcr) {
  CORPUS_OR_SKIP();
  const std::string bad = testing::CorporaDir() + "/slovenia/c3/Letter-OHCHR-HC-Slovenia.pdf";
  ExpectReported(Extract({bad, Good()}), bad, "no_text_layer", "OCR needed");
}

TEST_F(BadInput, ALegacyWordFile) {
  CORPUS_OR_SKIP();
  const std::string bad =
      testing::CorporaDir() + "/slovenia/c3/Advance_questions_Slovenia_first_batch.doc";
  ExpectReported(Extract({bad, Good()}), bad, "doc_unsupported", "convert it to DOCX or PDF");
}

TEST_F(BadInput, AZipThatIsNotAWordFile) {
  CORPUS_OR_SKIP();
  const std::string bad = Write("report.docx", std::string("PK\3\4", 4) + "garbage garbage");
  // Damaged before any Word part can be found: not recognisable as a Word file at all.
  ExpectReported(Extract({bad, Good()}), bad, "unknown_format", "not a Word document");
}

TEST_F(BadInput, APasswordProtectedPdf) {
  CORPUS_OR_SKIP();
  // A Standard security handler whose /U does not match the empty user password.
  const std::string bad = Write(
      "locked.pdf", testing::MakePdf({testing::TextObject({"Secret"})},
                                     "/Encrypt 6 0 R /ID [<00112233445566778899aabbccddeeff> "
                                     "<00112233445566778899aabbccddeeff>]",
                                     {"<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'a') +
                                      "> /U <" + std::string(64, 'b') + "> /P -4 >>"}));
  ExpectReported(Extract({bad, Good()}), bad, "pdf_encrypted", "PDF is password-protected");
}

TEST_F(BadInput, AZipBombDressedAsADocx) {
  CORPUS_OR_SKIP();
  std::string docx = testing::MakeZip(
      {{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", "<w:document/>"}});
  testing::DeclareUncompressedSize(docx, 300u << 20);  // claims 300 MiB of XML
  const std::string bad = Write("bomb.docx", docx);
  ExpectReported(Extract({bad, Good()}), bad, "docx_unreadable", "possible zip bomb");
}

TEST_F(BadInput, ADocxWithoutItsDocumentPart) {
  CORPUS_OR_SKIP();
  const std::string bad = Write(
      "hollow.docx",
      testing::MakeZip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", "<w:styles/>"}}));
  ExpectReported(Extract({bad, Good()}), bad, "docx_unreadable", "no word/document.xml part");
}

// An OHCHR thematic list written here: a header row and four recommendations whose "Source of
// position" cites the report of an HRC session that cannot exist. Former bug: the session went
// through std::stoi, whose std::out_of_range ended the whole batch with exit 134.
std::string ThematicListCitingSession(const std::string& session) {
  const auto cell = [](const std::string& text) {
    return "<w:tc><w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p></w:tc>";
  };
  std::string rows = "<w:tr>" + cell("Recommendation") + cell("Position") +
                     cell("Full list of themes") + "</w:tr>";
  for (int i = 1; i <= 4; ++i) {
    rows += "<w:tr>" +
            cell("110." + std::to_string(i) +
                 " Ratify the Optional Protocol to the Convention against Torture (France); "
                 "Source of position: A/HRC/" +
                 session + "/15/Add.1 - Para. 3") +
            cell("Supported") + cell("A12 Acceptance of international norms") + "</w:tr>";
  }
  return testing::MakeZip(
      {{"[Content_Types].xml", "<Types/>"},
       {"word/document.xml",
        "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        "<w:body><w:p><w:r><w:t>Thematic list of recommendations</w:t></w:r></w:p><w:tbl>" +
            rows + "</w:tbl></w:body></w:document>"}});
}

TEST_F(BadInput, AThematicListCitingAnImpossibleSessionFailsAlone) {
  CORPUS_OR_SKIP();
  const std::string bad = Write("list.docx", ThematicListCitingSession("99999999999"));
  ExpectReported(Extract({bad, Good()}), bad, "thematic_list_invalid",
                 "cites A/HRC/99999999999/15");
}

TEST_F(BadInput, AHugeSessionReportIsNamedAsWhatItIs) {
  CORPUS_OR_SKIP();
  // The 194-page HRC session report of 2010: read, identified, skipped; not an error (exit 0).
  const std::string other = testing::CorporaDir() + "/slovenia/c1/g1217781.pdf";
  const Outcome o = Extract({other, Good()});
  EXPECT_EQ(o.exit_code, 0) << o.stderr_text;
  EXPECT_NE(o.stderr_text.find(other + ": Human Rights Council session report"), std::string::npos)
      << o.stderr_text;
  ASSERT_TRUE(o.output.is_object());
  ASSERT_EQ(o.output["errors"].size(), 1u);
  EXPECT_EQ(o.output["errors"][0]["code"], "not_outcome_document");
  ASSERT_EQ(o.output["reviews"].size(), 1u);
  EXPECT_EQ(o.output["reviews"][0]["recommendations"].size(), 91u);
}

TEST_F(BadInput, BinaryNoise) {
  CORPUS_OR_SKIP();
  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919) % 256));
  const std::string bad = Write("noise.pdf", noise);
  ExpectReported(Extract({bad, Good()}), bad, "unknown_format", "binary data");
}

TEST_F(BadInput, TextThatIsNotUtf8) {
  CORPUS_OR_SKIP();
  const std::string bad = Write("latin1.txt", "caf\xe9 au lait\n");
  ExpectReported(Extract({bad, Good()}), bad, "text_encoding", "not valid UTF-8 at byte 3");
}

TEST_F(BadInput, AOneGigabyteFileIsRefusedWithoutReadingIt) {
  CORPUS_OR_SKIP();
  const std::string bad = (dir_ / "huge.txt").string();
  { std::ofstream(bad, std::ios::binary); }
  fs::resize_file(bad, std::uintmax_t{1} << 30);  // sparse: nothing is written to disk
  ExpectReported(Extract({bad, Good()}), bad, "file_too_large", "larger than the 256 MiB limit");
}

TEST_F(BadInput, ADocumentOverThePageLimitFailsAlone) {
  CORPUS_OR_SKIP();
  // The 194-page HRC session report of 2010 (slovenia/c1/g1217781.pdf), refused before its
  // pages are read; Cambodia 2010 (25 pages) is still extracted.
  const std::string big = testing::CorporaDir() + "/slovenia/c1/g1217781.pdf";
  ExpectReported(Extract({big, Good()}, "out.json", "--max-pages 100"), big, "too_many_pages",
                 "more than 100 pages; raise --max-pages");
}

TEST_F(BadInput, ADocumentOverItsTextLimitFailsAlone) {
  CORPUS_OR_SKIP();
  // Bounds the memory one document may take: Cambodia 2010 has under 100 KB of text, the
  // session report (slovenia/c1/g1217781.pdf) about 600 KB.
  const std::string big = testing::CorporaDir() + "/slovenia/c1/g1217781.pdf";
  ExpectReported(Extract({big, Good()}, "out.json", "--max-text-mb 0.25"), big, "text_too_large",
                 "more than 0.25 MiB of text; raise --max-text-mb");
}

TEST_F(BadInput, ADocumentOverItsTimeIsStoppedWithTheReason) {
  CORPUS_OR_SKIP();
  // No document is read in a microsecond: the limit stops it after its first page.
  const Outcome o = Extract({Good()}, "out.json", "--max-seconds 0.000001");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.stderr_text.find(Good() + ": stopped after 1e-06 s (read 1 of 22 pages)"),
            std::string::npos)
      << o.stderr_text;
  ASSERT_TRUE(o.output.is_object());
  ASSERT_EQ(o.output["errors"].size(), 1u);
  EXPECT_EQ(o.output["errors"][0]["code"], "time_limit");
}

TEST_F(BadInput, AMissingFileAndABrokenLinkInADirectory) {
  CORPUS_OR_SKIP();
  const std::string missing = (dir_ / "missing.pdf").string();
  ExpectReported(Extract({missing, Good()}), missing, "file_unreadable", "no such file");
  fs::create_directories(dir_ / "batch");
  fs::create_symlink("/nonexistent/report.pdf", dir_ / "batch" / "link.pdf");
  fs::copy_file(Good(), dir_ / "batch" / "cambodia2010.pdf");
  const std::string link = (dir_ / "batch" / "link.pdf").string();
  ExpectReported(Extract({(dir_ / "batch").string()}), link, "file_unreadable", "broken link");
}

TEST_F(BadInput, ANamedPipeInADirectoryIsNamedNotRead) {
  CORPUS_OR_SKIP();
  // Reading a pipe would wait for a writer forever; it is listed as unreadable instead.
  fs::create_directories(dir_ / "batch");
  const std::string pipe = (dir_ / "batch" / "stream.pdf").string();
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  fs::copy_file(Good(), dir_ / "batch" / "cambodia2010.pdf");
  ExpectReported(Extract({(dir_ / "batch").string()}), pipe, "file_unreadable",
                 "not a regular file (a named pipe), not read");
}

TEST_F(BadInput, UnwritableOutputIsAnErrorAndNothingIsLeftBehind) {
  CORPUS_OR_SKIP();
  const Outcome o = Extract({Good()}, "no-such-dir/out.json");
  EXPECT_EQ(o.exit_code, 1);
  EXPECT_NE(o.stderr_text.find("no-such-dir/out.json: cannot write"), std::string::npos)
      << o.stderr_text;
  for (const auto& entry : fs::recursive_directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().extension(), ".txt") << "left behind: " << entry.path();
  }
}

TEST_F(BadInput, AnInterruptedRunLeavesNoOutput) {
  CORPUS_OR_SKIP();
  const std::string out = (dir_ / "all.json").string();
  const fs::path tmp = dir_ / "tmp";  // where the spool goes
  fs::create_directories(tmp);
  const pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::setenv("TMPDIR", tmp.c_str(), 1);
    const std::string reports = testing::CorporaDir() + "/wg-reports";
    ::execl(UPRX_BINARY, UPRX_BINARY, "extract", reports.c_str(), "-o", out.c_str(), "-q", "-j",
            "1", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::usleep(1500 * 1000);  // well inside the ~10 s the 212 reports take
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_FALSE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".tmp"));
  EXPECT_TRUE(fs::is_empty(tmp)) << "the spool was left behind";
}

// Peak resident memory (KiB) of `uprx COMMAND` over the first `n` WG reports, one thread.
long PeakKib(const std::string& command, std::size_t n, const fs::path& out) {
  std::vector<std::string> args = {UPRX_BINARY, command, "-q", "-j", "1", "-o", out.string()};
  std::vector<fs::path> reports;
  for (const auto& e : fs::directory_iterator(testing::CorporaDir() + "/wg-reports")) {
    if (e.path().extension() == ".pdf") reports.push_back(e.path());
  }
  std::sort(reports.begin(), reports.end());
  for (std::size_t i = 0; i < n && i < reports.size(); ++i) args.push_back(reports[i].string());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execv(UPRX_BINARY, argv.data());
    ::_exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (pid < 0 || ::wait4(pid, &status, 0, &usage) != pid) return -1;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
  return usage.ru_maxrss;
}

TEST_F(BadInput, PeakMemoryDoesNotGrowWithTheBatch) {
  CORPUS_OR_SKIP();
#if defined(__SANITIZE_ADDRESS__) || defined(UPRX_HAS_ASAN)
  GTEST_SKIP() << "AddressSanitizer keeps freed memory in quarantine: peak memory is measured "
                  "in the plain build";
#endif
  // Before the spool every document's recommendations waited in memory for the join: 37 MiB
  // at 50 reports, 95 MiB at 212. Now finished documents wait on disk (DocumentSpool) and the
  // output is written review by review, so 4x the documents may not cost 25% more memory.
  const long small = PeakKib("extract", 30, dir_ / "small.json");
  const long large = PeakKib("extract", 120, dir_ / "large.json");
  ASSERT_GT(small, 0);
  ASSERT_GT(large, 0);
  const double growth = static_cast<double>(large) / static_cast<double>(small);
  std::cout << "extract: 30 reports " << small << " KiB, 120 reports " << large << " KiB ("
            << growth << "x)\n";
  EXPECT_LE(growth, testing::Ceiling("memory.extract_growth"));
  // With classification the rule sets' DFA caches fill towards their budget
  // (RuleClassifier::kSetMemory) and stop there; at 64 MiB a set they grew 49% over this range.
  const long small_run = PeakKib("run", 30, dir_ / "small-run.json");
  const long large_run = PeakKib("run", 120, dir_ / "large-run.json");
  ASSERT_GT(small_run, 0);
  ASSERT_GT(large_run, 0);
  const double run_growth = static_cast<double>(large_run) / static_cast<double>(small_run);
  std::cout << "run: 30 reports " << small_run << " KiB, 120 reports " << large_run << " KiB ("
            << run_growth << "x)\n";
  EXPECT_LE(run_growth, testing::Ceiling("memory.run_growth"));
}

TEST_F(BadInput, Utf16TextWithBomIsRead) {
  CORPUS_OR_SKIP();
  // "A/HRC/13/4 ..." as UTF-16LE with a byte-order mark: read like the PDF.
  std::string text = "\xff\xfe";
  for (char ch : std::string("A/HRC/13/4\nnot a report\n")) {
    text.push_back(ch);
    text.push_back('\0');
  }
  const std::string file = Write("utf16.txt", text);
  const Outcome o = Extract({file});
  EXPECT_EQ(o.exit_code, 0) << o.stderr_text;
  ASSERT_TRUE(o.output.is_object());
  EXPECT_EQ(o.output["errors"][0]["code"], "not_outcome_document");  // read, then identified
}

TEST_F(BadInput, UsageErrorsExitTwo) {
  CORPUS_OR_SKIP();
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(UPRX_BINARY) + " extract 2>/dev/null").c_str())),
            2);
  EXPECT_EQ(WEXITSTATUS(
                std::system((std::string(UPRX_BINARY) + " extract --bogus x 2>/dev/null").c_str())),
            2);
  EXPECT_EQ(WEXITSTATUS(std::system((std::string(UPRX_BINARY) + " nonsense 2>/dev/null").c_str())),
            2);
}

// A user's taxonomy, model or profile that cannot be used stops `run` before any document is
// read: a usage-class error (2) on one line `file:line: why`, never an abort. Former bug: an
// SDG id of 30 digits reached std::stoi in the JSON writer (exit 134, nothing written).
TEST_F(BadInput, AnUnusableTaxonomyModelOrProfileExitsTwo) {
  CORPUS_OR_SKIP();
  const std::string goals = Write("goals.tsv",
                                  "# my SDG rules\n"
                                  "taxonomy\tsdg\n"
                                  "version\tmine-1\n"
                                  "label\t16\tPeace, justice and strong institutions\tcourts\n"
                                  "label\t123456789012345678901234567890\tGoal\ttoo long\n"
                                  "rule\t16\t\\bcourts?\\b\t1\n");
  const std::string not_a_model = Write("action.model", "taxonomy\taction\n");
  const std::string not_a_profile = Write("KHM.json", "{\"id\": \"KHM\"");
  const struct {
    std::string option, message;
  } cases[] = {
      {"--taxonomy-file '" + goals + "'",
       goals + ":5: label id '123456789012345678901234567890' of taxonomy sdg must be a whole "
               "number from 1 to 17"},
      {"--model '" + not_a_model + "'", not_a_model + ":1: not a uprx linear model"},
      {"--profile '" + not_a_profile + "'", not_a_profile + ": (file): not valid JSON"},
  };
  for (const auto& c : cases) {
    const std::string out = (dir_ / "run.json").string();
    const std::string err = (dir_ / "stderr.txt").string();
    const int status = std::system((std::string(UPRX_BINARY) + " run -q " + c.option + " '" +
                                    Good() + "' -o '" + out + "' 2> '" + err + "'")
                                       .c_str());
    ASSERT_TRUE(WIFEXITED(status)) << c.option;
    EXPECT_EQ(WEXITSTATUS(status), 2) << c.option;
    std::ifstream e(err);
    const std::string text(std::istreambuf_iterator<char>(e), {});
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1) << text;
    EXPECT_NE(text.find(c.message), std::string::npos) << text;
    EXPECT_FALSE(fs::exists(out)) << c.option;
  }
}

}  // namespace
}  // namespace uprx
