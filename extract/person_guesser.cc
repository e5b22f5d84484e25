#include "extract/person_guesser.h"

#include <algorithm>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "extract/internal/name_words.h"

namespace newsgraph {
namespace {

// Capitalised words that end a guessed name: function words that start
// sentences or titles, months and weekdays.
constexpr const char* kDefaultStopWords[] = {
    "A", "An", "And", "As", "At", "But", "By", "For", "From", "He", "Her",
    "His", "I", "If", "In", "Into", "It", "Its", "Of", "On", "Or", "She",
    "So", "The", "Their", "They", "This", "To", "We", "With", "You",
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

// Head nouns of the names of places, organisations, buildings, events and
// documents: a name directly followed by one is part of that name ("George
// Mason University", "Roman Empire", "Paris Agreement"), not a person.
constexpr const char* kDefaultHeadNouns[] = {
    "Academy", "Act", "Agency", "Agreement", "Airport", "Airlines", "Alliance",
    "Army", "Association", "Avenue", "Award", "Band", "Bank", "Bay",
    "Boulevard", "Bridge", "Building", "Bureau", "Business", "Canal",
    "Cathedral", "Cemetery", "Center", "Centre", "Championship", "Choir",
    "Church", "City", "Club", "College", "Commission", "Committee", "Company",
    "Conference", "Corporation", "Council", "County", "Court", "Cup", "Dam",
    "Department", "District", "Drive", "Empire", "Festival", "Forest",
    "Foundation", "Fund", "Games", "Garden", "Gardens", "Group", "Hall",
    "Harbor", "Harbour", "Highway", "Hill", "Hills", "Hospital", "Hotel",
    "House", "Inc", "Institute", "Island", "Islands", "Lake", "Lane", "League",
    "Library", "Line", "Ltd", "Medal", "Memorial", "Ministry", "Mountain",
    "Mountains", "Museum", "Office", "Orchestra", "Palace", "Park", "Party",
    "Peninsula", "Place", "Plaza", "Point", "Prize", "Project", "Province",
    "Quartet", "Regions", "Reservoir", "Site", "Springs", "Stadion", "Records",
    "Region", "Republic", "River", "Road", "School", "Senate", "Series",
    "Service", "Society", "Square", "Stadium", "Station", "Street", "Studios",
    "Theatre", "Theater", "Times", "Tower", "Treaty", "Trophy", "University",
    "Valley", "Way",
    // Events, institutions, publications and faiths.
    "Administration", "Assembly", "Catholic", "Catholics", "Congress",
    "Dynasty", "Emperor", "Empress", "Expedition", "Gazette", "Government",
    "Journal", "Kingdom", "Legislature", "Magazine", "Navy", "Olympics",
    "Parliament", "Revolution", "Television", "Tribune", "War", "Weekly",
    // Armed units, companies and venues.
    "Battalion", "Brigade", "Corps", "Force", "Forces", "Regiment",
    "Squadron", "Airways", "Entertainment", "Films", "Holdings", "Media",
    "Motors", "Network", "Pictures", "Productions", "Publishing", "Radio",
    "Railway", "Railways", "Studio", "Abbey", "Arena", "Dock", "Docks",
    "Gallery", "Institution", "Monastery", "Mosque", "Prison", "Synagogue"};

// Titles and ranks that are also given names ("Princess Emma", "King
// Charles"): the title is not the start of the name (rules/patterns
// person.title proposes the name after it).
constexpr const char* kTitleWords[] = {
    "Baron", "Bishop", "Count", "Countess", "Dean", "Duchess", "Duke",
    "Earl", "Emperor", "Empress", "General", "Judge", "King", "Lady",
    "Lord", "Major", "Pope", "Prince", "Princess", "Queen", "Saint", "Sir",
    "Sister"};

// Words that begin the names of places, churches and streets: a given name
// right after one is part of that name ("St. Vincent", "San Antonio", "Les
// Halles", "Via Nino Bixio", "Fort Wayne").
constexpr absl::string_view kPlacePrefixes[] = {
    "Avenida", "Cape",  "Ciudad", "Calle",  "Fort",  "Holy",  "Lake",
    "Les",     "Mount", "Mt.",    "Piazza", "Port",  "Porto", "Puerto",
    "Rue",     "Saint", "San",    "Santa",  "Santo", "Sao",   "São",
    "St",      "St.",   "Via",    "Villa"};

// Capitalised words that are no first name before a family name: titles and
// roles ("President Abaaoud"), and function words that start sentences
// ("While Abaaoud slept").
constexpr absl::string_view kNotFirstNames[] = {
    "Admiral",    "After",    "Agent",
    "Also",       "Although", "Ambassador",
    "Are",        "Asked",    "Before",
    "Both",       "Captain",  "Chairman",
    "Chancellor", "Chief",    "Commissioner",
    "Coach",      "Col",      "Colonel",
    "Could",      "Dear",     "Detective",
    "Did",        "Director", "Does",
    "Dr",         "Each",     "Even",
    "Every",      "Former",   "Gen",
    "General",    "Gov",      "Governor",
    "Had",        "Has",      "Have",
    "How",        "However",  "Is",
    "Judge",      "Justice",  "Last",
    "Late",       "Let",      "Lieutenant",
    "Manager",    "Mayor",    "Meanwhile",
    "Minister",   "Mr",       "Mrs",
    "Ms",         "Must",     "Next",
    "Not",        "Now",      "Officer",
    "Only",       "Our",      "Premier",
    "President",  "Prime",    "Prof",
    "Professor",  "Rep",      "Representative",
    "Said",       "Says",     "Secretary",
    "Sen",        "Senator",  "Sergeant",
    "Should",     "Since",    "Some",
    "Still",      "Team",     "Then",
    "Though",     "Today",    "Told",
    "Unless",     "Until",    "Vice",
    "Viscount",   "Was",      "Were",
    "What",       "When",     "Where",
    "Which",      "While",    "Who",
    "Why",        "Would",    "Yesterday",
    "Yet",        "Your"};

// Articles: a capitalised pair right after one is rarely a person ("the
// Winter Olympics", "a Merry Christmas", "the Early Erligang").
constexpr absl::string_view kArticles[] = {"the", "The", "a", "A", "an",
                                           "An"};

// Generation suffixes that belong to a name: "John Paul II", "Martin Luther
// King Jr.".
constexpr absl::string_view kSuffixes[] = {"II", "III", "IV", "Jr.", "Sr."};

// Words left in lower case in title-case headlines.
constexpr absl::string_view kSmallWords[] = {
    "a",  "an", "and", "as",   "at", "but", "by",   "for", "from",
    "in", "into", "of", "on", "or", "the", "to", "vs", "with"};

absl::string_view Slice(absl::string_view text, const Token& t) {
  return text.substr(t.begin, t.end - t.begin);
}

// A title-case sentence (a headline): at least three words, every word
// capitalised but small function words.
bool IsHeadline(absl::string_view text, const Segmentation& seg,
                const Sentence& sentence) {
  int words = 0;
  for (uint32_t i = sentence.first_token; i < sentence.end_token; ++i) {
    const Token& t = seg.tokens[i];
    if (t.kind != Token::kWord) continue;
    ++words;
    if (!t.capitalized &&
        std::find(std::begin(kSmallWords), std::end(kSmallWords),
                  Slice(text, t)) == std::end(kSmallWords)) {
      return false;
    }
  }
  return words >= 3;
}

// True if only spaces (no line break) separate a and b.
bool SpaceBetween(absl::string_view text, const Token& a, const Token& b) {
  if (b.begin <= a.end) return false;
  for (uint32_t i = a.end; i < b.begin; ++i) {
    if (text[i] != ' ' && text[i] != '\t') return false;
  }
  return true;
}

// True if the word of token `t` also occurs elsewhere in `text` as a whole
// word ("Harmsworth was elected" after "Mark Harmsworth is ...").
bool RecursElsewhere(absl::string_view text, const Token& t) {
  const absl::string_view word = Slice(text, t);
  for (size_t pos = text.find(word); pos != absl::string_view::npos;
       pos = text.find(word, pos + 1)) {
    const size_t end = pos + word.size();
    if (pos != t.begin &&
        (pos == 0 || !absl::ascii_isalnum(static_cast<unsigned char>(text[pos - 1]))) &&
        (end == text.size() || !absl::ascii_isalnum(static_cast<unsigned char>(text[end])))) {
      return true;
    }
  }
  return false;
}

// "II", "XIV": a regnal number.
bool IsRomanNumeral(absl::string_view s) {
  if (s.empty() || s.size() > 6) return false;
  for (char c : s) {
    if (c != 'I' && c != 'V' && c != 'X' && c != 'L') return false;
  }
  return true;
}

bool IsNameWord(const Token& t) {
  return t.kind == Token::kWord && t.capitalized && !t.all_caps &&
         t.end - t.begin >= 2;
}

bool IsOpeningQuote(absl::string_view s) {
  return s == "\"" || s == "\u201c" || s == "'" || s == "\u2018";
}

bool IsClosingQuote(absl::string_view s) {
  return s == "\"" || s == "\u201d" || s == "'" || s == "\u2019";
}

// "V." or "J.R." style initials.
bool IsInitials(absl::string_view s) {
  if (s.size() < 2 || s.back() != '.') return false;
  for (size_t i = 0; i < s.size(); i += 2) {
    if (!(s[i] >= 'A' && s[i] <= 'Z') || i + 1 >= s.size() || s[i + 1] != '.') {
      return false;
    }
  }
  return true;
}

// A known name that a guessed name must not run into: a person named in
// full ("Said Vladimir Putin") or a country ("Maria Russia"). A bare family
// name ("Dempsey") or an organisation or city named after a person ("Disney",
// "Nelson") does not stop "Patrick Dempsey" or "Walt Disney".
bool BlocksGuess(const Candidate& c, const GazetteerEntryView& e,
                 absl::string_view text) {
  if (c.label == Label::kPerson) {
    return text.substr(c.begin, c.end - c.begin).find_first_of(" \t\n") !=
           absl::string_view::npos;
  }
  return c.label == Label::kPlace && e.subtype == "country";
}

}  // namespace

PersonGuesser::PersonGuesser(const Gazetteer* gazetteer)
    : PersonGuesser(gazetteer, Options()) {}

PersonGuesser::PersonGuesser(const Gazetteer* gazetteer, const Options& options)
    : gazetteer_(gazetteer), options_(options) {
  if (options_.stop_words.empty()) {
    for (const char* w : kDefaultStopWords) stop_words_.insert(w);
  } else {
    stop_words_.insert(options_.stop_words.begin(), options_.stop_words.end());
  }
  if (options_.head_nouns.empty()) {
    for (const char* w : kDefaultHeadNouns) head_nouns_.insert(w);
  } else {
    head_nouns_.insert(options_.head_nouns.begin(), options_.head_nouns.end());
  }
  for (const char* w : kTitleWords) title_words_.insert(w);
}

void PersonGuesser::Guess(absl::string_view text, const Segmentation& seg,
                          std::vector<Candidate>* candidates) const {
  const std::vector<Token>& tokens = seg.tokens;
  auto token_at = [&](uint32_t offset) -> size_t {
    return std::lower_bound(tokens.begin(), tokens.end(), offset,
                            [](const Token& t, uint32_t off) {
                              return t.begin < off;
                            }) -
           tokens.begin();
  };

  // Given names (copies: guesses appended to *candidates below may move
  // its elements), and where known names start.
  std::vector<Candidate> given;
  absl::flat_hash_set<uint32_t> known_starts;   // begin offsets
  absl::flat_hash_set<uint64_t> known_spans;  // begin << 32 | end
  absl::flat_hash_set<uint32_t> demonym_starts;  // "Portuguese", "Philippine"
  for (const Candidate& c : *candidates) {
    if (c.label == Label::kGivenName) {
      given.push_back(c);
    } else if (c.label == Label::kDemonym) {
      demonym_starts.insert(c.begin);
    } else if (c.source == Source::kGazetteer && IsEntityLabel(c.label)) {
      if (c.priority >= 0 && BlocksGuess(c, gazetteer_->entry(c.entry), text)) {
        known_starts.insert(c.begin);
      }
      known_spans.insert(uint64_t{c.begin} << 32 | c.end);
    }
  }
  ProposeInitialsNames(text, seg, known_starts, candidates);
  if (given.empty()) {
    ProposeListMembers(text, seg, candidates);
    ProposeFullNames(text, seg, candidates);
    return;
  }
  std::sort(given.begin(), given.end(),
            [](const Candidate& a, const Candidate& b) {
              return a.begin < b.begin;
            });

  // Title-case sentences (headlines: every word capitalised but small
  // function words), computed on demand.
  std::vector<int8_t> headline(seg.sentences.size(), -1);
  auto is_headline = [&](uint32_t s) {
    if (headline[s] < 0) {
      headline[s] = IsHeadline(text, seg, seg.sentences[s]);
    }
    return headline[s] == 1;
  };

  auto propose = [candidates](uint32_t begin, uint32_t end, int32_t priority,
                              const std::string& rule_id) {
    Candidate c;
    c.begin = begin;
    c.end = end;
    c.label = Label::kPerson;
    c.source = Source::kRegex;
    c.priority = priority;
    c.rule_id = rule_id;
    candidates->push_back(c);
  };

  uint32_t last_end = 0;  // one guess per given name position
  for (const Candidate& given_name : given) {
    const Candidate* g = &given_name;
    if (g->begin < last_end) continue;
    const size_t first = token_at(g->begin);
    if (first >= tokens.size() || tokens[first].begin != g->begin ||
        !IsNameWord(tokens[first]) || tokens[first].end != g->end) {
      continue;
    }
    if (known_spans.contains(uint64_t{g->begin} << 32 | g->end) ||
        demonym_starts.contains(g->begin) ||
        title_words_.contains(Slice(text, tokens[first]))) {
      continue;
    }
    if (first > 0 && std::find(std::begin(kArticles), std::end(kArticles),
                               Slice(text, tokens[first - 1])) !=
                         std::end(kArticles)) {
      continue;
    }
    if (first > 0 && SpaceBetween(text, tokens[first - 1], tokens[first]) &&
        std::find(std::begin(kPlacePrefixes), std::end(kPlacePrefixes),
                  Slice(text, tokens[first - 1])) != std::end(kPlacePrefixes)) {
      continue;
    }
    const uint32_t sentence = seg.SentenceAt(g->begin);
    if (is_headline(sentence)) continue;
    const bool common_word =
        g->entry >= 0 && gazetteer_->entry(g->entry).subtype == "common_word";
    const bool sentence_start = seg.sentences[sentence].first_token == first;

    // Extend over name tokens.
    size_t last = first;  // last token of the name
    int taken = 1;
    bool has_surname = false;
    size_t i = first + 1;
    while (i < tokens.size() && taken < options_.max_tokens) {
      const Token& prev = tokens[i - 1];
      const Token& t = tokens[i];
      const absl::string_view s = Slice(text, t);
      if (known_starts.contains(t.begin)) break;
      if (t.kind == Token::kPunct && s == "-" && t.begin == prev.end &&
          i + 1 < tokens.size() && tokens[i + 1].begin == t.end &&
          IsNameWord(tokens[i + 1]) && IsNameWord(prev) &&
          !stop_words_.contains(Slice(text, tokens[i + 1]))) {
        if (i - 1 != first) has_surname = true;  // "Smith-Jones"
        last = i + 1;  // "Jean-Claude", "Smith-Jones"
        ++taken;
        i += 2;
        continue;
      }
      if (IsOpeningQuote(s) && i + 2 < tokens.size() &&
          IsNameWord(tokens[i + 1]) &&
          IsClosingQuote(Slice(text, tokens[i + 2]))) {
        // A nickname between the given name and the family name:
        // Michael "Mike" Padden.
        i += 3;
        if (i < tokens.size() && IsNameWord(tokens[i]) &&
            SpaceBetween(text, tokens[i - 1], tokens[i])) {
          continue;
        }
        break;
      }
      if (!SpaceBetween(text, prev, t)) break;
      if (t.kind == Token::kAbbrev && IsInitials(s)) {
        last = i;
        ++taken;
        ++i;
        continue;
      }
      if (t.kind == Token::kWord && !t.capitalized && IsNameParticle(s) &&
          i + 2 < tokens.size() && Slice(text, tokens[i + 1]) == "-" &&
          tokens[i + 1].begin == t.end &&
          tokens[i + 2].begin == tokens[i + 1].end &&
          IsNameWord(tokens[i + 2]) &&
          !stop_words_.contains(Slice(text, tokens[i + 2]))) {
        last = i + 2;  // "Ahmed al-Tayeb"
        ++taken;
        has_surname = true;
        i += 3;
        continue;
      }
      if (t.kind == Token::kWord && !t.capitalized &&
          IsNameParticle(s) &&
          i + 1 < tokens.size() && SpaceBetween(text, t, tokens[i + 1]) &&
          IsNameWord(tokens[i + 1]) &&
          !stop_words_.contains(Slice(text, tokens[i + 1]))) {
        last = i + 1;
        taken += 2;
        has_surname = true;
        i += 2;
        continue;
      }
      if (has_surname && std::find(std::begin(kSuffixes), std::end(kSuffixes),
                                   s) != std::end(kSuffixes)) {
        last = i;  // "John Paul II"
        break;
      }
      if (!IsNameWord(t) || stop_words_.contains(s) || head_nouns_.contains(s)) {
        break;
      }
      last = i;
      ++taken;
      has_surname = true;
      ++i;
    }
    if (!has_surname) {
      // "Louis XIV": a given name and a regnal number.
      if (last == first && first + 1 < tokens.size() &&
          IsRomanNumeral(Slice(text, tokens[first + 1])) &&
          SpaceBetween(text, tokens[first], tokens[first + 1])) {
        propose(tokens[first].begin, tokens[first + 1].end, options_.priority,
                options_.rule_id);
        last_end = tokens[first + 1].end;
        continue;
      }
      // A bare given name inside a sentence ("... said Maria."), weaker than
      // any other candidate: not a common word or a stop word ("in June"),
      // not before another capitalised word or a number ("John 4:23"), and
      // at the start of a sentence only before a lower-case word, a comma
      // or a possessive ("Peter crashes his car", "Aino's mother").
      const bool lower_case_after =
          first + 1 < tokens.size() &&
          ((tokens[first + 1].kind == Token::kWord &&
            !tokens[first + 1].capitalized) ||
           tokens[first + 1].kind == Token::kPossessive ||
           Slice(text, tokens[first + 1]) == ",");
      if (options_.bare_rule_id.empty() || common_word ||
          (sentence_start && !lower_case_after) ||
          stop_words_.contains(Slice(text, tokens[first]))) {
        continue;
      }
      if (first + 1 < tokens.size() &&
          (IsNameWord(tokens[first + 1]) ||
           (tokens[first + 1].kind == Token::kNumber &&
            SpaceBetween(text, tokens[first], tokens[first + 1])))) {
        continue;
      }
      propose(tokens[first].begin, tokens[first].end, options_.bare_priority,
              options_.bare_rule_id);
      continue;
    }
    // Part of a longer name: "George Mason University".
    if (last + 1 < tokens.size() &&
        SpaceBetween(text, tokens[last], tokens[last + 1]) &&
        head_nouns_.contains(Slice(text, tokens[last + 1]))) {
      continue;
    }
    if (common_word && taken > 2) continue;
    // A common word that starts a sentence ("Will", "Mark") needs the
    // family name used again in the text ("Mark Harmsworth is ...
    // Harmsworth was elected").
    if (common_word && sentence_start && !RecursElsewhere(text, tokens[last])) {
      continue;
    }
    propose(tokens[first].begin, tokens[last].end, options_.priority,
            options_.rule_id);
    last_end = tokens[last].end;
  }
  ProposeListMembers(text, seg, candidates);
  ProposeFullNames(text, seg, candidates);
}

void PersonGuesser::ProposeFullNames(absl::string_view text,
                                     const Segmentation& seg,
                                     std::vector<Candidate>* candidates) const {
  if (options_.full_name_rule_id.empty()) return;
  const std::vector<Token>& tokens = seg.tokens;
  // Family names: one-word people found by a pattern ("Mr Abaaoud",
  // "Abaaoud said"); and where people and other known names start.
  absl::flat_hash_set<absl::string_view> family;
  absl::flat_hash_set<absl::string_view> known_people;  // gazetteer names
  absl::flat_hash_set<uint32_t> person_starts;
  absl::flat_hash_set<uint32_t> other_starts;
  for (const Candidate& c : *candidates) {
    if (c.label == Label::kPerson) {
      person_starts.insert(c.begin);
      const absl::string_view s = text.substr(c.begin, c.end - c.begin);
      if (c.source == Source::kRegex && c.rule_id != options_.bare_rule_id &&
          s.find_first_of(" \t\n") == absl::string_view::npos) {
        family.insert(s);
      }
      if (c.source == Source::kGazetteer) known_people.insert(s);
    } else if (IsEntityLabel(c.label) || c.label == Label::kDemonym) {
      other_starts.insert(c.begin);
    }
  }
  for (absl::string_view known : known_people) family.erase(known);
  if (family.empty()) return;
  for (size_t i = 1; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    const Token& prev = tokens[i - 1];
    if (t.kind != Token::kWord || !family.contains(Slice(text, t)) ||
        !SpaceBetween(text, prev, t) || !IsNameWord(prev)) {
      continue;
    }
    const absl::string_view first = Slice(text, prev);
    if (stop_words_.contains(first) || title_words_.contains(first) ||
        std::find(std::begin(kNotFirstNames), std::end(kNotFirstNames),
                  first) != std::end(kNotFirstNames) ||
        head_nouns_.contains(first) || person_starts.contains(prev.begin) ||
        other_starts.contains(prev.begin)) {
      continue;
    }
    // After an article, a name word or a title: not a first name ("the
    // Abaaoud network", "Minister Abaaoud").
    if (i >= 2 && SpaceBetween(text, tokens[i - 2], prev) &&
        (IsNameWord(tokens[i - 2]) ||
         std::find(std::begin(kArticles), std::end(kArticles),
                   Slice(text, tokens[i - 2])) != std::end(kArticles))) {
      continue;
    }
    Candidate c;
    c.begin = prev.begin;
    c.end = t.end;
    c.label = Label::kPerson;
    c.source = Source::kRegex;
    c.priority = options_.priority;
    c.rule_id = options_.full_name_rule_id;
    candidates->push_back(c);
  }
}

void PersonGuesser::ProposeInitialsNames(
    absl::string_view text, const Segmentation& seg,
    const absl::flat_hash_set<uint32_t>& known_starts,
    std::vector<Candidate>* candidates) const {
  if (options_.initials_rule_id.empty()) return;
  const std::vector<Token>& tokens = seg.tokens;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::kAbbrev || !IsInitials(Slice(text, t))) continue;
    // Not a middle initial or a number after a name ("World War I."), not
    // a known name ("U.S.").
    if (i > 0 && SpaceBetween(text, tokens[i - 1], t) &&
        (IsNameWord(tokens[i - 1]) || tokens[i - 1].kind == Token::kAbbrev)) {
      continue;
    }
    if (known_starts.contains(t.begin)) continue;
    size_t j = i + 1;
    while (j < tokens.size() && tokens[j].kind == Token::kAbbrev &&
           IsInitials(Slice(text, tokens[j])) &&
           SpaceBetween(text, tokens[j - 1], tokens[j]) && j - i < 3) {
      ++j;
    }
    size_t last = j - 1;
    int words = 0;
    while (j < tokens.size() && words < 2 &&
           (SpaceBetween(text, tokens[j - 1], tokens[j]) ||
            tokens[j - 1].end == tokens[j].begin) &&
           IsNameWord(tokens[j]) && !known_starts.contains(tokens[j].begin) &&
           !stop_words_.contains(Slice(text, tokens[j])) &&
           !head_nouns_.contains(Slice(text, tokens[j]))) {
      last = j;
      ++j;
      ++words;
    }
    if (words == 0) continue;
    if (j < tokens.size() && SpaceBetween(text, tokens[last], tokens[j]) &&
        head_nouns_.contains(Slice(text, tokens[j]))) {
      continue;  // "J. Paul Getty Museum"
    }
    Candidate c;
    c.begin = t.begin;
    c.end = tokens[last].end;
    c.label = Label::kPerson;
    c.source = Source::kRegex;
    c.priority = options_.initials_priority;
    c.rule_id = options_.initials_rule_id;
    candidates->push_back(c);
    i = last;
  }
}

void PersonGuesser::ProposeListMembers(
    absl::string_view text, const Segmentation& seg,
    std::vector<Candidate>* candidates) const {
  if (options_.list_rule_id.empty()) return;
  const std::vector<Token>& tokens = seg.tokens;
  // People named by two words or more (not a bare given name), where any
  // person's name starts, where nationality words start, and where known
  // names of other types (not weak guesses) start and how far they reach.
  absl::flat_hash_set<uint64_t> person_spans;
  absl::flat_hash_set<uint32_t> person_starts;
  absl::flat_hash_set<uint32_t> demonym_starts;
  absl::flat_hash_map<uint32_t, uint32_t> other_starts;  // begin -> max end
  for (const Candidate& c : *candidates) {
    if (c.label == Label::kPerson) {
      person_starts.insert(c.begin);
      if (c.priority >= -1 && text.substr(c.begin, c.end - c.begin).find(' ') !=
                                  absl::string_view::npos) {
        person_spans.insert(uint64_t{c.begin} << 32 | c.end);
      }
    } else if (c.label == Label::kDemonym) {
      demonym_starts.insert(c.begin);
    } else if (IsEntityLabel(c.label) && c.priority >= 0) {
      uint32_t& end = other_starts[c.begin];
      end = std::max(end, c.end);
    }
  }
  if (person_spans.empty()) return;

  // A group: a run of name tokens [first, last] joined by spaces.
  struct Group {
    size_t first = 0;
    size_t last = 0;
    int words = 0;        // capitalised words (not initials)
    bool usable = false;  // may be proposed
  };
  auto is_name_token = [&](size_t i) {
    const Token& t = tokens[i];
    const absl::string_view s = Slice(text, t);
    if (t.kind == Token::kAbbrev) return IsInitials(s);
    return IsNameWord(t) && !stop_words_.contains(s);
  };
  for (const Sentence& sentence : seg.sentences) {
    if (IsHeadline(text, seg, sentence)) continue;
    std::vector<Group> list;
    bool has_and = false;
    auto flush = [&]() {
      if (list.size() >= 3 || (list.size() == 2 && has_and)) {
        bool has_person = false;
        for (const Group& g : list) {
          has_person |= person_spans.contains(
              uint64_t{tokens[g.first].begin} << 32 | tokens[g.last].end);
        }
        if (has_person) {
          for (const Group& g : list) {
            if (!g.usable) continue;
            Candidate c;
            c.begin = tokens[g.first].begin;
            c.end = tokens[g.last].end;
            c.label = Label::kPerson;
            c.source = Source::kRegex;
            c.priority = options_.priority;
            c.rule_id = options_.list_rule_id;
            if (!person_spans.contains(uint64_t{c.begin} << 32 | c.end)) {
              candidates->push_back(c);
            }
          }
        }
      }
      list.clear();
      has_and = false;
    };
    size_t i = sentence.first_token;
    while (i < sentence.end_token) {
      if (!is_name_token(i)) {
        ++i;  // a separator, checked when the next group starts, or not
        continue;
      }
      // Take the group starting at token i.
      Group g;
      g.first = i;
      g.last = i;
      g.words = tokens[i].kind == Token::kAbbrev ? 0 : 1;
      size_t j = i + 1;
      while (j < sentence.end_token && g.last - g.first < 4) {
        const Token& t = tokens[j];
        const absl::string_view s = Slice(text, t);
        if (t.kind == Token::kPunct && s == "-" &&
            t.begin == tokens[j - 1].end && j + 1 < sentence.end_token &&
            tokens[j + 1].begin == t.end && is_name_token(j + 1)) {
          g.last = j + 1;  // "Gresham-Lancaster"
          j += 2;
          continue;
        }
        if (!SpaceBetween(text, tokens[j - 1], t)) break;
        if (t.kind == Token::kWord && !t.capitalized && IsNameParticle(s) &&
            j + 1 < sentence.end_token &&
            SpaceBetween(text, t, tokens[j + 1]) && is_name_token(j + 1) &&
            tokens[j + 1].kind != Token::kAbbrev) {
          g.last = j + 1;  // "van Gogh"
          ++g.words;
          j += 2;
          continue;
        }
        if (!is_name_token(j)) break;
        if (t.kind != Token::kAbbrev) ++g.words;
        g.last = j;
        ++j;
      }
      // Usable as a person: two to four words, not a title ("King
      // Charles"), not after an article, not part of a longer name
      // ("... University") and not a known name of another type.
      const uint32_t end = tokens[g.last].end;
      // A known name of another type over it or running on past it, or a
      // person's name or a title inside it ("Russian President Vladimir
      // Putin" is a title and a name, not one name).
      bool known_other = demonym_starts.contains(tokens[g.first].begin);
      for (size_t k = g.first; k <= g.last && !known_other; ++k) {
        auto other = other_starts.find(tokens[k].begin);
        known_other =
            (other != other_starts.end() &&
             (k == g.first ? other->second >= end : other->second > end)) ||
            (k > g.first && person_starts.contains(tokens[k].begin)) ||
            title_words_.contains(Slice(text, tokens[k]));
      }
      const bool after_article =
          g.first > 0 &&
          std::find(std::begin(kArticles), std::end(kArticles),
                    Slice(text, tokens[g.first - 1])) != std::end(kArticles);
      const bool before_head = j < sentence.end_token &&
                               SpaceBetween(text, tokens[j - 1], tokens[j]) &&
                               head_nouns_.contains(Slice(text, tokens[j]));
      // "P. Jairaj": one initial and a word is a name too.
      const bool initial_and_word = g.words == 1 && g.last == g.first + 1 &&
                                    Slice(text, tokens[g.first]).size() == 2 &&
                                    tokens[g.last].kind == Token::kWord;
      g.usable = (g.words >= 2 || initial_and_word) && g.last - g.first < 4 &&
                 !known_other && !after_article && !before_head &&
                 !title_words_.contains(Slice(text, tokens[g.first]));
      // The separator before it: ",", "and", "&", ", and".
      if (!list.empty()) {
        const size_t prev_end = list.back().last + 1;
        bool ok = false;
        bool with_and = false;
        const size_t gap = g.first - prev_end;
        if (gap == 1 || gap == 2) {
          const absl::string_view a = Slice(text, tokens[prev_end]);
          const absl::string_view b = gap == 2
                                          ? Slice(text, tokens[prev_end + 1])
                                          : absl::string_view();
          if (gap == 1) {
            ok = a == "," || a == "and" || a == "&";
            with_and = a != ",";
          } else {
            ok = a == "," && (b == "and" || b == "&");
            with_and = ok;
          }
        }
        if (!ok) flush();
        has_and |= with_and && ok;
      }
      list.push_back(g);
      i = g.last + 1;
    }
    flush();
  }
}

}  // namespace newsgraph
