#include "extract/evaluator.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <tuple>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "google/protobuf/util/json_util.h"

namespace newsgraph {
namespace {

template <typename Message>
absl::Status ParseJsonLine(const std::string& line, const std::string& where,
                           Message* message) {
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto s = google::protobuf::util::JsonStringToMessage(line, message,
                                                             options);
  if (!s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat(where, ": ", std::string(s.message())));
  }
  return absl::OkStatus();
}

struct ScoredSpan {
  std::string type;
  uint32_t begin, end;
  int entity;  // index of the entity in its document
};

bool Overlaps(const ScoredSpan& a, const ScoredSpan& b) {
  return a.begin < b.end && b.begin < a.end;
}

bool Symmetric(const std::string& type) {
  return type == "FAMILY" || type == "MEETING" || type == "COOPERATION";
}

}  // namespace

absl::StatusOr<std::vector<GoldDocument>> ReadGold(const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::vector<GoldDocument> docs;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    GoldDocument d;
    const absl::Status s = ParseJsonLine(line, absl::StrCat(path, ":", n), &d);
    if (!s.ok()) return s;
    docs.push_back(std::move(d));
  }
  return docs;
}

absl::StatusOr<std::map<std::string, DocumentGraph>> ReadPredictions(
    const std::string& path) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot open"));
  std::map<std::string, DocumentGraph> out;
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.empty()) continue;
    DocumentGraph g;
    const absl::Status s = ParseJsonLine(line, absl::StrCat(path, ":", n), &g);
    if (!s.ok()) return s;
    const std::string id = g.document().id();
    out[id] = std::move(g);
  }
  return out;
}

void ScoreDocument(const GoldDocument& gold, const DocumentGraph* pred,
                   Scores* scores) {
  ++scores->documents;
  if (pred == nullptr) ++scores->missing_predictions;
  std::vector<ScoredSpan> g, p;
  for (int e = 0; e < gold.entities_size(); ++e) {
    for (const GoldMention& m : gold.entities(e).mentions()) {
      g.push_back({gold.entities(e).type(), m.begin(), m.end(), e});
    }
  }
  if (pred != nullptr) {
    for (int e = 0; e < pred->entities_size(); ++e) {
      for (const Mention& m : pred->entities(e).mentions()) {
        p.push_back({EntityType_Name(m.type()), m.begin(), m.end(), e});
      }
    }
  }
  auto by_pos = [](const ScoredSpan& a, const ScoredSpan& b) {
    return std::tie(a.begin, a.end, a.type) < std::tie(b.begin, b.end, b.type);
  };
  std::sort(g.begin(), g.end(), by_pos);
  std::sort(p.begin(), p.end(), by_pos);

  std::map<std::string, Counts> strict, lenient;
  // Strict: equal type and span; each gold mention used once.
  {
    std::vector<bool> used(g.size(), false);
    for (const ScoredSpan& x : p) {
      bool hit = false;
      for (size_t i = 0; i < g.size(); ++i) {
        if (!used[i] && g[i].type == x.type && g[i].begin == x.begin &&
            g[i].end == x.end) {
          used[i] = hit = true;
          break;
        }
      }
      hit ? ++strict[x.type].tp : ++strict[x.type].fp;
    }
    for (size_t i = 0; i < g.size(); ++i) {
      if (!used[i]) ++strict[g[i].type].fn;
    }
  }
  // Lenient: equal type and overlapping spans.
  {
    std::vector<bool> used(g.size(), false);
    for (const ScoredSpan& x : p) {
      bool hit = false;
      for (size_t i = 0; i < g.size(); ++i) {
        if (!used[i] && g[i].type == x.type && Overlaps(g[i], x)) {
          used[i] = hit = true;
          break;
        }
      }
      hit ? ++lenient[x.type].tp : ++lenient[x.type].fp;
    }
    for (size_t i = 0; i < g.size(); ++i) {
      if (!used[i]) ++lenient[g[i].type].fn;
    }
  }
  for (const auto& [type, c] : strict) {
    scores->strict[type].Add(c);
    scores->strict["micro"].Add(c);
  }
  for (const auto& [type, c] : lenient) {
    scores->lenient[type].Add(c);
    scores->lenient["micro"].Add(c);
  }

  // Relations: map predicted entities to gold entities.
  std::map<std::string, int> gold_index;
  for (int e = 0; e < gold.entities_size(); ++e) {
    gold_index[gold.entities(e).id()] = e;
  }
  std::vector<int> mapped;
  std::map<std::string, int> pred_index;
  if (pred != nullptr) {
    mapped.assign(pred->entities_size(), -1);
    std::vector<std::map<int, int>> votes(pred->entities_size());
    for (const ScoredSpan& x : p) {
      for (const ScoredSpan& y : g) {
        if (Overlaps(x, y)) ++votes[x.entity][y.entity];
      }
    }
    for (int e = 0; e < pred->entities_size(); ++e) {
      int best = -1, best_votes = 0;
      for (const auto& [ge, v] : votes[e]) {
        if (v > best_votes) best = ge, best_votes = v;
      }
      mapped[e] = best;
      pred_index[pred->entities(e).id()] = e;
    }
  }
  using Key = std::tuple<std::string, int, int>;
  auto key = [](const std::string& type, int h, int t) {
    if (Symmetric(type) && t < h) std::swap(h, t);
    return Key(type, h, t);
  };
  // For error listings: what each key came from.
  std::map<Key, std::string> gold_evidence, pred_rules;
  std::set<Key> gold_rel, pred_rel;
  for (const GoldRelation& r : gold.relations()) {
    auto h = gold_index.find(r.head()), t = gold_index.find(r.tail());
    if (h == gold_index.end() || t == gold_index.end()) continue;
    const Key k = key(r.type(), h->second, t->second);
    gold_rel.insert(k);
    gold_evidence[k] = r.evidence();
  }
  auto rules_of = [](const Relation& r) {
    std::string ids;
    for (const Evidence& ev : r.evidence()) {
      if (!absl::StrContains(ids, ev.rule_id())) {
        absl::StrAppend(&ids, ids.empty() ? "" : ",", ev.rule_id());
      }
    }
    return ids;
  };
  std::map<std::string, Counts> rel;
  if (pred != nullptr) {
    std::map<std::string, std::string> pred_names;
    for (const Entity& e : pred->entities()) {
      pred_names[e.id()] = e.canonical_name();
    }
    for (const Relation& r : pred->relations()) {
      if (r.negated() || r.hedged()) continue;  // not an asserted fact
      const std::string type = RelationType_Name(r.type());
      auto h = pred_index.find(r.head()), t = pred_index.find(r.tail());
      const int mh = h == pred_index.end() ? -1 : mapped[h->second];
      const int mt = t == pred_index.end() ? -1 : mapped[t->second];
      if (mh < 0 || mt < 0) {
        ++rel[type].fp;  // an argument that is no gold entity
        scores->relation_errors.push_back(absl::StrCat(
            gold.doc(), "\tFP\t", type, "\t", pred_names[r.head()], "\t",
            pred_names[r.tail()], "\t", rules_of(r), " (no gold entity)"));
        continue;
      }
      const Key k = key(type, mh, mt);
      pred_rel.insert(k);
      pred_rules[k] = rules_of(r);
    }
  }
  auto name = [&](int e) { return gold.entities(e).canonical(); };
  for (const Key& k : pred_rel) {
    if (gold_rel.count(k)) {
      ++rel[std::get<0>(k)].tp;
    } else {
      ++rel[std::get<0>(k)].fp;
      scores->relation_errors.push_back(absl::StrCat(
          gold.doc(), "\tFP\t", std::get<0>(k), "\t", name(std::get<1>(k)),
          "\t", name(std::get<2>(k)), "\t", pred_rules[k]));
    }
  }
  for (const Key& k : gold_rel) {
    if (!pred_rel.count(k)) {
      ++rel[std::get<0>(k)].fn;
      scores->relation_errors.push_back(absl::StrCat(
          gold.doc(), "\tFN\t", std::get<0>(k), "\t", name(std::get<1>(k)),
          "\t", name(std::get<2>(k)), "\t", gold_evidence[k]));
    }
  }
  for (const auto& [type, c] : rel) {
    scores->relations[type].Add(c);
    scores->relations["micro"].Add(c);
  }
}

Scores Evaluate(const std::vector<GoldDocument>& gold,
                const std::map<std::string, DocumentGraph>& predictions) {
  Scores scores;
  for (const GoldDocument& d : gold) {
    std::string id = d.doc();
    if (absl::EndsWith(id, ".txt")) id.resize(id.size() - 4);
    auto it = predictions.find(id);
    ScoreDocument(d, it == predictions.end() ? nullptr : &it->second, &scores);
  }
  return scores;
}

std::string FormatScores(const Scores& scores) {
  std::string out = absl::StrFormat(
      "documents: %d (without prediction: %d)\n", scores.documents,
      scores.missing_predictions);
  auto table = [&](const std::string& title,
                   const std::map<std::string, Counts>& rows) {
    absl::StrAppendFormat(&out, "\n%-28s %6s %6s %6s %6s %6s %6s\n", title,
                          "P", "R", "F1", "tp", "fp", "fn");
    auto row = [&](const std::string& name, const Counts& c) {
      absl::StrAppendFormat(&out, "  %-26s %6.3f %6.3f %6.3f %6d %6d %6d\n",
                            name, c.precision(), c.recall(), c.f1(), c.tp,
                            c.fp, c.fn);
    };
    for (const auto& [name, c] : rows) {
      if (name != "micro") row(name, c);
    }
    auto micro = rows.find("micro");
    row("micro", micro == rows.end() ? Counts() : micro->second);
  };
  table("mentions, strict", scores.strict);
  table("mentions, lenient", scores.lenient);
  table("relations", scores.relations);
  return out;
}

}  // namespace newsgraph
