// The classify stage: labels every recommendation of a Review with each taxonomy compiled into
// the binary (uhri themes, uhri affected persons, uprinfo issues, action category, sdg goals)
// and records the taxonomies' versions in Review::taxonomies (generator.taxonomies). A kind
// whose taxonomy is missing stays null; a model given for a taxonomy joins its rules.
//
//   auto c = ReviewClassifier::Create({.model_paths = {"issues.model"}});
//   if (!c.ok()) { std::cerr << c.status().ToString(); return 1; }
//   c.value().Classify(review);   // fills recommendation.labels
//
// Immutable after Create(); Classify() is thread-safe for different reviews.
#ifndef UPRX_CLASSIFIERS_REVIEW_CLASSIFIER_H_
#define UPRX_CLASSIFIERS_REVIEW_CLASSIFIER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "classifiers/action_classifier.h"
#include "classifiers/ministry_assigner.h"
#include "classifiers/multi_label_classifier.h"
#include "classifiers/taxonomy.h"
#include "pipeline/core/document.h"
#include "pipeline/core/status.h"

namespace uprx::classifiers {

struct ClassifierOptions {
  // Models written by `uprx train`; each names the taxonomy it was trained for.
  std::vector<std::string> model_paths;
  // Taxonomy files that replace the compiled-in taxonomy of the same id (a user's own rules).
  std::vector<std::string> taxonomy_paths;
  // The government profile for labels.ministries: "" (ministries left as they are), "auto"
  // (the State under review's, else generic), a compiled-in name ("KHM") or a JSON file.
  std::string profile;
};

// The taxonomy files compiled into the binary, by the label kind they fill, in output order.
struct TaxonomyKind {
  const char* kind;  // "themes", "groups", "issues", "action", "sdgs"
  const char* file;  // "uhri.tsv"
  // Ids written as numbers in the JSON (action category, SDG goal) lie in [min_id, max_id];
  // max_id 0: ids are text.
  int min_id = 0, max_id = 0;
};
const std::vector<TaxonomyKind>& EmbeddedTaxonomies();

class ReviewClassifier {
 public:
  // Loads the taxonomies and models; "taxonomy_invalid", "model_invalid" or "unreadable" naming
  // the file and line that is wrong.
  [[nodiscard]] static core::Result<ReviewClassifier> Create(const ClassifierOptions& options);

  // Replaces the labels of every recommendation (the kinds this classifier has) and adds the
  // taxonomies used to review.taxonomies.
  void Classify(core::Review& review) const;
  // The labels of one text, as Classify() gives them.
  core::Labels ClassifyText(const std::string& text) const;
  // The ministries stage, or nullptr when no profile was asked for.
  const MinistryStage* ministries() const { return ministries_.get(); }

 private:
  ReviewClassifier() = default;

  struct Part {
    std::string kind;
    std::shared_ptr<const MultiLabelClassifier> multi;  // all kinds but action
  };
  std::vector<Part> parts_;
  std::shared_ptr<const ActionClassifier> action_;
  std::map<std::string, std::string> versions_;  // taxonomy id -> version
  std::shared_ptr<const MinistryStage> ministries_;
};

}  // namespace uprx::classifiers

#endif  // UPRX_CLASSIFIERS_REVIEW_CLASSIFIER_H_
