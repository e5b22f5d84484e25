// End-to-end: the bundled default rules over the bundled sample corpus
// (testdata/sample), checking concrete facts of the output.
#include <map>
#include <memory>
#include <string>

#include "extract/internal/tsv.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"
#include "tools/cpp/runfiles/runfiles.h"

namespace newsgraph {
namespace {

using bazel::tools::cpp::runfiles::Runfiles;

class PipelineE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    runfiles_ = Runfiles::CreateForTest(&error);
    ASSERT_NE(runfiles_, nullptr) << error;
    std::string manifest = runfiles_->Rlocation("newsgraph/rules/MANIFEST");
    const std::string dir = manifest.substr(0, manifest.rfind('/'));
    auto rules = RuleSet::Load(dir);
    ASSERT_TRUE(rules.ok()) << rules.status();
    pipeline_ = new Pipeline(std::shared_ptr<const RuleSet>(std::move(*rules)),
                             Pipeline::Options());
    const std::string corpus = runfiles_->Rlocation(
        "newsgraph/testdata/sample/corpus/01_obama_putin_call.txt");
    auto reader = DocumentReader::Open(corpus.substr(0, corpus.rfind('/')),
                                       DocumentReader::Options());
    ASSERT_TRUE(reader.ok()) << reader.status();
    graphs_ = new std::map<std::string, DocumentGraph>();
    texts_ = new std::map<std::string, std::string>();
    Document doc;
    absl::Status error_status;
    while ((*reader)->Next(&doc, &error_status)) {
      ASSERT_TRUE(error_status.ok()) << error_status;
      (*texts_)[doc.id()] = doc.text();
      (*graphs_)[doc.id()] = pipeline_->Process(doc);
    }
  }

  // The entity of `doc` that has a mention with exactly this text.
  static const Entity* EntityWithMention(const std::string& doc,
                                         const std::string& text) {
    for (const Entity& e : graphs_->at(doc).entities()) {
      for (const Mention& m : e.mentions()) {
        if (m.text() == text) return &e;
      }
    }
    return nullptr;
  }

  static Runfiles* runfiles_;
  static Pipeline* pipeline_;
  static std::map<std::string, DocumentGraph>* graphs_;
  static std::map<std::string, std::string>* texts_;
};

Runfiles* PipelineE2eTest::runfiles_ = nullptr;
Pipeline* PipelineE2eTest::pipeline_ = nullptr;
std::map<std::string, DocumentGraph>* PipelineE2eTest::graphs_ = nullptr;
std::map<std::string, std::string>* PipelineE2eTest::texts_ = nullptr;

TEST_F(PipelineE2eTest, ReadsTheWholeSampleCorpus) {
  EXPECT_EQ(graphs_->size(), 6u);
  for (const auto& [id, g] : *graphs_) {
    EXPECT_FALSE(g.has_error()) << id;
    EXPECT_GT(g.entities_size(), 5) << id;
  }
}

TEST_F(PipelineE2eTest, FsbAndFederalSecurityServiceAreOneAgency) {
  const Entity* fsb = EntityWithMention("02_fsb_warning", "FSB");
  const Entity* full =
      EntityWithMention("02_fsb_warning", "Federal Security Service");
  ASSERT_NE(fsb, nullptr);
  ASSERT_EQ(fsb, full);
  EXPECT_EQ(fsb->type(), AGENCY);
  EXPECT_EQ(fsb->canonical_name(), "Federal Security Service");
  EXPECT_GE(fsb->mentions_size(), 3);
}

TEST_F(PipelineE2eTest, PutinWithInitialIsOnePersonMentionWithRightOffsets) {
  const std::string& text = texts_->at("01_obama_putin_call");
  // The text has curly quotes and dashes before the name, so byte and
  // code-point offsets differ.
  ASSERT_NE(text.find("\xE2\x80\x94"), std::string::npos);
  const size_t begin = text.find("Vladimir V. Putin");
  ASSERT_NE(begin, std::string::npos);
  const Entity* putin = EntityWithMention("01_obama_putin_call",
                                          "Vladimir V. Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type(), PERSON);
  EXPECT_EQ(putin->canonical_name(), "Vladimir Putin");
  const Mention* m = nullptr;
  for (const Mention& x : putin->mentions()) {
    if (x.text() == "Vladimir V. Putin") m = &x;
  }
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->begin(), begin);
  EXPECT_EQ(m->end(), begin + 17);
  size_t cps = 0;
  for (size_t i = 0; i < begin; ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++cps;
  }
  EXPECT_EQ(m->cp_begin(), cps);
  EXPECT_EQ(m->cp_end(), cps + 17);
  EXPECT_LT(m->cp_begin(), m->begin());
  // "Putin" later in the text joins the same entity.
  EXPECT_GE(putin->mentions_size(), 2);
}

TEST_F(PipelineE2eTest, EveryMentionTextMatchesItsOffsets) {
  for (const auto& [id, g] : *graphs_) {
    const std::string& text = texts_->at(id);
    for (const Entity& e : g.entities()) {
      for (const Mention& m : e.mentions()) {
        ASSERT_LE(m.end(), text.size());
        EXPECT_EQ(text.substr(m.begin(), m.end() - m.begin()), m.text())
            << id;
        EXPECT_EQ(m.type(), e.type());
        EXPECT_FALSE(m.rule_id().empty());
      }
    }
  }
}

TEST_F(PipelineE2eTest, RelationsPointToEntitiesAndQuoteTheirSentence) {
  int relations = 0;
  for (const auto& [id, g] : *graphs_) {
    const std::string& text = texts_->at(id);
    std::map<std::string, const Entity*> by_id;
    for (const Entity& e : g.entities()) by_id[e.id()] = &e;
    for (const Relation& r : g.relations()) {
      ++relations;
      EXPECT_TRUE(by_id.count(r.head())) << r.head();
      EXPECT_TRUE(by_id.count(r.tail())) << r.tail();
      ASSERT_GT(r.evidence_size(), 0);
      for (const Evidence& ev : r.evidence()) {
        EXPECT_EQ(text.substr(ev.sentence().begin(),
                              ev.sentence().end() - ev.sentence().begin()),
                  ev.text());
        EXPECT_FALSE(ev.rule_id().empty());
        EXPECT_LE(ev.trigger().end(), ev.sentence().end());
      }
    }
  }
  EXPECT_GT(relations, 5);
}

}  // namespace
}  // namespace newsgraph
