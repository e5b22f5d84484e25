#include "bench/bench_data.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/segmenter.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace newsgraph {
namespace bench {
namespace {

using bazel::tools::cpp::runfiles::Runfiles;

[[noreturn]] void Die(const std::string& message) {
  std::cerr << "bench: " << message << "\n";
  std::exit(1);
}

std::string ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) Die("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> ReadTxtDir(const std::string& dir) {
  std::vector<std::string> names;
  DIR* d = opendir(dir.c_str());
  if (d == nullptr) Die("cannot open directory " + dir);
  while (dirent* e = readdir(d)) {
    if (absl::EndsWith(e->d_name, ".txt")) names.push_back(e->d_name);
  }
  closedir(d);
  std::sort(names.begin(), names.end());
  std::vector<std::string> texts;
  for (const std::string& n : names) texts.push_back(ReadWhole(dir + "/" + n));
  if (texts.empty()) Die("no .txt files in " + dir);
  return texts;
}

// Runfiles of this binary, found from /proc/self/exe (the benchmarks use
// benchmark_main, so argv[0] is not at hand).
Runfiles* GetRunfiles() {
  static Runfiles* runfiles = [] {
    char buf[4096];
    const ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    const std::string exe = n > 0 ? std::string(buf, n) : "";
    std::string error;
    Runfiles* r = Runfiles::Create(exe, &error);
    if (r == nullptr) Die("no runfiles: " + error);
    return r;
  }();
  return runfiles;
}

std::string RunfileDir(const std::string& file) {
  const std::string path = GetRunfiles()->Rlocation(file);
  return path.substr(0, path.rfind('/'));
}

}  // namespace

const std::vector<std::string>& Texts() {
  static const std::vector<std::string>* texts = [] {
    const char* dir = std::getenv("NEWSGRAPH_BENCH_CORPUS");
    return new std::vector<std::string>(ReadTxtDir(
        dir != nullptr && *dir != '\0'
            ? std::string(dir)
            : RunfileDir(
                  "newsgraph/testdata/sample/corpus/01_obama_putin_call.txt")));
  }();
  return *texts;
}

size_t TextBytes() {
  size_t n = 0;
  for (const std::string& t : Texts()) n += t.size();
  return n;
}

const RuleSet& DefaultRules() {
  static const RuleSet* rules = [] {
    auto r = RuleSet::Load(RunfileDir("newsgraph/rules/MANIFEST"));
    if (!r.ok()) Die(std::string(r.status().message()));
    return r->release();
  }();
  return *rules;
}

std::string RuleFile(const std::string& relative_path) {
  return ReadWhole(GetRunfiles()->Rlocation("newsgraph/rules/" + relative_path));
}

std::vector<GazetteerEntry> SyntheticEntries(size_t n) {
  std::vector<GazetteerEntry> entries;
  absl::flat_hash_set<std::string> seen;
  auto add = [&](std::string name, Label label) {
    if (entries.size() >= n || !seen.insert(name).second) return;
    GazetteerEntry e;
    e.id = absl::StrCat("syn.", entries.size());
    e.label = label;
    e.canonical = std::move(name);
    entries.push_back(std::move(e));
  };
  // Real names from the text: runs of capitalized words, 1 to 3 long.
  const Segmenter segmenter;
  for (const std::string& text : Texts()) {
    const Segmentation seg = segmenter.Segment(text);
    const auto& t = seg.tokens;
    for (size_t i = 0; i < t.size(); ++i) {
      for (size_t len = 1; len <= 3 && i + len <= t.size(); ++len) {
        const Token& last = t[i + len - 1];
        if (last.kind != Token::kWord || !last.capitalized) break;
        add(text.substr(t[i].begin, last.end - t[i].begin),
            len == 1 ? Label::kPlace : Label::kPerson);
      }
    }
  }
  // Pseudo-names: words of 2-4 syllables, 1-3 words a name.
  static const char* const kSyllables[] = {
      "ka", "lo", "mir", "ta", "ven", "dra", "sol", "bek", "ri", "no",
      "zan", "pel", "gor", "vi", "shu", "tam", "el", "os", "rad", "qui",
      "ba", "ny", "ost", "lev", "ar", "um", "che", "dax", "fi", "hol"};
  constexpr size_t kS = sizeof(kSyllables) / sizeof(kSyllables[0]);
  uint64_t state = 0x9E3779B97F4A7C15ull;
  auto next = [&state] {
    state ^= state << 13, state ^= state >> 7, state ^= state << 17;
    return state;
  };
  while (entries.size() < n) {
    std::string name;
    const int words = 1 + next() % 3;
    for (int w = 0; w < words; ++w) {
      if (w > 0) name.push_back(' ');
      const size_t start = name.size();
      const int syllables = 2 + next() % 3;
      for (int s = 0; s < syllables; ++s) name += kSyllables[next() % kS];
      name[start] = static_cast<char>(name[start] - 'a' + 'A');
    }
    add(std::move(name), words == 1 ? Label::kPlace : Label::kPerson);
  }
  return entries;
}

}  // namespace bench
}  // namespace newsgraph
