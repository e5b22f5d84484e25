#include "extract/graph_reader.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace newsgraph {
namespace {

// Keeps the first textproto parse error instead of logging it.
class FirstError : public google::protobuf::io::ErrorCollector {
 public:
  void AddError(int line, int column, const std::string& message) override {
    if (message_.empty()) {
      line_ = line;
      column_ = column;
      message_ = message;
    }
  }
  int line_ = 0, column_ = 0;
  std::string message_;
};

}  // namespace

GraphReader::GraphReader(std::istream* in, Format format)
    : in_(in), format_(format) {
  if (format_ == Format::kBinary) {
    stream_ = std::make_unique<google::protobuf::io::IstreamInputStream>(in_);
  }
}

bool GraphReader::Next(DocumentGraph* graph) { return NextMessage(graph); }

bool GraphReader::NextMessage(google::protobuf::Message* message) {
  if (!status_.ok()) return false;
  message->Clear();
  if (format_ == Format::kBinary) {
    bool clean_eof = false;
    if (!google::protobuf::util::ParseDelimitedFromZeroCopyStream(
            message, stream_.get(), &clean_eof)) {
      if (!clean_eof) {
        status_ = absl::DataLossError(
            "truncated or corrupt record in binary graph stream");
      }
      return false;
    }
    return true;
  }
  if (format_ == Format::kTextproto) {
    // A record is every line up to the next empty one (or the end).
    record_.clear();
    int first_line = 0;
    while (std::getline(*in_, line_)) {
      ++line_number_;
      if (absl::StripAsciiWhitespace(line_).empty()) {
        if (record_.empty()) continue;
        break;
      }
      if (record_.empty()) first_line = line_number_;
      absl::StrAppend(&record_, line_, "\n");
    }
    if (record_.empty()) return false;
    google::protobuf::TextFormat::Parser parser;
    FirstError error;
    parser.RecordErrorsTo(&error);
    if (!parser.ParseFromString(record_, message)) {
      status_ = absl::DataLossError(
          absl::StrCat("line ", first_line + error.line_, ":",
                       error.column_ + 1, ": ", error.message_));
      return false;
    }
    return true;
  }
  while (std::getline(*in_, line_)) {
    ++line_number_;
    if (line_.empty()) continue;
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = true;
    const auto s =
        google::protobuf::util::JsonStringToMessage(line_, message, options);
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
