#include "app/household_classification.h"

#include <string>
#include <utility>
#include <vector>

#include "rules/classify.h"
#include "rules/frame_builder.h"

namespace ansinh::app {

Result<store::Classification> ClassifySurveyedHousehold(const store::SurveyedHousehold& surveyed,
                                                        const rules::StandardRegistry& registry,
                                                        const rules::Standard& standard,
                                                        std::optional<Category> last_year) {
  std::vector<rules::HouseholdRecord> record(1);
  record[0].survey = surveyed.survey;
  record[0].urban = surveyed.urban;
  std::vector<std::string> names;
  for (const store::SurveyMember& m : surveyed.members) {
    names.push_back(m.person.full_name);
    record[0].members.push_back({m.person, m.year});
  }
  ANSINH_ASSIGN_OR_RETURN(rules::Frame frame, rules::BuildFrame(registry.catalogue(), record));
  ANSINH_ASSIGN_OR_RETURN(rules::ClassifyResult r, rules::Classify(standard, frame));
  store::Classification c;
  c.household_id = surveyed.household.id;
  c.year = surveyed.survey.year;
  c.standard_id = standard.id;
  c.category = r.category[0];
  c.income_per_capita = r.income_per_capita[0];
  c.deprivation_count = r.deprivation_count[0];
  c.outcome = std::string(rules::ReviewOutcome(c.category, last_year));
  c.explanation_json =
      rules::ExplanationJson(standard, rules::Explain(standard, frame, r, 0, names));
  return c;
}

}  // namespace ansinh::app
