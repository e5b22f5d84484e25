// Fuzz target: the whole pipeline on arbitrary bytes, with the default rule
// set (directory $NEWSGRAPH_RULES, default "rules": the working directory is
// the repository root or the test's runfiles). The bytes are read as a JSONL
// file (so a document may come from any line) and each document's graph is
// written and read back. Mentions must lie inside the (repaired) text and
// carry its bytes; the record must read back equal.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <string>

#include "extract/graph_reader.h"
#include "extract/internal/utf8.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/rule_set.h"
#include "extract/writer.h"
#include "fuzz/fuzz_util.h"

namespace newsgraph {
namespace {

const Pipeline* pipeline = nullptr;

void Check(const Document& doc) {
  const std::string text = utf8::Repair(doc.text(), nullptr);
  const DocumentGraph graph = pipeline->Process(doc);
  for (const Entity& e : graph.entities()) {
    for (const Mention& m : e.mentions()) {
      FUZZ_CHECK(m.begin() < m.end() && m.end() <= text.size(),
                 "mention out of range");
      FUZZ_CHECK(text.compare(m.begin(), m.end() - m.begin(), m.text()) == 0,
                 "mention text differs from the document's");
      FUZZ_CHECK(m.cp_begin() <= m.begin() && m.cp_end() <= m.end() &&
                     m.cp_begin() < m.cp_end(),
                 "bad code-point offsets");
    }
  }
  for (Format format : {Format::kBinary, Format::kJsonl}) {
    std::stringstream buffer;
    GraphWriter writer(&buffer, format);
    FUZZ_CHECK(writer.Write(graph).ok(), "write failed");
    GraphReader reader(&buffer, format);
    DocumentGraph back;
    FUZZ_CHECK(reader.Next(&back), "read back failed: ",
               reader.status().ToString());
    FUZZ_CHECK(back.SerializeAsString() == graph.SerializeAsString(),
               "graph changed through the writer");
  }
}

}  // namespace
}  // namespace newsgraph

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace newsgraph;
  const char* dir = std::getenv("NEWSGRAPH_RULES");
  auto rules = RuleSet::Load(dir != nullptr ? dir : "rules");
  FUZZ_CHECK(rules.ok(), rules.status().ToString());
  pipeline = new Pipeline(std::shared_ptr<const RuleSet>(std::move(*rules)),
                          Pipeline::Options());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  const absl::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The bytes as one document.
  Document doc;
  doc.set_id("fuzz");
  doc.set_text(std::string(bytes));
  Check(doc);
  // The bytes as JSONL, when they look like it.
  if (size > 0 && data[0] == '{') {
    static const std::string path = fuzz::ScratchPath("pipeline.jsonl");
    fuzz::WriteScratch(path, bytes);
    auto reader = DocumentReader::Open(path, DocumentReader::Options());
    FUZZ_CHECK(reader.ok(), reader.status().ToString());
    absl::Status error;
    while ((*reader)->Next(&doc, &error)) {
      if (error.ok()) Check(doc);
    }
  }
  return 0;
}
