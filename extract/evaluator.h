// Evaluator: scores pipeline output against gold annotations in the format
// of the annotation guidelines (../shared/gold/GUIDELINES.md).
//
// Scores, as the guidelines define them:
//   - mentions, strict: type, begin and end equal a gold mention's;
//   - mentions, lenient: type equal and spans overlap (each gold mention is
//     matched at most once);
//   - relations: each predicted entity maps to the gold entity with which it
//     shares the most overlapping mentions (ties: the earlier gold entity); a
//     predicted relation counts when its type and mapped head and tail equal
//     a gold relation's (either order for FAMILY, MEETING, COOPERATION).
//     Identical predicted relations count once. Relations marked negated
//     or hedged are not scored: the guidelines count only asserted facts
//     (negated, sought or hypothetical ones are not relations).
// Each is reported per type and micro-averaged. Documents are paired by
// name: gold "doc" "X.txt" with the predicted document id "X"; a gold
// document without a prediction counts all its annotations as missed.
//
// Not thread-safe.
#ifndef NEWSGRAPH_EXTRACT_EVALUATOR_H_
#define NEWSGRAPH_EXTRACT_EVALUATOR_H_

#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "proto/gold.pb.h"
#include "proto/graph.pb.h"

namespace newsgraph {

struct Counts {
  int tp = 0;
  int fp = 0;
  int fn = 0;
  double precision() const { return tp + fp == 0 ? 0 : 1.0 * tp / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 0 : 1.0 * tp / (tp + fn); }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
  void Add(const Counts& o) {
    tp += o.tp;
    fp += o.fp;
    fn += o.fn;
  }
};

struct Scores {
  // Keyed by type name; "micro" holds the sum.
  std::map<std::string, Counts> strict;
  std::map<std::string, Counts> lenient;
  std::map<std::string, Counts> relations;
  int documents = 0;
  int missing_predictions = 0;  // gold documents with no prediction
  // One line per wrong relation, for error analysis:
  // "doc<TAB>FP|FN<TAB>TYPE<TAB>head<TAB>tail<TAB>rule ids or gold evidence".
  std::vector<std::string> relation_errors;
};

// Reads a gold JSONL file. Errors name the line.
absl::StatusOr<std::vector<GoldDocument>> ReadGold(const std::string& path);

// Reads the pipeline's JSONL output, keyed by document id.
absl::StatusOr<std::map<std::string, DocumentGraph>> ReadPredictions(
    const std::string& path);

// Scores one document (pred may be null: nothing predicted) into *scores.
void ScoreDocument(const GoldDocument& gold, const DocumentGraph* pred,
                   Scores* scores);

// Scores every gold document against the predictions.
Scores Evaluate(const std::vector<GoldDocument>& gold,
                const std::map<std::string, DocumentGraph>& predictions);

// A plain-text table of all scores.
std::string FormatScores(const Scores& scores);

}  // namespace newsgraph

#endif  // NEWSGRAPH_EXTRACT_EVALUATOR_H_
