#include "extract/pipeline.h"

#include <memory>
#include <string>

#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Rules() {
  GazetteerEntry e;
  e.id = "place.RU";
  e.label = Label::kPlace;
  e.canonical = "Russia";
  e.location = "test:1";
  PatternRule p;
  p.id = "person.mr";
  p.label = Label::kPerson;
  p.pattern = R"(Mr\. (?P<name>\p{Lu}\p{Ll}+))";
  p.location = "test:2:1";
  auto rules = RuleSet::FromRules({e}, {p}, {}, "abc");
  EXPECT_TRUE(rules.ok()) << rules.status();
  return std::shared_ptr<const RuleSet>(std::move(*rules));
}

TEST(PipelineTest, GazetteerAndRegexMentionsWithProvenance) {
  Pipeline pipeline(Rules(), Pipeline::Options());
  Document d;
  d.set_id("x");
  d.set_title("A title");
  d.set_text("Mr. Smith went to Russia.");
  const DocumentGraph g = pipeline.Process(d);
  ASSERT_EQ(g.entities_size(), 2);
  EXPECT_EQ(g.entities(0).canonical_name(), "Smith");
  EXPECT_EQ(g.entities(0).mentions(0).rule_id(), "person.mr");
  EXPECT_EQ(g.entities(1).canonical_id(), "place.RU");
  EXPECT_EQ(g.document().id(), "x");
  EXPECT_EQ(g.document().title(), "A title");
  EXPECT_TRUE(g.document().text().empty());  // no --include_text
  EXPECT_EQ(g.provenance().pipeline_version(), kPipelineVersion);
  EXPECT_EQ(g.provenance().rules_fingerprint(), "abc");
  EXPECT_EQ(g.provenance().schema_version(), kSchemaVersion);
  EXPECT_EQ(g.warnings_size(), 0);
}

TEST(PipelineTest, IncludeTextCopiesTheText) {
  Pipeline::Options options;
  options.include_text = true;
  Pipeline pipeline(Rules(), options);
  Document d;
  d.set_id("x");
  d.set_text("Russia.");
  EXPECT_EQ(pipeline.Process(d).document().text(), "Russia.");
}

TEST(PipelineTest, InvalidUtf8IsRepairedAndReported) {
  Pipeline::Options options;
  options.include_text = true;
  Pipeline pipeline(Rules(), options);
  Document d;
  d.set_id("x");
  d.set_text("\xff\xfe Russia");
  const DocumentGraph g = pipeline.Process(d);
  ASSERT_EQ(g.warnings_size(), 1);
  EXPECT_EQ(g.warnings(0).code(), "invalid_utf8");
  // Two bad bytes became two 3-byte U+FFFD: Russia moved by 4 bytes.
  EXPECT_EQ(g.document().text(), "\xEF\xBF\xBD\xEF\xBF\xBD Russia");
  ASSERT_EQ(g.entities_size(), 1);
  EXPECT_EQ(g.entities(0).mentions(0).begin(), 7u);
  EXPECT_EQ(g.entities(0).mentions(0).cp_begin(), 3u);
}

TEST(PipelineTest, EmptyDocument) {
  Pipeline pipeline(Rules(), Pipeline::Options());
  Document d;
  d.set_id("empty");
  const DocumentGraph g = pipeline.Process(d);
  EXPECT_EQ(g.entities_size(), 0);
  EXPECT_FALSE(g.has_error());
}

TEST(PipelineTest, ErrorGraphKeepsIdAndReason) {
  Pipeline pipeline(Rules(), Pipeline::Options());
  Document d;
  d.set_id("big");
  d.set_text("ignored");
  const DocumentGraph g =
      pipeline.ErrorGraph(d, absl::ResourceExhaustedError("too big"));
  EXPECT_EQ(g.document().id(), "big");
  EXPECT_TRUE(g.document().text().empty());
  EXPECT_EQ(g.error().code(), "too_large");
  EXPECT_EQ(g.error().message(), "too big");
}

}  // namespace
}  // namespace newsgraph
