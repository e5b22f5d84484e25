// End-to-end: the corpus graph (extract --corpus_graph) of the bundled sample
// corpus, checked against the sample gold (testdata/sample/gold.jsonl): one
// corpus entity per real-world entity, with an occurrence in every document
// whose gold names it, merged relations with counts and evidence, and a
// result that does not depend on document order.
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "extract/evaluator.h"
#include "extract/graph_builder.h"
#include "extract/internal/default_rules.h"
#include "extract/pipeline.h"
#include "extract/reader.h"
#include "extract/rule_set.h"
#include "gtest/gtest.h"

namespace newsgraph {
namespace {

class CorpusGraphE2eTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto rules = LoadDefaultRules();
    ASSERT_TRUE(rules.ok()) << rules.status();
    Pipeline pipeline(*rules,
                      Pipeline::Options());
    const std::string gold_path =
        TestRunfile("testdata/sample/gold.jsonl");
    auto gold = ReadGold(gold_path);
    ASSERT_TRUE(gold.ok()) << gold.status();
    gold_ = new std::vector<GoldDocument>(std::move(*gold));
    auto reader = DocumentReader::Open(
        gold_path.substr(0, gold_path.rfind('/')) + "/corpus",
        DocumentReader::Options());
    ASSERT_TRUE(reader.ok()) << reader.status();
    graphs_ = new std::vector<DocumentGraph>();
    Document doc;
    absl::Status status;
    while ((*reader)->Next(&doc, &status)) {
      ASSERT_TRUE(status.ok()) << status;
      graphs_->push_back(pipeline.Process(doc));
    }
    CorpusGraphBuilder builder;
    for (const DocumentGraph& g : *graphs_) builder.Add(g);
    corpus_ = new CorpusGraph(builder.Finish(pipeline.provenance()));
  }

  // Documents (ids without ".txt") whose gold has an entity `canonical`.
  static std::set<std::string> GoldDocumentsWith(const std::string& canonical) {
    std::set<std::string> docs;
    for (const GoldDocument& d : *gold_) {
      for (const GoldEntity& e : d.entities()) {
        if (e.canonical() == canonical) {
          std::string id = d.doc();
          if (absl::EndsWith(id, ".txt")) id.resize(id.size() - 4);
          docs.insert(id);
        }
      }
    }
    return docs;
  }

  static std::vector<GoldDocument>* gold_;
  static std::vector<DocumentGraph>* graphs_;
  static CorpusGraph* corpus_;
};

std::vector<GoldDocument>* CorpusGraphE2eTest::gold_ = nullptr;
std::vector<DocumentGraph>* CorpusGraphE2eTest::graphs_ = nullptr;
CorpusGraph* CorpusGraphE2eTest::corpus_ = nullptr;

TEST_F(CorpusGraphE2eTest, EachGoldPersonIsOneCorpusEntityInAllItsDocuments) {
  EXPECT_EQ(corpus_->document_count(), graphs_->size());
  for (const std::string name :
       {"Vladimir Putin", "Barack Obama", "Federal Security Service"}) {
    const std::set<std::string> expected = GoldDocumentsWith(name);
    ASSERT_FALSE(expected.empty()) << name;
    int found = 0;
    for (const CorpusEntity& e : corpus_->entities()) {
      if (e.canonical_name() != name) continue;
      ++found;
      std::set<std::string> docs;
      uint32_t mentions = 0;
      for (const EntityOccurrence& o : e.occurrences()) {
        docs.insert(o.document_id());
        mentions += o.mention_count();
      }
      EXPECT_EQ(docs, expected) << name;
      EXPECT_EQ(e.mention_count(), mentions) << name;
      EXPECT_GE(e.mention_count(), expected.size()) << name;
    }
    EXPECT_EQ(found, 1) << name << " should be one corpus entity";
  }
}

TEST_F(CorpusGraphE2eTest, RelationsAreMergedWithCountsAndEvidence) {
  // Count, per (type, head, tail) of canonical ids, the documents stating it.
  std::map<std::tuple<int, std::string, std::string>, std::set<std::string>>
      stated;
  for (const DocumentGraph& g : *graphs_) {
    std::map<std::string, std::string> ids;
    for (const Entity& e : g.entities()) ids[e.id()] = e.canonical_id();
    for (const Relation& r : g.relations()) {
      std::string h = ids[r.head()], t = ids[r.tail()];
      if (IsSymmetric(r.type()) && t < h) std::swap(h, t);
      stated[{r.type(), h, t}].insert(g.document().id());
    }
  }
  ASSERT_FALSE(stated.empty());
  EXPECT_EQ(static_cast<size_t>(corpus_->relations_size()), stated.size());
  for (const CorpusRelation& r : corpus_->relations()) {
    const auto it = stated.find({r.type(), r.head(), r.tail()});
    ASSERT_NE(it, stated.end()) << r.head() << " " << r.tail();
    EXPECT_EQ(r.count(), it->second.size());
    EXPECT_EQ(static_cast<size_t>(r.occurrences_size()), it->second.size());
    for (const RelationOccurrence& o : r.occurrences()) {
      EXPECT_GT(o.evidence_size(), 0);
    }
  }
  // The same document under two names: every relation twice, with the
  // evidence of both.
  DocumentGraph copy = graphs_->front();
  copy.mutable_document()->set_id("copy");
  CorpusGraphBuilder twice;
  twice.Add(graphs_->front());
  twice.Add(copy);
  const CorpusGraph merged = twice.Finish(corpus_->provenance());
  ASSERT_GT(merged.relations_size(), 0);
  for (const CorpusRelation& r : merged.relations()) {
    EXPECT_EQ(r.count(), 2u);
    ASSERT_EQ(r.occurrences_size(), 2);
    EXPECT_EQ(r.occurrences(0).evidence_size(),
              r.occurrences(1).evidence_size());
  }
}

TEST_F(CorpusGraphE2eTest, ResultDoesNotDependOnDocumentOrder) {
  CorpusGraphBuilder reversed;
  for (auto it = graphs_->rbegin(); it != graphs_->rend(); ++it) {
    reversed.Add(*it);
  }
  const CorpusGraph again = reversed.Finish(corpus_->provenance());
  EXPECT_EQ(again.SerializeAsString(), corpus_->SerializeAsString());
  // Sorted: entities by canonical id, relations by (type, head, tail).
  for (int i = 1; i < corpus_->entities_size(); ++i) {
    EXPECT_LT(corpus_->entities(i - 1).canonical_id(),
              corpus_->entities(i).canonical_id());
  }
}

}  // namespace
}  // namespace newsgraph
