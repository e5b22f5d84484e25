#include "extract/graph_reader.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace newsgraph {

GraphReader::GraphReader(std::istream* in, Format format)
    : in_(in), format_(format) {
  if (format_ == Format::kBinary) {
    stream_ = std::make_unique<google::protobuf::io::IstreamInputStream>(in_);
  }
}

bool GraphReader::Next(DocumentGraph* graph) {
  if (!status_.ok()) return false;
  graph->Clear();
  if (format_ == Format::kBinary) {
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(
            graph, stream_.get(), &clean_eof)) {
      if (!clean_eof) {
        status_ = absl::DataLossError(
            "truncated or corrupt record in binary graph stream");
      }
      return false;
    }
    return true;
  }
  if (format_ != Format::kJsonl) {
    status_ = absl::InvalidArgumentError("only binary and jsonl can be read");
    return false;
  }
  while (std::getline(*in_, line_)) {
    ++line_number_;
    if (line_.empty()) continue;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto s =
        google::protobuf::util::JsonStringToMessage(line_, graph, options);
    if (!s.ok()) {
      status_ = absl::DataLossError(
          absl::StrCat("line ", line_number_, ": ", s.ToString()));
      return false;
    }
    return true;
  }
  return false;
}

}  // namespace newsgraph
