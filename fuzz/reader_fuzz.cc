// Fuzz target: DocumentReader on arbitrary bytes, as a JSONL file and as a
// text file, with a small size limit in both oversize modes. Every record
// must come back either as a document or as an error with an id, and
// Skip() must walk the same records as Next().
#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/string_view.h"
#include "extract/internal/utf8.h"
#include "extract/reader.h"
#include "fuzz/fuzz_util.h"

namespace newsgraph {
namespace {

void ReadAll(const std::string& path, size_t limit, bool truncate) {
  DocumentReader::Options options;
  options.max_document_bytes = limit;
  options.truncate_oversize = truncate;
  auto reader = DocumentReader::Open(path, options);
  FUZZ_CHECK(reader.ok(), reader.status().ToString());
  auto skipper = DocumentReader::Open(path, options);
  FUZZ_CHECK(skipper.ok(), skipper.status().ToString());
  Document doc;
  absl::Status error;
  int records = 0;
  while ((*reader)->Next(&doc, &error)) {
    ++records;
    FUZZ_CHECK(!doc.id().empty(), "record ", records, " has no id");
    if (error.ok() && truncate) {
      FUZZ_CHECK(doc.text().size() <= limit, "truncated text over the limit");
    }
    if (!(*reader)->warning().empty()) {
      FUZZ_CHECK(truncate, "a warning without truncation");
    }
    FUZZ_CHECK((*skipper)->Skip(), "Skip() ended before Next()");
  }
  FUZZ_CHECK(!(*skipper)->Skip(), "Skip() saw more records than Next()");
  FUZZ_CHECK((*reader)->bytes_read() == (*skipper)->bytes_read(),
             "bytes_read differs: ", (*reader)->bytes_read(), " vs ",
             (*skipper)->bytes_read());
}

}  // namespace
}  // namespace newsgraph

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  static const std::string jsonl = fuzz::ScratchPath("reader.jsonl");
  static const std::string txt = fuzz::ScratchPath("reader.txt");
  fuzz::WriteScratch(jsonl, bytes);
  fuzz::WriteScratch(txt, bytes);
  for (bool truncate : {false, true}) {
    ReadAll(jsonl, 64, truncate);
    ReadAll(txt, 64, truncate);
  }
  ReadAll(jsonl, size_t{1} << 20, false);
  return 0;
}
