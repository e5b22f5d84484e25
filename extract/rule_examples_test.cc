#include "extract/rule_examples.h"

#include <memory>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "extract/internal/test_rules.h"
#include "extract/pipeline.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

std::shared_ptr<const RuleSet> Rules() {
  PatternRule mayor;
  mayor.id = "person.mayor";
  mayor.label = Label::kPerson;
  mayor.pattern = R"(Mayor (?P<name>[A-Z]\w+ [A-Z]\w+))";
  mayor.location = "p.tsv:1:1";
  PatternRule veto;
  veto.id = "veto.port";
  veto.label = Label::kVeto;
  veto.pattern = R"(Port (?P<name>Aland))";
  veto.location = "p.tsv:2:1";
  auto rs = RuleSet::FromRules(
      {MakeEntry("place.aland", Label::kPlace, "Aland"),
       MakeEntry("agency.council", Label::kAgency, "Aland Council",
                 {"the Council"}),
       MakeEntry("person.anna", Label::kPerson, "Anna Petrova", {"Petrova"})},
      {mayor, veto},
      {MakeRelationRule("meet", MEETING, "{PERSON:head} met {PERSON:tail}")},
      "fp");
  EXPECT_TRUE(rs.ok()) << rs.status();
  return std::shared_ptr<const RuleSet>(std::move(*rs));
}

RuleExpectation Expect(const std::string& text) {
  RuleExpectation x;
  std::string error;
  EXPECT_TRUE(ParseExpectation(text, "x.tsv:1:1", &x, &error)) << error;
  return x;
}

TEST(ParseExpectationTest, Forms) {
  RuleExpectation x = Expect("+PERSON Sergei Lavrov");
  EXPECT_TRUE(x.present);
  EXPECT_FALSE(x.is_relation);
  EXPECT_EQ(x.label, Label::kPerson);
  EXPECT_EQ(x.name, "Sergei Lavrov");
  x = Expect("-ANY May");
  EXPECT_FALSE(x.present);
  EXPECT_TRUE(x.any_label);
  x = Expect(" +AFFILIATION Sergei Lavrov ->  Russia ");
  EXPECT_TRUE(x.is_relation);
  EXPECT_EQ(x.relation, AFFILIATION);
  EXPECT_EQ(x.name, "Sergei Lavrov");
  EXPECT_EQ(x.tail, "Russia");

  std::string error;
  for (const char* bad : {"PERSON x", "+CITY Aland", "+MEETING Anna Bob",
                          "+PERSON", "+MEETING -> Bob", "+VETO May"}) {
    EXPECT_FALSE(ParseExpectation(bad, "x:1:1", &x, &error)) << bad;
    EXPECT_FALSE(error.empty()) << bad;
  }
}

TEST(RuleExamplesTest, PassingAndFailingExpectations) {
  const Pipeline pipeline(Rules(), Pipeline::Options());
  RuleExample ex;
  ex.id = "ex.1";
  ex.text = "Mayor Ollo Brand met Anna Petrova near Port Aland.";
  ex.location = "x.tsv:1:1";
  for (const char* holds :
       {"+PERSON Ollo Brand", "+PERSON Anna Petrova", "-PLACE Aland",
        "-ANY Mayor Ollo Brand", "+MEETING Ollo Brand -> Anna Petrova",
        "+MEETING Anna Petrova -> Ollo Brand", "-MEETING Anna -> Aland"}) {
    ex.expectations.push_back(Expect(holds));
  }
  RuleExampleReport report = RunRuleExamples(pipeline, {ex});
  EXPECT_EQ(report.examples, 1u);
  EXPECT_EQ(report.expectations, 7u);
  EXPECT_TRUE(report.ok()) << report.failures[0];

  ex.expectations = {Expect("+PLACE Aland"), Expect("-PERSON Anna Petrova")};
  ex.expectations[1].location = "x.tsv:1:40";
  report = RunRuleExamples(pipeline, {ex});
  ASSERT_EQ(report.failures.size(), 2u);
  const std::string& f = report.failures[1];
  EXPECT_TRUE(absl::StartsWith(f, "x.tsv:1:40: example ex.1 failed")) << f;
  EXPECT_TRUE(absl::StrContains(f, "expected: -PERSON Anna Petrova (must not"))
      << f;
  EXPECT_TRUE(absl::StrContains(f, "PERSON Anna Petrova  (person.anna)")) << f;
  EXPECT_TRUE(absl::StrContains(f, "MEETING Ollo Brand -> Anna Petrova  (meet)"))
      << f;
}

TEST(ExplainTest, NamesProducersAndLosers) {
  const Pipeline pipeline(Rules(), Pipeline::Options());
  Document doc;
  doc.set_id("d1");
  doc.set_text("Aland Council met. Mayor Ollo Brand met Anna Petrova in Port Aland.");
  std::string explain;
  const DocumentGraph with = pipeline.Process(doc, &explain);
  const DocumentGraph without = pipeline.Process(doc);
  // Explaining does not change the output.
  EXPECT_EQ(with.SerializeAsString(), without.SerializeAsString());
  EXPECT_TRUE(absl::StrContains(explain, "== document d1")) << explain;
  EXPECT_TRUE(absl::StrContains(
      explain, "mention AGENCY \"Aland Council\" [0,13) <- gazetteer entry "
               "agency.council (test.tsv:1)"))
      << explain;
  EXPECT_TRUE(absl::StrContains(
      explain, "  beat PLACE \"Aland\" [0,5) from gazetteer entry place.aland "
               "(test.tsv:1): shorter"))
      << explain;
  EXPECT_TRUE(absl::StrContains(explain,
                                "mention PERSON \"Ollo Brand\" [25,35) <- "
                                "pattern person.mayor"))
      << explain;
  EXPECT_TRUE(absl::StrContains(explain, "dropped PLACE \"Aland\" [61,66) "
                                         "from gazetteer entry place.aland "
                                         "(test.tsv:1): vetoed by veto.port"))
      << explain;
  EXPECT_TRUE(absl::StrContains(explain,
                                "relation MEETING \"Ollo Brand\" -> \"Anna "
                                "Petrova\" <- relation rule meet in sentence 1"))
      << explain;
}

}  // namespace
}  // namespace newsgraph
