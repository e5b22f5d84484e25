// evaluate: scores the pipeline's JSONL output against a gold JSONL file in
// the format of the annotation guidelines, and prints mention P/R/F1 (strict
// and lenient, per type and micro) and relation P/R/F1 per type.
//
//   evaluate --gold=testdata/sample/gold.jsonl --predictions=out/sample.jsonl
#include <iostream>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "extract/evaluator.h"

ABSL_FLAG(std::string, gold, "", "Gold annotations (JSONL, guidelines format).");
ABSL_FLAG(std::string, predictions, "",
          "Pipeline output in the jsonl format (extract --format=jsonl).");
ABSL_FLAG(bool, show_errors, false,
          "Also list every wrong relation (false positives with the rules "
          "that produced them, misses with the gold evidence).");

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(
      "Scores extract's JSONL output against gold annotations.\n"
      "Usage: evaluate --gold=GOLD.jsonl --predictions=OUT.jsonl");
  absl::ParseCommandLine(argc, argv);
  const std::string gold_path = absl::GetFlag(FLAGS_gold);
  const std::string pred_path = absl::GetFlag(FLAGS_predictions);
  if (gold_path.empty() || pred_path.empty()) {
    std::cerr << "evaluate: --gold and --predictions are required\n";
    return 2;
  }
  auto gold = newsgraph::ReadGold(gold_path);
  if (!gold.ok()) {
    std::cerr << "evaluate: " << gold.status().message() << "\n";
    return 1;
  }
  auto predictions = newsgraph::ReadPredictions(pred_path);
  if (!predictions.ok()) {
    std::cerr << "evaluate: " << predictions.status().message() << "\n";
    return 1;
  }
  const newsgraph::Scores scores = newsgraph::Evaluate(*gold, *predictions);
  std::cout << newsgraph::FormatScores(scores);
  if (absl::GetFlag(FLAGS_show_errors)) {
    std::cout << "\nrelation errors (doc, FP/FN, type, head, tail, "
                 "rules or gold evidence)\n";
    for (const std::string& line : scores.relation_errors) {
      std::cout << "  " << line << "\n";
    }
  }
  return 0;
}
