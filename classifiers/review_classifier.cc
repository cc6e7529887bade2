#include "classifiers/review_classifier.h"

#include <fstream>
#include <sstream>
#include <variant>

#include "pipeline/core/embedded_data.h"
#include "pipeline/core/text_util.h"

namespace uprx::classifiers {
namespace {

// A model file as written by `uprx train`: the action category's LinearModel or a taxonomy's
// MultiLabelModel, told apart by their first line.
using AnyModel = std::variant<LinearModel, MultiLabelModel>;

core::Result<AnyModel> LoadModel(const std::string& path) {
  auto read = core::ReadWholeFile(path, "model file");
  if (!read.ok()) return read.status();
  const std::string& text = read.value();
  if (MultiLabelModel::LooksLikeOne(text)) {
    auto m = MultiLabelModel::Parse(text, path);
    if (!m.ok()) return m.status();
    return AnyModel(std::move(m).value());
  }
  auto m = LinearModel::Parse(text, path);
  if (!m.ok()) return m.status();
  return AnyModel(std::move(m).value());
}

std::string ModelTaxonomy(const AnyModel& model) {
  if (const auto* multi = std::get_if<MultiLabelModel>(&model)) return multi->Meta("taxonomy");
  for (const auto& [key, value] : std::get<LinearModel>(model).metadata()) {
    if (key == "taxonomy") return value;
  }
  return "";
}

// The models given, by the taxonomy id their metadata names.
core::Result<std::map<std::string, AnyModel>> LoadModels(const std::vector<std::string>& paths) {
  std::map<std::string, AnyModel> models;
  for (const std::string& path : paths) {
    auto m = LoadModel(path);
    if (!m.ok()) return m.status();
    const std::string taxonomy = ModelTaxonomy(m.value());
    if (taxonomy.empty()) {
      return core::Status("model_invalid", path + ": the model does not name its taxonomy");
    }
    if (!models.emplace(taxonomy, std::move(m).value()).second) {
      return core::Status("model_invalid", path + ": a second model for taxonomy " + taxonomy);
    }
  }
  return models;
}

// The user's taxonomy files, by id.
core::Result<std::map<std::string, Taxonomy>> LoadUserTaxonomies(
    const std::vector<std::string>& paths) {
  std::map<std::string, Taxonomy> out;
  for (const std::string& path : paths) {
    auto t = Taxonomy::LoadFile(path);
    if (!t.ok()) return t.status();
    const std::string id = t.value().id();
    out.insert_or_assign(id, std::move(t).value());
  }
  return out;
}

}  // namespace

const std::vector<TaxonomyKind>& EmbeddedTaxonomies() {
  static const std::vector<TaxonomyKind> kinds = {{"themes", "uhri.tsv", 0, 0},
                                                  {"groups", "uhri_persons.tsv", 0, 0},
                                                  {"issues", "uprinfo.tsv", 0, 0},
                                                  {"action", "action.tsv", 1, 5},
                                                  {"sdgs", "sdg.tsv", 1, 17}};
  return kinds;
}

core::Result<ReviewClassifier> ReviewClassifier::Create(const ClassifierOptions& options) {
  auto models = LoadModels(options.model_paths);
  if (!models.ok()) return models.status();
  auto user = LoadUserTaxonomies(options.taxonomy_paths);
  if (!user.ok()) return user.status();
  ReviewClassifier rc;
  for (const TaxonomyKind& k : EmbeddedTaxonomies()) {
    if (!EmbeddedData(k.file)) continue;  // not compiled in: this kind stays null
    auto t = Taxonomy::LoadEmbedded(k.file);
    if (!t.ok()) return t.status();
    if (auto it = user.value().find(t.value().id()); it != user.value().end()) {
      t = std::move(it->second);
      user.value().erase(it);
    }
    if (k.max_id > 0) {
      if (core::Status s = t.value().CheckNumericIds(k.min_id, k.max_id); !s.ok()) return s;
    }
    const std::string id = t.value().id();
    rc.versions_[id] = t.value().version();
    std::optional<AnyModel> model;
    if (auto it = models.value().find(id); it != models.value().end()) {
      model = std::move(it->second);
      models.value().erase(it);
    }
    const bool is_action = std::string(k.kind) == "action";
    if (model && std::holds_alternative<LinearModel>(*model) != is_action) {
      return core::Status("model_invalid", "the model for taxonomy " + id + " is a " +
                                               (is_action ? "multi-label" : "single-label") +
                                               " model: train it again (uprx train)");
    }
    if (is_action) {
      std::optional<LinearModel> linear;
      if (model) linear = std::get<LinearModel>(std::move(*model));
      auto ac = ActionClassifier::Create(t.value(), std::move(linear));
      if (!ac.ok()) return ac.status();
      rc.action_ = std::make_shared<const ActionClassifier>(std::move(ac).value());
      continue;
    }
    std::optional<MultiLabelModel> multi;
    if (model) multi = std::get<MultiLabelModel>(std::move(*model));
    auto mc = MultiLabelClassifier::Create(t.value(), std::move(multi));
    if (!mc.ok()) return mc.status();
    rc.parts_.push_back(
        {k.kind, std::make_shared<const MultiLabelClassifier>(std::move(mc).value())});
  }
  if (!user.value().empty()) {
    return core::Status("taxonomy_invalid", "taxonomy '" + user.value().begin()->first +
                                                "' is not one uprx classifies with");
  }
  if (!options.profile.empty()) {
    auto stage = MinistryStage::Create(options.profile);
    if (!stage.ok()) return stage.status();
    rc.ministries_ = std::make_shared<const MinistryStage>(std::move(stage).value());
  }
  if (!models.value().empty()) {
    return core::Status("model_invalid", "a model for taxonomy '" + models.value().begin()->first +
                                             "', which this binary does not have");
  }
  return rc;
}

core::Labels ReviewClassifier::ClassifyText(const std::string& text) const {
  core::Labels labels;
  for (const Part& p : parts_) {
    std::vector<core::AssignedLabel> given = p.multi->Classify(text);
    if (p.kind == "themes") labels.themes = std::move(given);
    if (p.kind == "groups") labels.groups = std::move(given);
    if (p.kind == "issues") labels.issues = std::move(given);
    if (p.kind == "sdgs") labels.sdgs = std::move(given);
  }
  if (action_) {
    ActionLabel a = action_->Classify(text);
    labels.action = core::AssignedLabel{"action", std::to_string(a.category), a.name, a.score,
                                        a.method, std::move(a.evidence),      ""};
  }
  return labels;
}

void ReviewClassifier::Classify(core::Review& review) const {
  for (core::Recommendation& r : review.recommendations) {
    core::Labels labels = ClassifyText(r.text);
    labels.ministries = std::move(r.labels.ministries);  // assigned by its own stage
    r.labels = std::move(labels);
  }
  review.taxonomies.insert(versions_.begin(), versions_.end());
  if (ministries_) ministries_->Assign(review);  // after the themes, which it reads
}

}  // namespace uprx::classifiers
