#include "extract/regex_matcher.h"

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"
#include "extract/ascii_twin.h"

namespace newsgraph {

namespace {

constexpr int kMaxGroups = 16;

// The mention within a rule's `name` group, or "" for none. A leading
// article is never part of a name ("The Moscow Times"), and what is left must
// be more than one word: "The Government", "the Committee" are descriptions.
// Nor is a trailing possessive ("Putin’s"). One capitalised PERSON word right
// after an article is a description too ("the Government said", "the
// Emperor told"), unless it names a family ("the Tsarnaev brothers").
absl::string_view NameSpan(absl::string_view text, absl::string_view span,
                           Label label) {
  if (span.data() == nullptr) return absl::string_view();
  for (absl::string_view article : {"The ", "the "}) {
    if (absl::StartsWith(span, article)) {
      span.remove_prefix(article.size());
      if (span.find_first_of(" \t") == absl::string_view::npos) {
        return absl::string_view();
      }
    }
  }
  for (absl::string_view possessive : {"'s", "\xE2\x80\x99s"}) {
    if (absl::EndsWith(span, possessive)) span.remove_suffix(possessive.size());
  }
  if (label == Label::kPerson && span.find(' ') == absl::string_view::npos) {
    const size_t b = static_cast<size_t>(span.data() - text.data());
    const absl::string_view before = text.substr(0, b);
    const absl::string_view after = text.substr(b + span.size());
    if ((absl::EndsWith(before, "the ") || absl::EndsWith(before, "The ")) &&
        !absl::StartsWith(after, " brothers") &&
        !absl::StartsWith(after, " family") &&
        !absl::StartsWith(after, " sisters")) {
      return absl::string_view();
    }
  }
  return span;
}

}  // namespace

absl::StatusOr<std::unique_ptr<RegexMatcher>> RegexMatcher::Create(
    std::vector<PatternRule> rules) {
  std::unique_ptr<RegexMatcher> m(new RegexMatcher());
  m->prefilter_ = std::make_unique<RulePrefilter>();
  std::vector<std::string> errors;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  for (PatternRule& rule : rules) {
    std::string error, error_arg;
    const RE2* re = m->prefilter_->Add(rule.pattern, options, &error, &error_arg);
    if (re == nullptr) {
      errors.push_back(absl::StrCat(rule.location,
                                    ": bad regular expression: ", error,
                                    ": ", error_arg));
      continue;
    }
    Compiled c;
    const auto& groups = re->NamedCapturingGroups();
    auto it = groups.find("name");
    c.name_group = it == groups.end() ? 0 : it->second;
    if (c.name_group >= kMaxGroups) {
      errors.push_back(absl::StrCat(rule.location,
                                    ": group `name` must be among the first ",
                                    kMaxGroups - 1, " groups"));
      continue;
    }
    c.re = re;
    c.twin = CompileAsciiTwin(rule.pattern, *re, options);
    c.rule = std::move(rule);
    m->rules_.push_back(std::move(c));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  m->prefilter_->Compile();
  return m;
}

void RegexMatcher::Match(absl::string_view text,
                         std::vector<Candidate>* out) const {
  re2::StringPiece groups[kMaxGroups];
  const re2::StringPiece input(text.data(), text.size());
  // Only the rules whose required words are in the text can match.
  RulePrefilter::Scratch scratch;
  std::vector<uint8_t> may_match;
  prefilter_->Filter(text, &scratch, &may_match);
  const bool ascii = IsAscii(text);
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (!may_match[i]) continue;
    const Compiled& c = rules_[i];
    const int n = c.name_group + 1;
    // A whole ASCII text is searched with the rule's ASCII twin; otherwise
    // the rule finds each match and the twin, where it can, its groups.
    const RE2& re = (ascii && c.twin != nullptr) ? *c.twin : *c.re;
    const bool split = &re == c.re && n > 1;
    size_t pos = 0;
    while (pos <= text.size() &&
           re.Match(input, pos, text.size(), RE2::UNANCHORED, groups,
                    split ? 1 : n)) {
      if (split) {
        const size_t b = groups[0].data() - text.data();
        SubmatchesOfSpan(*c.re, c.twin.get(), text, b, b + groups[0].size(),
                         groups, n);
      }
      const re2::StringPiece whole = groups[0];
      const re2::StringPiece name = groups[c.name_group];
      const size_t whole_end = whole.data() - text.data() + whole.size();
      const absl::string_view span =
          NameSpan(text, absl::string_view(name.data(), name.size()),
                   c.rule.label);
      if (!span.empty()) {
        Candidate cand;
        cand.begin = static_cast<uint32_t>(span.data() - text.data());
        cand.end = static_cast<uint32_t>(cand.begin + span.size());
        cand.label = c.rule.label;
        cand.source = Source::kRegex;
        cand.priority = c.rule.priority;
        cand.rule_id = c.rule.id;
        out->push_back(cand);
      }
      // Continue after the match (at least one byte on).
      pos = whole.empty() ? whole_end + 1 : whole_end;
    }
  }
}

}  // namespace newsgraph
