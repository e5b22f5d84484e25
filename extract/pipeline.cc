#include "extract/pipeline.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "extract/explain.h"
#include "extract/graph_builder.h"
#include "extract/relation_attributes.h"
#include "extract/internal/utf8.h"

namespace newsgraph {
namespace {

std::string ErrorCode(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kResourceExhausted:
      return "too_large";
    case absl::StatusCode::kInvalidArgument:
      return "parse_error";
    default:
      return "read_error";
  }
}

}  // namespace

Pipeline::Pipeline(std::shared_ptr<const RuleSet> rules,
                   const Options& options)
    : rules_(std::move(rules)),
      options_(options),
      guesser_(&rules_->gazetteer(), options.person_guesser),
      resolver_(&rules_->gazetteer(), options.resolver) {
  provenance_.set_pipeline_version(kPipelineVersion);
  provenance_.set_rules_fingerprint(rules_->fingerprint());
  provenance_.set_schema_version(kSchemaVersion);
}

DocumentGraph Pipeline::Process(const Document& input) const {
  return Process(input, nullptr);
}

DocumentGraph Pipeline::Process(const Document& input,
                                std::string* explain) const {
  const Document* doc = &input;
  Document repaired;
  DocumentError warning;
  if (!utf8::IsValid(input.text())) {
    size_t replaced = 0;
    repaired = input;
    repaired.set_text(utf8::Repair(input.text(), &replaced));
    doc = &repaired;
    warning.set_code("invalid_utf8");
    warning.set_message(absl::StrCat(
        replaced, " invalid UTF-8 byte(s) replaced by U+FFFD; offsets refer "
                  "to the repaired text"));
  }
  const std::string& text = doc->text();
  const Segmentation seg = rules_->segmenter().Segment(text);
  std::vector<Candidate> candidates;
  rules_->gazetteer().Match(text, seg, &candidates);
  rules_->patterns().Match(text, seg.sentences, &candidates);
  guesser_.Guess(text, seg, &candidates);
  const ResolvedDocument resolved =
      resolver_.Resolve(text, seg, std::move(candidates));
  std::vector<ExtractedRelation> relations =
      rules_->relations().Extract(text, seg, resolved, rules_->gazetteer());
  MarkRelationAttributes(text, seg, &relations);
  if (explain != nullptr) {
    ExplainDocument(doc->id(), text, resolved, relations, *rules_, explain);
  }
  DocumentGraph graph = BuildDocumentGraph(*doc, seg, resolved, relations,
                                           provenance_, options_.include_text);
  if (!warning.code().empty()) *graph.add_warnings() = warning;
  return graph;
}

DocumentGraph Pipeline::ErrorGraph(const Document& document,
                                   const absl::Status& error) const {
  DocumentGraph graph;
  *graph.mutable_document() = document;
  graph.mutable_document()->clear_text();
  *graph.mutable_provenance() = provenance_;
  graph.mutable_error()->set_code(ErrorCode(error));
  graph.mutable_error()->set_message(std::string(error.message()));
  return graph;
}

}  // namespace newsgraph
