#include "extract/internal/regex_set.h"

#include <algorithm>
#include <numeric>

namespace newsgraph {

namespace {
RE2::Options SetOptions(RE2::Options options, int64_t min_max_mem) {
  options.set_max_mem(std::max<int64_t>(options.max_mem(), min_max_mem));
  options.set_log_errors(false);
  return options;
}
}  // namespace

RegexSet::RegexSet(const RE2::Options& options, int64_t min_max_mem)
    : set_(std::make_unique<RE2::Set>(SetOptions(options, min_max_mem),
                                      RE2::UNANCHORED)) {}

bool RegexSet::Add(absl::string_view pattern) {
  std::string error;
  const int index =
      set_->Add(re2::StringPiece(pattern.data(), pattern.size()), &error);
  ++size_;
  if (index != static_cast<int>(size_) - 1) {
    usable_ = false;
    return false;
  }
  return true;
}

void RegexSet::Compile() {
  if (usable_ && size_ > 0) usable_ = set_->Compile();
}

void RegexSet::Match(absl::string_view text, std::vector<int>* matching) const {
  matching->clear();
  if (usable_ && size_ > 0) {
    RE2::Set::ErrorInfo info;
    if (set_->Match(re2::StringPiece(text.data(), text.size()), matching,
                    &info)) {
      std::sort(matching->begin(), matching->end());
      return;
    }
    if (info.kind == RE2::Set::kNoError) return;  // nothing matches
    matching->clear();
  }
  matching->resize(size_);
  std::iota(matching->begin(), matching->end(), 0);
}

}  // namespace newsgraph
