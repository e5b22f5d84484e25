// Fuzz target: GraphReader on arbitrary bytes in each format (chosen by the
// first byte). It must end, with a status, and never return a record made
// of a truncated one.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "extract/graph_reader.h"
#include "extract/writer.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  if (size == 0) return 0;
  const Format formats[] = {Format::kBinary, Format::kJsonl, Format::kTextproto};
  const Format format = formats[data[0] % 3];
  std::istringstream in(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  GraphReader reader(&in, format);
  DocumentGraph graph;
  int records = 0;
  while (reader.Next(&graph)) {
    FUZZ_CHECK(++records <= static_cast<int>(size), "more records than bytes");
  }
  return 0;
}
