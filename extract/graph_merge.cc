#include "extract/graph_merge.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/message_differencer.h"

namespace newsgraph {

absl::Status GraphMerger::Add(const DocumentGraph& graph) {
  const std::string& id = graph.document().id();
  if (first_) {
    provenance_ = graph.provenance();
  } else if (!google::protobuf::util::MessageDifferencer::Equals(
                 provenance_, graph.provenance())) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document \"", id, "\" was made with different rules or versions (",
        graph.provenance().ShortDebugString(), ") than the first one (",
        provenance_.ShortDebugString(),
        "); merge only outputs of one rule set"));
  }
  if (!document_ids_.insert(id).second) {
    return absl::FailedPreconditionError(absl::StrCat(
        "document \"", id, "\" appears twice; is an input merged twice?"));
  }
  first_ = false;
  builder_.Add(graph);
  return absl::OkStatus();
}

}  // namespace newsgraph
