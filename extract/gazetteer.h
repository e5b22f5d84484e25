// Gazetteer: a compiled, immutable token trie of names (canonical names and
// aliases of entries) and the matcher that finds them in segmented text.
//
// Phases: build once from entries (Gazetteer::Build), then Match() from any
// number of threads. Names are split into tokens by the same Segmenter as
// documents, and each token is normalized (see normalizer.h): matching
// ignores diacritics, apostrophe style and periods ("U.S." == "US"), and skips
// hyphens inside a name ("al-Qaeda" == "al Qaeda"). A possessive "'s" is a
// token of its own, so "Russia's" matches "Russia" without it.
//
// Case: the trie is keyed on lower-cased tokens, so each step costs one hash
// lookup whatever the gazetteer's size; a hit is then accepted when
//   - the entry is case-insensitive (flag "ci"), or
//   - the text has the same case as the name, or
//   - the matched text is ALL CAPS (datelines: "MOSCOW").
//
// Every accepted name yields a Candidate (all lengths, all entries); the
// resolver chooses among overlapping ones.
//
// Memory: the built gazetteer is flat arrays (string tables for the
// entries' strings and the token vocabulary, the trie's terminals grouped
// by node) plus two hash maps (vocabulary, transitions), so that a million
// entries take about 200 MB, and Write()/Read() store it as it is.
#ifndef NEWSGRAPH_EXTRACT_GAZETTEER_H_
#define NEWSGRAPH_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <istream>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "extract/candidate.h"
#include "extract/segmenter.h"

namespace newsgraph {

struct GazetteerEntry {
  // Unique id across the rule set; also the entity's canonical id.
  std::string id;
  Label label = Label::kPlace;
  std::string canonical;
  std::vector<std::string> aliases;
  std::string subtype;
  // External identifier; for kDemonym entries, the id of the place entry.
  std::string external_id;
  int32_t priority = 0;
  bool case_insensitive = false;
  // "path:line" of the entry, for messages.
  std::string location;
};

// An entry of a built gazetteer; the views point into the gazetteer.
struct GazetteerEntryView {
  absl::string_view id;
  Label label = Label::kPlace;
  absl::string_view canonical;
  absl::string_view subtype;
  absl::string_view external_id;
  int32_t priority = 0;
  bool case_insensitive = false;
};

class Gazetteer {
 public:
  // Compiles `entries`. Fails (with the entry's location) when a name has no
  // token.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Build(
      std::vector<GazetteerEntry> entries, const Segmenter& segmenter);

  // The built form as flat arrays (for compiled rule files), and back.
  // Reading costs little more than copying the arrays: only the hash
  // indexes are rebuilt. The image records kImageVersion; Read() refuses
  // another version and an inconsistent image. Images are native-endian.
  static constexpr uint32_t kImageVersion = 1;
  absl::Status Write(std::ostream* out) const;
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Read(std::istream* in);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Appends a candidate for every name found in `text` (segmented as `seg`).
  void Match(absl::string_view text, const Segmentation& seg,
             std::vector<Candidate>* out) const;

  size_t size() const { return info_.size(); }
  GazetteerEntryView entry(int32_t i) const;
  // "path:line" of entry i, for messages.
  std::string location(int32_t i) const;
  // Entry i as it was given to Build().
  GazetteerEntry full_entry(int32_t i) const;
  // Index of the (first) entry with this id, or -1. The index is built on
  // first use.
  int32_t Find(absl::string_view id) const;
  // Number of trie nodes (for statistics and tests).
  size_t node_count() const { return terminal_begin_.size() - 1; }

 private:
  // Strings stored back to back: string i is
  // chars[ends[i - 1] (0 for i == 0), ends[i]).
  struct StringTable {
    std::string chars;
    std::vector<uint32_t> ends;

    size_t size() const { return ends.size(); }
    absl::string_view get(size_t i) const {
      const uint32_t begin = i == 0 ? 0 : ends[i - 1];
      return absl::string_view(chars.data() + begin, ends[i] - begin);
    }
    // False if the table would exceed 4 GB.
    bool Add(absl::string_view s);
  };
  // Fixed-size facts of an entry.
  struct EntryInfo {
    int32_t priority;
    uint32_t file;  // index into files_
    uint32_t line;  // kNoLine: the location is the file alone
    Label label;
    uint8_t case_insensitive;
    uint16_t unused;  // zero; no padding, so images are reproducible
  };
  // Strings of an entry in strings_, from first_string_[i]: id, canonical,
  // subtype, external_id, then the aliases.
  enum { kId, kCanonical, kSubtype, kExternalId, kFirstAlias };
  static constexpr uint32_t kNoLine = 0xFFFFFFFFu;

  Gazetteer() = default;
  // The child of `node` by token `token`, or -1.
  int32_t Child(int32_t node, int32_t token) const;
  int32_t TokenId(absl::string_view key) const;
  // A terminal key is kCasedKey | index into cased_keys_, or, for the
  // common name whose cased key is the name itself with spaces for the
  // '\x1f' separators, the index of the name in strings_.
  static constexpr uint32_t kCasedKey = 0x80000000u;
  bool SameKey(uint32_t key, absl::string_view cased_key) const;
  // Rebuilds vocabulary_ from tokens_ and transitions_ from the node
  // arrays; checks the image.
  absl::Status Index(const std::vector<int32_t>& parent,
                     const std::vector<int32_t>& token);

  // Entries.
  std::vector<EntryInfo> info_;
  std::vector<uint32_t> first_string_;  // size() + 1
  StringTable strings_;
  std::vector<std::string> files_;
  // Id -> entry, built by the first Find().
  mutable absl::once_flag id_index_once_;
  mutable absl::flat_hash_map<absl::string_view, int32_t> id_index_;

  // Trie. Token ids index tokens_ (lower-cased normalized tokens).
  StringTable tokens_;
  absl::flat_hash_map<std::string, int32_t> vocabulary_;
  // Token id -> child node of the root, or -1 (the most frequent step, so
  // an array rather than a hash lookup).
  std::vector<int32_t> root_children_;
  // (node << 32 | token id) -> child node, for nodes other than the root
  // (node 0).
  absl::flat_hash_map<uint64_t, int32_t> transitions_;
  // The names that end at node n are terminals
  // [terminal_begin_[n], terminal_begin_[n + 1]): terminal t belongs to
  // entry terminal_entry_[t]; terminal_key_[t] gives its cased key (its
  // normalized tokens with case kept, joined by '\x1f', to check case; see
  // SameKey()).
  std::vector<uint32_t> terminal_begin_;
  std::vector<int32_t> terminal_entry_;
  std::vector<uint32_t> terminal_key_;
  // Cased keys that are not a name with spaces between its tokens.
  StringTable cased_keys_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GAZETTEER_H_
