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

// Reads at most `keep` bytes of `in` into *out and drops the rest; returns
// the number of bytes there were.
uint64_t ReadBounded(std::istream* in, size_t keep, std::string* out) {
  char buffer[1 << 16];
  uint64_t total = 0;
  while (*in) {
    in->read(buffer, sizeof(buffer));
    const size_t got = static_cast<size_t>(in->gcount());
    if (got == 0) break;
    if (out->size() < keep) {
      out->append(buffer, std::min(got, keep - out->size()));
    }
    total += got;
  }
  return total;
}

// Extra room for the JSON syntax and other fields of a line whose text is cut.
constexpr size_t kJsonSlack = size_t{64} << 10;

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
    r->from_directory_ = true;
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
  warning_.clear();
  switch (mode_) {
    case Mode::kFiles:
      return NextFile(doc, error);
    case Mode::kJsonl:
      return NextJsonl(doc, error);
    case Mode::kStdinText: {
      if (stdin_done_) return false;
      stdin_done_ = true;
      std::string text = std::move(pending_);
      const size_t keep = options_.max_document_bytes + 1;
      uint64_t size = text.size();
      if (text.size() > keep) text.resize(keep);
      size += ReadBounded(in_, keep, &text);
      bytes_read_ += size;
      doc->set_id("stdin");
      doc->set_source("-");
      if (size > options_.max_document_bytes) {
        if (options_.truncate_oversize) {
          Truncate(size, &text);
        } else {
          *error = absl::ResourceExhaustedError(absl::StrCat(
              "document of ", size, " bytes is over the limit of ",
              options_.max_document_bytes));
          return true;
        }
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
      size_t length;
      return NextJsonlLine(&line, 0, &length);
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
  if (from_directory_) {
    // Never open what is not a plain file: a FIFO would block the run.
    const fs::file_status st = fs::status(path, ec);
    if (ec) {
      *error = absl::NotFoundError(
          absl::StrCat(path, ": cannot read: ", ec.message()));
      return true;
    }
    if (!fs::is_regular_file(st)) {
      *error = absl::FailedPreconditionError(
          absl::StrCat(path, ": not a regular file"));
      return true;
    }
  }
  const uintmax_t size = fs::file_size(path, ec);
  if (!ec) bytes_read_ += size;
  if (!ec && size > options_.max_document_bytes) {
    if (!options_.truncate_oversize) {
      *error = absl::ResourceExhaustedError(
          absl::StrCat(path, ": document of ", size,
                       " bytes is over the limit of ",
                       options_.max_document_bytes));
      return true;
    }
    std::ifstream in(path, std::ios::binary);
    std::string text;
    ReadBounded(&in, options_.max_document_bytes + 1, &text);
    if (in.bad() || (!in && !in.eof())) {
      *error = absl::DataLossError(absl::StrCat(path, ": read error"));
      return true;
    }
    Truncate(size, &text);
    doc->set_text(std::move(text));
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

void DocumentReader::Truncate(size_t original_size, std::string* text) {
  size_t cut = std::min(text->size(), options_.max_document_bytes);
  // Back up over continuation bytes (at most 3) to the start of the code
  // point the limit falls in.
  const size_t floor = cut >= 3 ? cut - 3 : 0;
  size_t lead = cut;
  while (lead > floor && lead < text->size() &&
         (static_cast<unsigned char>((*text)[lead]) & 0xC0) == 0x80) {
    --lead;
  }
  if (lead < text->size() &&
      (static_cast<unsigned char>((*text)[lead]) & 0xC0) != 0x80) {
    cut = lead;
  }
  text->resize(cut);
  warning_ = absl::StrCat("document of ", original_size, " bytes truncated to ",
                          cut, " (the limit is ", options_.max_document_bytes,
                          " bytes)");
}

bool DocumentReader::NextJsonlLine(std::string* line, size_t keep,
                                   size_t* length) {
  char buffer[1 << 16];
  while (true) {
    line->clear();
    size_t total = 0;
    bool any = false;
    bool blank = true;
    auto see = [&blank](absl::string_view bytes) {
      for (size_t i = 0; blank && i < bytes.size(); ++i) {
        blank = absl::ascii_isspace(static_cast<unsigned char>(bytes[i]));
      }
    };
    if (!pending_.empty()) {  // the peeked start of standard input
      total = pending_.size();
      any = true;
      see(pending_);
      *line = std::move(pending_);
      pending_.clear();
      if (line->size() > keep) line->resize(keep);
    }
    while (true) {
      in_->getline(buffer, sizeof(buffer));
      const size_t got = static_cast<size_t>(in_->gcount());
      // A full buffer without a newline sets failbit: the line goes on.
      const bool more = in_->fail() && !in_->eof() && got == sizeof(buffer) - 1;
      const size_t stored = more || in_->eof() ? got : got - 1;  // no '\n'
      if (got > 0) any = true;
      see(absl::string_view(buffer, stored));
      if (line->size() < keep) {
        line->append(buffer, std::min(stored, keep - line->size()));
      }
      total += stored;
      if (!more) break;
      in_->clear();
    }
    if (!any) return false;
    ++line_number_;
    bytes_read_ += total + 1;
    *length = total;
    if (!blank) return true;
  }
}

bool DocumentReader::NextJsonl(Document* doc, absl::Status* error) {
  std::string line;
  const size_t limit = options_.max_document_bytes;
  // With truncation, a line is kept whole up to twice the limit plus room
  // for the other fields, so that it can still be parsed.
  const size_t keep_limit =
      options_.truncate_oversize
          ? (limit > (SIZE_MAX - kJsonSlack) / 2 ? SIZE_MAX - 1
                                                 : 2 * limit + kJsonSlack)
          : limit;
  size_t length;
  if (!NextJsonlLine(&line, keep_limit + 1, &length)) return false;
  const std::string where = absl::StrCat(source_, ":", line_number_);
  if (length > keep_limit) {
    doc->set_id(where);
    *error = absl::ResourceExhaustedError(
        absl::StrCat(where, ": line of ", length,
                     " bytes is over the limit of ", keep_limit));
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
  if (options_.truncate_oversize && doc->text().size() > limit) Truncate(doc->text().size(), doc->mutable_text());
  return true;
}

}  // namespace newsgraph
