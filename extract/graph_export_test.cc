#include "extract/graph_export.h"

#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "gtest/gtest.h"
#include "proto/graph.pb.h"

namespace newsgraph {
namespace {

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t i = text.find(what); i != std::string::npos;
       i = text.find(what, i + 1)) {
    ++n;
  }
  return n;
}

// Four entities; names with characters that need escaping.
CorpusGraph Graph() {
  CorpusGraph g;
  g.set_document_count(3);
  struct E {
    const char* id;
    EntityType type;
    const char* name;
    int mentions;
  };
  for (const E& x :
       {E{"a.smith_co", AGENCY, "Smith & \"Sons\" <Ltd>", 5},
        E{"p.zoe", PERSON, "Zoë O'Neil", 7}, E{"pl.kyiv", PLACE, "Київ", 2},
        E{"pl.lone", PLACE, "Lonely Island", 9}}) {
    CorpusEntity* e = g.add_entities();
    e->set_canonical_id(x.id);
    e->set_type(x.type);
    e->set_canonical_name(x.name);
    e->set_mention_count(x.mentions);
    e->add_occurrences()->set_document_id("d1");
  }
  struct R {
    RelationType type;
    const char* head;
    const char* tail;
    int count;
  };
  for (const R& x : {R{AFFILIATION, "p.zoe", "a.smith_co", 3},
                     R{MEETING, "a.smith_co", "p.zoe", 1},
                     R{LOCATED_IN, "p.zoe", "pl.kyiv", 1}}) {
    CorpusRelation* r = g.add_relations();
    r->set_type(x.type);
    r->set_head(x.head);
    r->set_tail(x.tail);
    r->set_count(x.count);
  }
  g.mutable_relations(0)->add_roles("CEO & \"founder\"");
  return g;
}

TEST(XmlEscapeTest, EscapesMarkupAndKeepsUnicode) {
  EXPECT_EQ(XmlEscape("a & b <c> \"d\" 'e'"),
            "a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;");
  EXPECT_EQ(XmlEscape("Zoë Київ"), "Zoë Київ");
  EXPECT_EQ(XmlEscape("tab\tok"), "tab\tok");
  // Forbidden control characters and invalid bytes become U+FFFD.
  EXPECT_EQ(XmlEscape("a\x01z"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(XmlEscape("a\xFFz"), "a\xEF\xBF\xBDz");
  EXPECT_EQ(XmlEscape(""), "");
}

TEST(DotQuoteTest, EscapesQuotesAndBackslashes) {
  EXPECT_EQ(DotQuote("plain"), "\"plain\"");
  EXPECT_EQ(DotQuote("say \"hi\" \\ bye"), "\"say \\\"hi\\\" \\\\ bye\"");
  EXPECT_EQ(DotQuote("two\nlines"), "\"two\\nlines\"");
  EXPECT_EQ(DotQuote("Zoë <&>"), "\"Zoë <&>\"");
}

TEST(GraphMLTest, NodesEdgesAndEscapedAttributes) {
  const std::string xml = ToGraphML(Graph(), ExportOptions());
  EXPECT_TRUE(
      absl::StartsWith(xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
  EXPECT_EQ(Count(xml, "<node "), 4);
  EXPECT_EQ(Count(xml, "<edge "), 3);
  EXPECT_TRUE(absl::StrContains(
      xml,
      "<data key=\"n_label\">Smith &amp; &quot;Sons&quot; &lt;Ltd&gt;</data>"))
      << xml;
  EXPECT_TRUE(absl::StrContains(xml, "<data key=\"n_label\">Київ</data>"));
  EXPECT_TRUE(absl::StrContains(xml, "Zoë O&#39;Neil"));
  EXPECT_TRUE(absl::StrContains(
      xml, "<edge id=\"e0\" source=\"p.zoe\" target=\"a.smith_co\">"));
  EXPECT_TRUE(absl::StrContains(xml, "<data key=\"e_count\">3</data>"));
  EXPECT_TRUE(absl::StrContains(
      xml, "<data key=\"e_roles\">CEO &amp; &quot;founder&quot;</data>"));
  EXPECT_EQ(Count(xml, "<data key=\"e_symmetric\">true</data>"), 1);
  EXPECT_FALSE(absl::StrContains(xml, "\"Sons\""));
}

TEST(DotTest, ColoursLabelsAndWeights) {
  const std::string dot = ToDot(Graph(), ExportOptions());
  EXPECT_TRUE(absl::StartsWith(dot, "digraph newsgraph {"));
  EXPECT_TRUE(absl::EndsWith(dot, "}\n"));
  // HTML labels are XML-escaped; ids are DOT-quoted.
  EXPECT_TRUE(absl::StrContains(
      dot,
      "\"a.smith_co\" [label=<Smith &amp; &quot;Sons&quot; &lt;Ltd&gt;<BR/>"))
      << dot;
  EXPECT_TRUE(absl::StrContains(dot, "label=<Київ<BR/>"));
  EXPECT_TRUE(absl::StrContains(dot, "fillcolor=\"#fdb462\""));  // PERSON
  EXPECT_TRUE(absl::StrContains(dot, "fillcolor=\"#80b1d3\""));  // AGENCY
  EXPECT_TRUE(absl::StrContains(dot, "fillcolor=\"#b3de69\""));  // PLACE
  EXPECT_TRUE(absl::StrContains(
      dot, "\"p.zoe\" -> \"a.smith_co\" [label=\"AFFILIATION ×3\""));
  EXPECT_TRUE(absl::StrContains(dot, "tooltip=\"CEO & \\\"founder\\\"\""));
  // Count 3 draws a wider pen than count 1; the symmetric MEETING no arrow.
  EXPECT_TRUE(absl::StrContains(dot, "penwidth=4.2"));
  EXPECT_EQ(Count(dot, "penwidth=1.0"), 2);
  EXPECT_EQ(Count(dot, "dir=none"), 1);
  EXPECT_EQ(Count(dot, " -> "), 3);
}

TEST(ExportOptionsTest, MinCountTopAndDropIsolated) {
  ExportOptions options;
  options.min_count = 2;
  std::string xml = ToGraphML(Graph(), options);
  EXPECT_EQ(Count(xml, "<edge "), 1);
  EXPECT_EQ(Count(xml, "<node "), 4);

  options.drop_isolated = true;
  xml = ToGraphML(Graph(), options);
  EXPECT_EQ(Count(xml, "<node "), 2);
  EXPECT_FALSE(absl::StrContains(xml, "pl.lone"));

  // The three most mentioned: Lonely Island (9), Zoë (7), Smith (5); the
  // edge to Kyiv goes with it.
  options = ExportOptions();
  options.top = 3;
  xml = ToGraphML(Graph(), options);
  EXPECT_EQ(Count(xml, "<node "), 3);
  EXPECT_FALSE(absl::StrContains(xml, "pl.kyiv"));
  EXPECT_EQ(Count(xml, "<edge "), 2);
  const std::string dot = ToDot(Graph(), options);
  EXPECT_EQ(Count(dot, " -> "), 2);
  EXPECT_TRUE(
      absl::StrContains(dot, "3 entities, 2 relations from 3 documents"));
}

TEST(ExportOptionsTest, EmptyGraphIsValid) {
  const std::string xml = ToGraphML(CorpusGraph(), ExportOptions());
  EXPECT_TRUE(absl::StrContains(xml, "<graph id=\"newsgraph\""));
  EXPECT_TRUE(absl::EndsWith(xml, "</graphml>\n"));
  EXPECT_TRUE(absl::EndsWith(ToDot(CorpusGraph(), ExportOptions()), "}\n"));
}

}  // namespace
}  // namespace newsgraph
