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
#ifndef NEWSGRAPH_EXTRACT_GAZETTEER_H_
#define NEWSGRAPH_EXTRACT_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
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

class Gazetteer {
 public:
  // Compiles `entries`. Fails (with the entry's location) when a name has no
  // token.
  static absl::StatusOr<std::unique_ptr<Gazetteer>> Build(
      std::vector<GazetteerEntry> entries, const Segmenter& segmenter);

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // Appends a candidate for every name found in `text` (segmented as `seg`).
  void Match(absl::string_view text, const Segmentation& seg,
             std::vector<Candidate>* out) const;

  size_t size() const { return entries_.size(); }
  const GazetteerEntry& entry(int32_t i) const { return entries_[i]; }
  // Index of the entry with this id, or -1.
  int32_t Find(absl::string_view id) const;
  // Number of trie nodes (for statistics and tests).
  size_t node_count() const { return terminals_.size(); }

 private:
  // One name ending at a trie node.
  struct Terminal {
    int32_t entry;
    // Normalized tokens with case kept, joined by '\x1f', to check case.
    std::string cased_key;
  };

  Gazetteer() = default;
  // Adds `name` for entry `entry`; returns false if it has no token.
  bool AddName(absl::string_view name, int32_t entry,
               const Segmenter& segmenter, Segmentation* scratch);
  // The child of `node` by token `token`, or -1.
  int32_t Child(int32_t node, int32_t token) const;
  int32_t TokenId(absl::string_view key) const;

  std::vector<GazetteerEntry> entries_;
  absl::flat_hash_map<std::string, int32_t> entry_index_;
  // Lower-cased normalized token -> token id.
  absl::flat_hash_map<std::string, int32_t> vocabulary_;
  // Token id -> child node of the root, or -1 (the most frequent step, so
  // an array rather than a hash lookup).
  std::vector<int32_t> root_children_;
  // (node << 32 | token id) -> child node, for nodes other than the root
  // (node 0).
  absl::flat_hash_map<uint64_t, int32_t> transitions_;
  // Per node: the names that end there.
  std::vector<std::vector<Terminal>> terminals_;
};

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_GAZETTEER_H_
