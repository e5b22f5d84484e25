#include "extract/writer.h"

#include "absl/strings/str_cat.h"
#include "google/protobuf/text_format.h"
#include "google/protobuf/util/delimited_message_util.h"
#include "google/protobuf/util/json_util.h"

namespace newsgraph {

bool ParseFormat(absl::string_view name, Format* format) {
  if (name == "binary") {
    *format = Format::kBinary;
  } else if (name == "jsonl") {
    *format = Format::kJsonl;
  } else if (name == "textproto") {
    *format = Format::kTextproto;
  } else {
    return false;
  }
  return true;
}

absl::Status ToJsonLine(const google::protobuf::Message& message,
                        std::string* out) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = false;
  options.always_print_primitive_fields = true;
  options.preserve_proto_field_names = true;
  out->clear();
  const auto status =
      google::protobuf::util::MessageToJsonString(message, out, options);
  if (!status.ok()) {
    return absl::InternalError(
        absl::StrCat("JSON conversion failed: ", status.ToString()));
  }
  return absl::OkStatus();
}

GraphWriter::GraphWriter(std::ostream* out, Format format)
    : out_(out), format_(format) {}

absl::Status GraphWriter::Write(const google::protobuf::Message& message) {
  switch (format_) {
    case Format::kBinary:
      if (!google::protobuf::util::SerializeDelimitedToOstream(message, out_)) {
        return absl::DataLossError("write failed");
      }
      break;
    case Format::kJsonl: {
      const absl::Status s = ToJsonLine(message, &buffer_);
      if (!s.ok()) return s;
      buffer_.push_back('\n');
      out_->write(buffer_.data(), buffer_.size());
      break;
    }
    case Format::kTextproto:
      if (!google::protobuf::TextFormat::PrintToString(message, &buffer_)) {
        return absl::InternalError("text format conversion failed");
      }
      buffer_.push_back('\n');
      out_->write(buffer_.data(), buffer_.size());
      break;
  }
  if (!*out_) return absl::DataLossError("write failed");
  return absl::OkStatus();
}

absl::Status GraphWriter::Flush() {
  out_->flush();
  if (!*out_) return absl::DataLossError("flush failed");
  return absl::OkStatus();
}

}  // namespace newsgraph
