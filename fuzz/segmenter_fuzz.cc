// Fuzz target: the Segmenter on arbitrary text (repaired to valid UTF-8, as
// the pipeline does). Tokens must be ordered, non-empty, inside the text and
// on code-point boundaries; sentences must partition the tokens in order.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "extract/internal/utf8.h"
#include "extract/segmenter.h"
#include "fuzz/fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsgraph;
  static const Segmenter* segmenter = new Segmenter();
  const std::string text = utf8::Repair(
      absl::string_view(reinterpret_cast<const char*>(data), size), nullptr);
  FUZZ_CHECK(utf8::IsValid(text), "Repair() left invalid UTF-8");
  const Segmentation seg = segmenter->Segment(text);
  std::vector<uint32_t> offsets;
  uint32_t last_end = 0;
  for (const Token& t : seg.tokens) {
    FUZZ_CHECK(t.begin < t.end && t.end <= text.size(), "token out of range");
    FUZZ_CHECK(t.begin >= last_end, "tokens overlap or are out of order");
    last_end = t.end;
    offsets.push_back(t.begin);
    offsets.push_back(t.end);
  }
  // Throws no error and maps every offset: offsets are on boundaries.
  const std::vector<uint32_t> cps = utf8::ToCodePointOffsets(text, offsets);
  FUZZ_CHECK(cps.size() == offsets.size(), "code-point offsets lost");
  uint32_t next_token = 0;
  for (const Sentence& s : seg.sentences) {
    FUZZ_CHECK(s.first_token == next_token, "sentences skip tokens");
    FUZZ_CHECK(s.first_token < s.end_token && s.end_token <= seg.tokens.size(),
               "bad sentence token range");
    FUZZ_CHECK(s.begin == seg.tokens[s.first_token].begin &&
                   s.end == seg.tokens[s.end_token - 1].end,
               "sentence offsets differ from its tokens");
    next_token = s.end_token;
  }
  FUZZ_CHECK(next_token == seg.tokens.size(), "tokens outside sentences");
  if (!seg.sentences.empty()) {
    for (const Token& t : seg.tokens) {
      const Sentence& s = seg.sentences[seg.SentenceAt(t.begin)];
      FUZZ_CHECK(s.begin <= t.begin && t.end <= s.end, "SentenceAt() wrong");
    }
  }
  return 0;
}
