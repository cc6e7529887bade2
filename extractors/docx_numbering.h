// Word auto-numbering: the labels ("3.", "1.2", "b)", "•") Word draws before numbered
// paragraphs, which are not in the document text and must be computed from word/numbering.xml.
//
//   DocxNumbering numbering(numbering_xml.document_element(), styles_xml.document_element());
//   for (each w:p in document order) label = numbering.NextLabel(p);  // "" when not numbered
//
// Follows what Word does (ECMA-376 §17.9 as Word implements it):
//  - a paragraph is numbered by its own w:pPr/w:numPr, or else by its paragraph style's
//    (following w:basedOn); numId 0 switches numbering off;
//  - counters belong to the abstract definition, so w:num instances sharing one w:abstractNum
//    continue one sequence; a w:lvlOverride/w:startOverride restarts its level the first time
//    its w:num is used; a full w:lvlOverride/w:lvl replaces the level's format for that w:num;
//  - using a level restarts every deeper level at its w:start;
//  - w:lvlText "%1.%2" is filled with each level's counter in that level's w:numFmt (decimal,
//    decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman; other formats as decimal;
//    w:isLgl forces decimal); "bullet" levels give their symbol, Symbol-font bullets as "•".
// Not modelled: w:lvlRestart, w:numStyleLink indirection, legacy w:legacy numbering.
#ifndef UPRX_EXTRACTORS_DOCX_NUMBERING_H_
#define UPRX_EXTRACTORS_DOCX_NUMBERING_H_

#include <array>
#include <initializer_list>
#include <map>
#include <optional>
#include <pugixml.hpp>
#include <set>
#include <string>
#include <string_view>
#include <utility>

namespace uprx::extractors {

// Element and attribute names of one WordprocessingML part. pugixml does not resolve
// namespaces, so names are matched with the prefix the part's root element uses ("w:" from
// Word, sometimes "ns0:" or none from other producers).
class WordNames {
 public:
  explicit WordNames(const pugi::xml_node& root);
  const std::string& prefix() const { return prefix_; }
  // True when `node` is the element `local` ("p", "tbl") of this namespace.
  bool Is(const pugi::xml_node& node, std::string_view local) const;
  pugi::xml_node Child(const pugi::xml_node& node, std::string_view local) const;
  // The first child `local`, then its first child `local2`, ...: Path(p, {"pPr", "numPr"}).
  pugi::xml_node Path(pugi::xml_node node, std::initializer_list<std::string_view> locals) const;
  // Attribute `local` (prefixed, e.g. w:val) of `node`, or "" when absent.
  std::string_view Attr(const pugi::xml_node& node, std::string_view local) const;
  // Attribute `local` as an integer; nullopt when absent or not a number.
  std::optional<int> IntAttr(const pugi::xml_node& node, std::string_view local) const;

 private:
  std::string prefix_;
};

class DocxNumbering {
 public:
  static constexpr int kLevels = 9;

  // Either root may be empty (a document without numbering or styles part). Element names are
  // matched with the prefix each root uses for the WordprocessingML namespace.
  DocxNumbering(const pugi::xml_node& numbering_root, const pugi::xml_node& styles_root);

  // The label of `paragraph` (a w:p of word/document.xml, whose names are `w`), advancing the
  // counters; "" for an unnumbered paragraph. Call it for every paragraph in document order,
  // table cells included.
  std::string NextLabel(const pugi::xml_node& paragraph, const WordNames& w);

 private:
  struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text;
    bool legal = false;           // w:isLgl: all levels shown as decimal
    std::string paragraph_style;  // w:pStyle: the style this level is attached to
  };
  struct Instance {
    int abstract_id = 0;
    std::array<std::optional<int>, kLevels> start_override;
    std::array<std::optional<Level>, kLevels> level_override;
  };
  struct Counters {
    std::array<int, kLevels> value{};
    std::array<bool, kLevels> used{};
  };
  struct StyleNumbering {
    std::optional<int> num_id;
    std::optional<int> level;
  };

  static Level ParseLevel(const WordNames& w, const pugi::xml_node& lvl);
  void ParseNumbering(const pugi::xml_node& root);
  void ParseStyles(const pugi::xml_node& root);
  // The numId and level of a paragraph, from its own w:numPr or its style's; nullopt when it
  // is not numbered or names an instance numbering.xml does not define.
  std::optional<std::pair<int, int>> NumberingOf(const pugi::xml_node& paragraph,
                                                 const WordNames& w) const;
  const Level& LevelOf(const Instance& instance, int level) const;
  void Advance(int num_id, const Instance& instance, int level);
  std::string Render(const Instance& instance, int level) const;

  std::map<int, std::array<Level, kLevels>> abstracts_;
  std::map<int, Instance> instances_;
  std::map<std::string, StyleNumbering> styles_;  // by styleId, w:basedOn already followed
  std::map<int, Counters> counters_;              // by abstractNumId
  std::set<std::pair<int, int>> overrides_used_;  // (numId, level)
};

}  // namespace uprx::extractors

#endif  // UPRX_EXTRACTORS_DOCX_NUMBERING_H_
