// The in-memory household list (household_index.h): one read of HouseholdDirectory::List for the
// whole province, ICU sort keys computed once to order it, and the incomes of each year read on
// first use.
#include "server/household_index.h"

#include <algorithm>
#include <numeric>
#include <utility>

#include "core/text.h"
#include "server/params.h"
#include "store/household_directory.h"

namespace ansinh::server {
namespace {

// The positions 0..n-1 ordered by `less`.
template <typename Less>
std::vector<std::int32_t> OrderBy(std::size_t n, Less less) {
  std::vector<std::int32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), less);
  return order;
}

// `order` whole and split by the entries' communes (a stable counting sort).
HouseholdIndex::Order SplitByCommune(std::vector<std::int32_t> order,
                                     const std::vector<std::int32_t>& commune_of, std::size_t communes) {
  HouseholdIndex::Order out;
  out.starts.assign(communes + 1, 0);
  for (std::int32_t c : commune_of) ++out.starts[static_cast<std::size_t>(c) + 1];
  std::partial_sum(out.starts.begin(), out.starts.end(), out.starts.begin());
  std::vector<std::int32_t> next(out.starts.begin(), out.starts.end() - 1);
  out.split.resize(order.size());
  for (std::int32_t position : order) {
    const auto c = static_cast<std::size_t>(commune_of[static_cast<std::size_t>(position)]);
    out.split[static_cast<std::size_t>(next[c]++)] = position;
  }
  out.all = std::move(order);
  return out;
}

Result<std::vector<store::HouseholdRow>> ReadRows(StorePool& stores, const std::vector<std::string>& communes,
                                                  int year) {
  auto lease = stores.Acquire();
  return store::HouseholdDirectory(*lease).List(communes, year);
}

// The incomes per capita of `rows` (in the index's id order) and the order by them.
std::shared_ptr<const HouseholdIndex::Year> YearOf(const std::vector<HouseholdIndex::Entry>& entries,
                                                   const std::vector<std::int32_t>& commune_of,
                                                   std::size_t communes,
                                                   const std::vector<store::HouseholdRow>& rows) {
  auto year = std::make_shared<HouseholdIndex::Year>();
  year->income_pc.resize(entries.size());
  // Both lists are in id order; a household added since the index was built is skipped.
  std::size_t r = 0;
  for (std::size_t e = 0; e < entries.size(); ++e) {
    while (r < rows.size() && rows[r].id < entries[e].id) ++r;
    if (r == rows.size() || rows[r].id != entries[e].id) continue;
    const store::HouseholdRow& row = rows[r];
    if (row.income_month && row.members > 0) year->income_pc[e] = *row.income_month / row.members;
  }
  const auto& income = year->income_pc;
  year->by_income = SplitByCommune(OrderBy(entries.size(), [&](std::int32_t a, std::int32_t b) {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    if (income[ua] != income[ub]) return income[ua] < income[ub];
    return entries[ua].code < entries[ub].code;
  }), commune_of, communes);
  return year;
}

}  // namespace

Result<std::unique_ptr<HouseholdIndex>> HouseholdIndex::Build(StorePool& stores, const UnitDirectory& units,
                                                              int year) {
  std::unique_ptr<HouseholdIndex> index(new HouseholdIndex());
  index->communes_ = units.CommunesUnder(units.root().code);
  for (std::size_t i = 0; i < index->communes_.size(); ++i) {
    index->commune_index_[index->communes_[i]] = static_cast<std::int32_t>(i);
  }
  ANSINH_ASSIGN_OR_RETURN(std::vector<store::HouseholdRow> rows, ReadRows(stores, index->communes_, year));
  ANSINH_ASSIGN_OR_RETURN(VietnameseCollator collator, VietnameseCollator::Create());
  std::map<std::string, std::int32_t> hamlet_index;
  std::vector<std::string> name_keys;  // collation keys, only while sorting
  index->entries_.reserve(rows.size());
  name_keys.reserve(rows.size());
  for (const store::HouseholdRow& row : rows) {
    Entry e;
    e.id = row.id;
    e.code = row.code;
    e.head_name = row.head_name;
    e.name_key = SearchKey(row.head_name);
    e.code_key = SearchKey(row.code);
    e.commune = index->commune_index_.at(row.commune_code);  // List returns only these communes
    auto [it, added] = hamlet_index.emplace(row.hamlet, static_cast<std::int32_t>(index->hamlets_.size()));
    if (added) index->hamlets_.push_back(row.hamlet);
    e.hamlet = it->second;
    e.members = static_cast<std::int32_t>(row.members);
    name_keys.push_back(collator.SortKey(row.head_name));
    index->commune_of_.push_back(e.commune);
    index->ids_.push_back(e.id);
    index->name_starts_.push_back(index->name_keys_.size());
    index->name_keys_ += e.name_key;
    index->name_keys_ += '\n';  // never inside a search key: a match never spans two names
    index->entries_.push_back(std::move(e));
  }
  const auto& entries = index->entries_;
  const auto& commune_of = index->commune_of_;
  const std::size_t communes = index->communes_.size();
  index->by_name_ = SplitByCommune(OrderBy(entries.size(), [&](std::int32_t a, std::int32_t b) {
    const auto ua = static_cast<std::size_t>(a), ub = static_cast<std::size_t>(b);
    if (name_keys[ua] != name_keys[ub]) return name_keys[ua] < name_keys[ub];
    return entries[ua].code < entries[ub].code;
  }), commune_of, communes);
  index->by_code_ = SplitByCommune(OrderBy(entries.size(), [&](std::int32_t a, std::int32_t b) {
    return entries[static_cast<std::size_t>(a)].code < entries[static_cast<std::size_t>(b)].code;
  }), commune_of, communes);
  index->by_code_key_ = OrderBy(entries.size(), [&](std::int32_t a, std::int32_t b) {
    return entries[static_cast<std::size_t>(a)].code_key < entries[static_cast<std::size_t>(b)].code_key;
  });
  index->years_[year] = YearOf(entries, commune_of, communes, rows);
  ANSINH_RETURN_IF_ERROR(index->ReadPersonKeys(stores));
  return index;
}

std::vector<char> HouseholdIndex::CommuneMask(const UnitDirectory& units, const std::string& unit) const {
  std::vector<char> mask(communes_.size(), 0);
  for (const std::string& code : units.CommunesUnder(unit)) {
    auto it = commune_index_.find(code);
    if (it != commune_index_.end()) mask[static_cast<std::size_t>(it->second)] = 1;
  }
  return mask;
}

Status HouseholdIndex::ReadPersonKeys(StorePool& stores) {
  {
    auto lease = stores.Acquire();
    ANSINH_RETURN_IF_ERROR(ReadPersonKeysFrom(*lease));
  }
  // The orders of the names' keys and of their later words (about two words a person).
  const auto persons = static_cast<std::uint32_t>(person_ids_.size());
  person_by_key_.resize(persons);
  std::iota(person_by_key_.begin(), person_by_key_.end(), 0u);
  std::sort(person_by_key_.begin(), person_by_key_.end(), [this](std::uint32_t a, std::uint32_t b) {
    return PersonKey(a, person_starts_[a]) < PersonKey(b, person_starts_[b]);
  });
  for (std::uint32_t p = 0; p < persons; ++p) {
    const std::string_view key = PersonKey(p, person_starts_[p]);
    for (std::size_t i = 1; i < key.size(); ++i) {
      if (key[i - 1] == ' ' && key[i] != ' ') {
        later_words_.push_back({static_cast<std::uint32_t>(person_starts_[p] + i), p});
      }
    }
  }
  std::sort(later_words_.begin(), later_words_.end(), [this](const Word& a, const Word& b) {
    return PersonKey(a.person, a.at) < PersonKey(b.person, b.at);
  });
  return Status::Ok();
}

Status HouseholdIndex::ReadPersonKeysFrom(store::Store& store) {
  return store::HouseholdDirectory(store).ForEachPersonKey(
      [this](std::int64_t id, std::int64_t household_id, std::string_view key) {
        auto it = std::lower_bound(entries_.begin(), entries_.end(), household_id,
                                   [](const Entry& e, std::int64_t h) { return e.id < h; });
        person_entry_.push_back(it != entries_.end() && it->id == household_id
                                    ? static_cast<std::int32_t>(it - entries_.begin())
                                    : -1);
        person_ids_.push_back(id);
        person_starts_.push_back(static_cast<std::uint32_t>(person_keys_.size()));
        person_keys_ += key;
        person_keys_ += '\n';
      });
}

namespace {

// The positions of `order` whose text (by `text_of`) starts with `key`: one range of the order,
// found by binary search.
template <typename Order, typename TextOf>
std::pair<typename Order::const_iterator, typename Order::const_iterator> PrefixRange(
    const Order& order, std::string_view key, TextOf text_of) {
  auto first = std::lower_bound(order.begin(), order.end(), key,
                                [&](const auto& e, std::string_view k) { return text_of(e) < k; });
  auto last = std::upper_bound(first, order.end(), key, [&](std::string_view k, const auto& e) {
    return k < text_of(e).substr(0, k.size());
  });
  return {first, last};
}

}  // namespace

std::string_view HouseholdIndex::PersonKey(std::uint32_t person, std::uint32_t from) const {
  const std::size_t end = person + 1 < person_starts_.size() ? person_starts_[person + 1] - 1
                                                            : person_keys_.size() - 1;  // before '\n'
  return std::string_view(person_keys_).substr(from, end - from);
}

std::int32_t HouseholdIndex::EntryOf(std::int64_t household_id) const {
  auto it = std::lower_bound(ids_.begin(), ids_.end(), household_id);
  return it != ids_.end() && *it == household_id ? static_cast<std::int32_t>(it - ids_.begin()) : -1;
}

std::vector<std::int32_t> HouseholdIndex::CodeMatches(const std::string& key,
                                                      const std::vector<char>& commune_mask,
                                                      std::size_t max) const {
  std::vector<std::int32_t> out;
  if (key.empty()) return out;
  auto [first, last] = PrefixRange(by_code_key_, key, [this](std::int32_t e) {
    return std::string_view(entries_[static_cast<std::size_t>(e)].code_key);
  });
  for (auto it = first; it != last && out.size() < max; ++it) {
    if (commune_mask[static_cast<std::size_t>(commune_of_[static_cast<std::size_t>(*it)])]) out.push_back(*it);
  }
  return out;
}

std::vector<HouseholdIndex::PersonMatch> HouseholdIndex::NameStartMatches(
    const std::string& key, const std::vector<char>& commune_mask, std::size_t max) const {
  std::vector<PersonMatch> out;
  if (key.empty()) return out;
  auto [first, last] = PrefixRange(person_by_key_, key, [this](std::uint32_t p) {
    return PersonKey(p, person_starts_[p]);
  });
  for (auto it = first; it != last && out.size() < max; ++it) {
    const std::int32_t entry = person_entry_[*it];
    if (entry >= 0 && commune_mask[static_cast<std::size_t>(commune_of_[static_cast<std::size_t>(entry)])]) {
      out.push_back({person_ids_[*it], entry});
    }
  }
  return out;
}

std::vector<HouseholdIndex::PersonMatch> HouseholdIndex::LaterWordMatches(
    const std::string& key, const std::vector<char>& commune_mask, std::size_t max) const {
  std::vector<PersonMatch> out;
  if (key.empty()) return out;
  auto [first, last] = PrefixRange(later_words_, key, [this](const Word& w) {
    return PersonKey(w.person, w.at);
  });
  for (auto it = first; it != last && out.size() < max; ++it) {
    const std::int32_t entry = person_entry_[it->person];
    if (entry >= 0 && commune_mask[static_cast<std::size_t>(commune_of_[static_cast<std::size_t>(entry)])]) {
      out.push_back({person_ids_[it->person], entry});
    }
  }
  return out;
}

std::vector<char> HouseholdIndex::Matches(const std::string& q) const {
  std::vector<char> match(entries_.size(), 0);
  if (q.empty()) return match;
  const std::string_view all(name_keys_);
  for (std::size_t at = all.find(q); at != std::string_view::npos;) {
    // The entry whose key holds position `at`; the search goes on after that key.
    const auto next = std::upper_bound(name_starts_.begin(), name_starts_.end(), at);
    match[static_cast<std::size_t>(next - name_starts_.begin()) - 1] = 1;
    if (next == name_starts_.end()) break;
    at = all.find(q, *next);
  }
  auto first = std::lower_bound(by_code_key_.begin(), by_code_key_.end(), q, [this](std::int32_t e, const std::string& key) {
    return entries_[static_cast<std::size_t>(e)].code_key < key;
  });
  for (auto it = first; it != by_code_key_.end(); ++it) {
    const std::string& code = entries_[static_cast<std::size_t>(*it)].code_key;
    if (code.compare(0, q.size(), q) != 0) break;
    match[static_cast<std::size_t>(*it)] = 1;
  }
  return match;
}

Result<std::shared_ptr<const HouseholdIndex::Year>> HouseholdIndex::YearData(StorePool& stores, int year) const {
  {
    std::lock_guard lock(years_mu_);
    auto it = years_.find(year);
    if (it != years_.end()) return it->second;
  }
  // Read without the lock, so that the years already read keep answering; two first requests
  // for one year may both read it, and the first one kept wins.
  ANSINH_ASSIGN_OR_RETURN(std::vector<store::HouseholdRow> rows, ReadRows(stores, communes_, year));
  auto data = YearOf(entries_, commune_of_, communes_.size(), rows);
  std::lock_guard lock(years_mu_);
  return years_.emplace(year, std::move(data)).first->second;
}

Result<std::shared_ptr<const HouseholdIndex>> HouseholdIndexHolder::Get(StorePool& stores,
                                                                        const UnitDirectory& units, int year) {
  std::lock_guard lock(mu_);
  if (index_ == nullptr) {
    ANSINH_ASSIGN_OR_RETURN(auto built, HouseholdIndex::Build(stores, units, year));
    index_ = std::move(built);
  }
  return index_;
}

Status HouseholdIndexHolder::Rebuild(StorePool& stores, const UnitDirectory& units, int year) {
  ANSINH_ASSIGN_OR_RETURN(auto built, HouseholdIndex::Build(stores, units, year));
  std::shared_ptr<const HouseholdIndex> fresh = std::move(built);
  std::lock_guard lock(mu_);
  index_ = std::move(fresh);
  return Status::Ok();
}

}  // namespace ansinh::server
