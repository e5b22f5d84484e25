#include "extract/reader.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "extract/internal/tsv.h"
#include "google/protobuf/util/json_util.h"

namespace newsgraph {
namespace fs = std::filesystem;
namespace {

std::string StripTxt(const std::string& name) {
  return absl::EndsWith(name, ".txt") ? name.substr(0, name.size() - 4) : name;
}

}  // namespace

absl::StatusOr<std::unique_ptr<DocumentReader>> DocumentReader::Open(
    const std::string& input, const Options& options) {
  std::unique_ptr<DocumentReader> r(new DocumentReader());
  r->options_ = options;
  if (input == "-") {
    r->source_ = "-";
    r->in_ = &std::cin;
    if (options.stdin_jsonl) {
      r->mode_ = Mode::kJsonl;
      return r;
    }
    // Peek at the first non-space byte to choose the format.
    int c;
    while ((c = std::cin.get()) != EOF) {
      r->pending_.push_back(static_cast<char>(c));
      if (!absl::ascii_isspace(static_cast<unsigned char>(c))) break;
    }
    r->mode_ = (!r->pending_.empty() && r->pending_.back() == '{')
                   ? Mode::kJsonl
                   : Mode::kStdinText;
    return r;
  }
  std::error_code ec;
  const fs::file_status st = fs::status(input, ec);
  if (ec || !fs::exists(st)) {
    return absl::NotFoundError(absl::StrCat(input, ": no such file or directory"));
  }
  if (fs::is_directory(st)) {
    for (fs::directory_iterator it(input, ec), end; !ec && it != end;
         it.increment(ec)) {
      const std::string name = it->path().filename().string();
      if (absl::EndsWith(name, ".txt")) r->files_.push_back(it->path().string());
    }
    if (ec) {
      return absl::PermissionDeniedError(
          absl::StrCat(input, ": cannot list directory: ", ec.message()));
    }
    std::sort(r->files_.begin(), r->files_.end());
    r->mode_ = Mode::kFiles;
    r->total_bytes_ = 0;
    for (const std::string& file : r->files_) {
      const uintmax_t size = fs::file_size(file, ec);
      if (!ec) r->total_bytes_ += static_cast<int64_t>(size);
    }
    return r;
  }
  {
    const uintmax_t size = fs::file_size(input, ec);
    if (!ec) r->total_bytes_ = static_cast<int64_t>(size);
  }
  if (absl::EndsWith(input, ".jsonl")) {
    r->file_ = std::make_unique<std::ifstream>(input, std::ios::binary);
    if (!*r->file_) {
      return absl::PermissionDeniedError(absl::StrCat(input, ": cannot open"));
    }
    r->in_ = r->file_.get();
    r->source_ = input;
    r->mode_ = Mode::kJsonl;
    return r;
  }
  r->files_.push_back(input);
  r->mode_ = Mode::kFiles;
  return r;
}

bool DocumentReader::Next(Document* doc, absl::Status* error) {
  doc->Clear();
  *error = absl::OkStatus();
  switch (mode_) {
    case Mode::kFiles:
      return NextFile(doc, error);
    case Mode::kJsonl:
      return NextJsonl(doc, error);
    case Mode::kStdinText: {
      if (stdin_done_) return false;
      stdin_done_ = true;
      std::string text = std::move(pending_);
      text.append(std::istreambuf_iterator<char>(*in_),
                  std::istreambuf_iterator<char>());
      bytes_read_ += text.size();
      doc->set_id("stdin");
      doc->set_source("-");
      if (text.size() > options_.max_document_bytes) {
        *error = absl::ResourceExhaustedError(absl::StrCat(
            "document of ", text.size(), " bytes is over the limit of ",
            options_.max_document_bytes));
        return true;
      }
      doc->set_text(std::move(text));
      return true;
    }
  }
  return false;
}

bool DocumentReader::Skip() {
  switch (mode_) {
    case Mode::kFiles: {
      if (next_file_ >= files_.size()) return false;
      std::error_code ec;
      const uintmax_t size = fs::file_size(files_[next_file_++], ec);
      if (!ec) bytes_read_ += size;
      return true;
    }
    case Mode::kJsonl: {
      std::string line;
      return NextJsonlLine(&line);
    }
    case Mode::kStdinText: {
      Document doc;
      absl::Status error;
      return Next(&doc, &error);
    }
  }
  return false;
}

bool DocumentReader::NextFile(Document* doc, absl::Status* error) {
  if (next_file_ >= files_.size()) return false;
  const std::string& path = files_[next_file_++];
  doc->set_id(StripTxt(fs::path(path).filename().string()));
  doc->set_source(path);
  std::error_code ec;
  const uintmax_t size = fs::file_size(path, ec);
  if (!ec) bytes_read_ += size;
  if (!ec && size > options_.max_document_bytes) {
    *error = absl::ResourceExhaustedError(
        absl::StrCat(path, ": document of ", size,
                     " bytes is over the limit of ",
                     options_.max_document_bytes));
    return true;
  }
  absl::StatusOr<std::string> text = ReadFile(path);
  if (!text.ok()) {
    *error = text.status();
    return true;
  }
  doc->set_text(std::move(*text));
  return true;
}

bool DocumentReader::NextJsonlLine(std::string* line) {
  while (true) {
    line->clear();
    if (!pending_.empty()) {  // the peeked start of standard input
      *line = std::move(pending_);
      pending_.clear();
      std::string rest;
      std::getline(*in_, rest);
      *line += rest;
    } else if (!std::getline(*in_, *line)) {
      return false;
    }
    ++line_number_;
    bytes_read_ += line->size() + 1;
    if (!absl::StripAsciiWhitespace(*line).empty()) return true;
  }
}

bool DocumentReader::NextJsonl(Document* doc, absl::Status* error) {
  std::string line;
  if (!NextJsonlLine(&line)) return false;
  const std::string where = absl::StrCat(source_, ":", line_number_);
  if (line.size() > options_.max_document_bytes) {
    doc->set_id(where);
    *error = absl::ResourceExhaustedError(
        absl::StrCat(where, ": line of ", line.size(),
                     " bytes is over the limit of ",
                     options_.max_document_bytes));
    return true;
  }
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = true;
  const auto status =
      google::protobuf::util::JsonStringToMessage(line, doc, options);
  if (!status.ok()) {
    doc->Clear();
    doc->set_id(where);
    *error = absl::InvalidArgumentError(
        absl::StrCat(where, ": not a JSON document object: ",
                     std::string(status.message())));
    return true;
  }
  if (doc->id().empty()) doc->set_id(where);
  if (doc->source().empty()) doc->set_source(source_);
  return true;
}

}  // namespace newsgraph
