// HouseholdDirectory: the rows a list of households and a search show — a household with its
// hamlet, head's name, member count and one year's income — read for a set of communes (the
// caller's area) in one query, so that an HTTP handler never sees SQL.
//
// Owns: the list query and the search (household code prefix, person name by the search key of
// core/text.h as a prefix of the name or of any word in it, ID number exactly). Promises: every
// row returned lies in one of the communes asked for; reads never write.
// Thread safety: like Store, one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "store/store.h"

namespace ansinh::store {

struct HouseholdRow {
  std::int64_t id = 0;
  std::string code;
  std::string commune_code;
  std::string hamlet;
  std::string head_name;  // "" when the household has no head on record
  std::int64_t members = 0;
  std::optional<Vnd> income_month;  // of the year asked for; none without a survey that year
  std::string matched_person;       // search only: the member whose name or ID number matched
};

class HouseholdDirectory {
 public:
  explicit HouseholdDirectory(Store& store) : store_(store) {}

  // Every household of `communes`, in id order, with the income of `year`.
  Result<std::vector<HouseholdRow>> List(const std::vector<std::string>& communes, int year);

  // The years with at least one household survey, ascending.
  Result<std::vector<int>> SurveyYears();

  // Households of `communes` matching `text`: by household code (prefix), by a member's name
  // (the search key of `text` as a prefix of the member's key or, with `later_words`, of a word
  // in it) or by a member's ID number (exactly). At most `limit` rows, households before persons.
  // A later word is a scan of every person's key; a caller that keeps the keys in memory (the
  // server: ForEachPersonKey) leaves it out.
  Result<std::vector<HouseholdRow>> Search(const std::vector<std::string>& communes,
                                           const std::string& text, int limit,
                                           bool later_words = true);

  // Every person's id, household and name search key, in id order.
  Status ForEachPersonKey(
      const std::function<void(std::int64_t id, std::int64_t household_id, std::string_view key)>& on_person);

  // A person's full name; "" when there is no such person.
  Result<std::string> PersonName(std::int64_t id);
  // The full names of `ids`, in the same order ("" for an id with no person): one query.
  Result<std::vector<std::string>> PersonNames(const std::vector<std::int64_t>& ids);

  // The persons whose ID number is `id_number` exactly (the index persons_by_id_number).
  struct IdNumberMatch {
    std::int64_t person_id = 0;
    std::int64_t household_id = 0;
    std::string full_name;
  };
  Result<std::vector<IdNumberMatch>> PersonsWithIdNumber(const std::string& id_number);

 private:
  Store& store_;
};

}  // namespace ansinh::store
