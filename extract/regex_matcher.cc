#include "extract/regex_matcher.h"

#include <algorithm>
#include <cctype>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/match.h"

namespace newsgraph {

namespace {

constexpr int kMaxGroups = 16;

// An ASCII space or punctuation character (what ends a sentence).
bool IsSpaceOrPunct(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && (std::isspace(u) || std::ispunct(u));
}

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
    c.twin = m->twins_.Add(rule.pattern, *re, options);
    c.rule = std::move(rule);
    m->rules_.push_back(std::move(c));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(absl::StrJoin(errors, "\n"));
  }
  m->prefilter_->Compile();
  m->twins_.Compile();
  // The rules the prefilter cannot gate, in one set of their twins.
  RE2::Options latin1 = options;
  latin1.set_encoding(RE2::Options::EncodingLatin1);
  latin1.set_max_mem(32 << 20);
  auto set = std::make_unique<RE2::Set>(latin1, RE2::UNANCHORED);
  for (size_t i = 0; i < m->rules_.size(); ++i) {
    const Compiled& c = m->rules_[i];
    if (c.twin == nullptr || !m->prefilter_->Unfiltered(i)) continue;
    if (set->Add(c.twin->pattern(), nullptr) < 0) continue;
    m->set_rules_.push_back(static_cast<int>(i));
  }
  if (!m->set_rules_.empty() && set->Compile()) {
    m->set_ = std::move(set);
  } else {
    m->set_rules_.clear();
  }
  return m;
}

void RegexMatcher::Match(absl::string_view text,
                         absl::Span<const Sentence> sentences,
                         std::vector<Candidate>* out) const {
  // The pieces: [0, start of sentence 1), [start of 1, start of 2), ...,
  // [start of the last, end of text).
  std::vector<size_t> starts = {0};
  for (size_t i = 1; i < sentences.size(); ++i) {
    if (sentences[i].begin > starts.back() &&
        sentences[i].begin < text.size()) {
      starts.push_back(sentences[i].begin);
    }
  }
  const size_t pieces = starts.size();
  starts.push_back(text.size());
  // may_match[p * rules + i]: rule i can match in piece p.
  const size_t n_rules = rules_.size();
  std::vector<uint8_t> may_match(pieces * n_rules);
  RulePrefilter::Scratch scratch;
  std::vector<uint8_t> piece_match;
  for (size_t p = 0; p < pieces; ++p) {
    prefilter_->Filter(text.substr(starts[p], starts[p + 1] - starts[p]),
                       &scratch, &piece_match);
    std::copy(piece_match.begin(), piece_match.end(),
              may_match.begin() + p * n_rules);
  }
  // The twins search the transcoded text; the piece starts there.
  Latin1Text view;
  const bool transcoded = twins_.Transcode(text, &view);
  std::vector<size_t> view_starts;
  if (transcoded) {
    for (size_t s : starts) view_starts.push_back(view.ToTranscoded(s));
  }
  // The rules of set_ run only on the pieces where the set finds them: one
  // pass over the piece, its lookback and a character of context on either
  // side, instead of one per rule.
  if (transcoded && set_ != nullptr) {
    const absl::string_view v = view.bytes();
    std::vector<int> found;
    for (size_t p = 0; p < pieces; ++p) {
      uint8_t* row = &may_match[p * n_rules];
      bool any = false;
      for (int i : set_rules_) any |= row[i] != 0;
      if (!any) continue;
      const size_t from = view_starts[p] > kLookback + 2
                              ? view_starts[p] - kLookback - 2 : 0;
      const size_t to = std::min(v.size(), view_starts[p + 1] + 1);
      found.clear();
      RE2::Set::ErrorInfo error;
      if (!set_->Match(re2::StringPiece(v.data() + from, to - from), &found,
                       &error) &&
          error.kind != RE2::Set::kNoError) {
        continue;  // could not search: run them all
      }
      for (int i : set_rules_) row[i] = 0;
      for (int k : found) row[set_rules_[k]] = 1;
    }
  }
  for (size_t i = 0; i < n_rules; ++i) {
    const Compiled& c = rules_[i];
    const bool twin = transcoded && c.twin != nullptr;
    const absl::string_view searched = twin ? view.bytes() : text;
    const std::vector<size_t>& at = twin ? view_starts : starts;
    // Each run of consecutive pieces that pass is searched in one go.
    for (size_t p = 0; p < pieces;) {
      if (!may_match[p * n_rules + i]) {
        ++p;
        continue;
      }
      size_t q = p + 1;
      while (q < pieces && may_match[q * n_rules + i]) ++q;
      // Nothing searched the end of the previous piece together with this
      // one: a match may start in its closing spaces and punctuation, or at
      // the ASCII character before them ("channel. CBBC").
      size_t from = at[p];
      while (p > 0 && from > at[p - 1] && at[p] - from < kLookback &&
             IsSpaceOrPunct(searched[from - 1])) {
        --from;
      }
      if (from < at[p] && from > at[p - 1] &&
          (searched[from - 1] & 0x80) == 0) {
        --from;
      }
      MatchRule(c, text, twin ? &view : nullptr, from, at[q], out);
      p = q;
    }
  }
}

bool RegexMatcher::Unfiltered(size_t i) const {
  return prefilter_->Unfiltered(i);
}

void RegexMatcher::MatchRule(const Compiled& c, absl::string_view text,
                             const Latin1Text* view, size_t begin, size_t end,
                             std::vector<Candidate>* out) const {
  re2::StringPiece groups[kMaxGroups];
  const absl::string_view searched = view != nullptr ? view->bytes() : text;
  const re2::StringPiece input(searched.data(), searched.size());
  const RE2& re = view != nullptr ? *c.twin : *c.re;
  // Offsets in `searched` -> offsets in `text`.
  auto original = [&](size_t i) {
    return view != nullptr ? view->ToOriginal(i) : i;
  };
  size_t pos = begin;
  while (pos <= end &&
         re.Match(input, pos, end, RE2::UNANCHORED, groups, c.name_group + 1)) {
    const re2::StringPiece whole = groups[0];
    const re2::StringPiece name = groups[c.name_group];
    const size_t whole_end = whole.data() - searched.data() + whole.size();
    if (name.data() != nullptr) {
      const size_t b = original(name.data() - searched.data());
      const size_t e = original(name.data() - searched.data() + name.size());
      const absl::string_view span =
          NameSpan(text, text.substr(b, e - b), c.rule.label);
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
    }
    // Continue after the match (at least one byte on).
    pos = whole.empty() ? whole_end + 1 : whole_end;
  }
}

}  // namespace newsgraph
