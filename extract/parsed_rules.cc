#include "extract/parsed_rules.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace newsgraph {

bool ParseExpectation(absl::string_view text, const std::string& location,
                      RuleExpectation* out, std::string* error) {
  const absl::string_view written = absl::StripAsciiWhitespace(text);
  out->text = std::string(written);
  out->location = location;
  absl::string_view s = written;
  if (s.empty() || (s[0] != '+' && s[0] != '-')) {
    *error = absl::StrCat("expectation \"", written,
                          "\" must start with + (must be found) or - (must "
                          "not be found)");
    return false;
  }
  out->present = s[0] == '+';
  s.remove_prefix(1);
  const size_t space = s.find_first_of(" \t");
  const absl::string_view type = s.substr(0, space);
  const absl::string_view rest =
      space == absl::string_view::npos
          ? absl::string_view()
          : absl::StripAsciiWhitespace(s.substr(space + 1));
  RelationType relation;
  if (RelationType_Parse(std::string(type), &relation) &&
      relation != RELATION_TYPE_UNSPECIFIED) {
    out->is_relation = true;
    out->relation = relation;
    const size_t arrow = rest.find("->");
    if (arrow == absl::string_view::npos) {
      *error = absl::StrCat("relation expectation \"", written,
                            "\" needs \"HEAD -> TAIL\"");
      return false;
    }
    out->name = std::string(absl::StripAsciiWhitespace(rest.substr(0, arrow)));
    out->tail = std::string(absl::StripAsciiWhitespace(rest.substr(arrow + 2)));
    if (out->name.empty() || out->tail.empty()) {
      *error = absl::StrCat("relation expectation \"", written,
                            "\" needs \"HEAD -> TAIL\"");
      return false;
    }
    return true;
  }
  if (type == "ANY") {
    out->any_label = true;
  } else if (!ParseLabel(type, &out->label) || !IsEntityLabel(out->label)) {
    *error = absl::StrCat("unknown type \"", type, "\" in expectation \"",
                          written,
                          "\" (expected PERSON, AGENCY, PLACE, ANY or a "
                          "relation type)");
    return false;
  }
  out->name = std::string(rest);
  if (out->name.empty()) {
    *error = absl::StrCat("expectation \"", written, "\" names no mention");
    return false;
  }
  return true;
}

uint64_t Fnv1a(absl::string_view data, uint64_t hash) {
  for (unsigned char c : data) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string DigestHex(uint64_t hash) { return absl::StrFormat("%016x", hash); }

}  // namespace newsgraph
