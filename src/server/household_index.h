// The province's households as GET /api/v1/households lists them, read once and kept in memory
// with their orders precomputed, so that a page of a province-wide list sorted by name is a walk
// along a ready-made order and never a read and sort of 281,252 households per request.
//
// Owns: one entry per household (code, head's name and its search key, commune, hamlet, member
// count), the order by Vietnamese collation of the head's name (ICU sort keys computed once, ties
// by code) and by code; per survey year, read on first use and kept, each household's income per
// capita and the order by it; every person's name search key, laid end to end, ordered, and every
// later word of a name ordered, so that each kind of the search's match is a binary search.
// Like the analytics (server.h), it is the registry as it was when read; the server rebuilds it
// when the audit log shows the registry changed (HouseholdIndexHolder::Rebuild).
// Thread safety: immutable once built, except the per-year cache, which a mutex guards.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "server/area.h"
#include "server/store_pool.h"

namespace ansinh::server {

class HouseholdIndex {
 public:
  struct Entry {
    std::int64_t id = 0;
    std::string code;
    std::string head_name;
    std::string name_key;      // SearchKey(head_name): the `q` filter matches inside it
    std::string code_key;      // SearchKey(code): the `q` filter matches its start
    std::int32_t commune = 0;  // index into communes()
    std::int32_t hamlet = 0;   // index into hamlets()
    std::int32_t members = 0;
  };
  // An order of the entries, whole (a list over many communes walks it) and split by commune
  // (a commune's list walks only its own households): commune c's entries, in the same order,
  // are split[starts[c] .. starts[c + 1]).
  struct Order {
    std::vector<std::int32_t> all;
    std::vector<std::int32_t> split;
    std::vector<std::int32_t> starts;
    std::span<const std::int32_t> Of(std::int32_t commune) const {
      const auto c = static_cast<std::size_t>(commune);
      return std::span<const std::int32_t>(split).subspan(
          static_cast<std::size_t>(starts[c]), static_cast<std::size_t>(starts[c + 1] - starts[c]));
    }
  };
  // One survey year: the income per capita of each entry (none without a survey that year) and
  // the entries ordered by it (ties by code).
  struct Year {
    std::vector<std::optional<Vnd>> income_pc;
    Order by_income;
  };

  // Reads every household of the province's communes with the incomes of `year` (the year most
  // asked for: the latest) and computes the orders.
  static Result<std::unique_ptr<HouseholdIndex>> Build(StorePool& stores, const UnitDirectory& units,
                                                       int year);

  const std::vector<Entry>& entries() const { return entries_; }
  // The commune index of each entry, apart from the entries so that a walk along an order that
  // checks only the area stays in a small array.
  const std::vector<std::int32_t>& commune_of() const { return commune_of_; }
  // The registry id of each entry, ascending, likewise apart (merged with the analytics' rows).
  const std::vector<std::int64_t>& ids() const { return ids_; }
  const std::vector<std::string>& communes() const { return communes_; }
  const std::vector<std::string>& hamlets() const { return hamlets_; }
  // Entry positions in Vietnamese order of the head's name, then by code.
  const Order& by_name() const { return by_name_; }
  const Order& by_code() const { return by_code_; }
  // Which entries lie in the communes at or below `unit`: a flag per commune index.
  std::vector<char> CommuneMask(const UnitDirectory& units, const std::string& unit) const;
  // A flag per entry: the search key `q` occurs in the head's name's key, or starts the code's.
  // One pass of memmem over the names laid end to end, and a binary search of the code order.
  std::vector<char> Matches(const std::string& q) const;

  // A person found by a name search.
  struct PersonMatch {
    std::int64_t person_id = 0;
    std::int32_t entry = 0;  // the household's position in entries()
  };
  // The search's kinds of match, each within the communes flagged in `commune_mask`, at most
  // `max`, found by binary search in orders built once (a request never scans the registry):
  // households whose code's key starts with `key`, in code order;
  std::vector<std::int32_t> CodeMatches(const std::string& key, const std::vector<char>& commune_mask,
                                        std::size_t max) const;
  // persons whose name's key starts with `key`, in key order;
  std::vector<PersonMatch> NameStartMatches(const std::string& key, const std::vector<char>& commune_mask,
                                            std::size_t max) const;
  // persons with a later word of the name (not the first) starting with `key`, in key order
  // of the name from that word.
  std::vector<PersonMatch> LaterWordMatches(const std::string& key, const std::vector<char>& commune_mask,
                                            std::size_t max) const;
  // The entry of registry household `id`; -1 when it is not listed.
  std::int32_t EntryOf(std::int64_t household_id) const;

  // The incomes of `year`, read from the store on the first request for it.
  Result<std::shared_ptr<const Year>> YearData(StorePool& stores, int year) const;

 private:
  HouseholdIndex() = default;
  Status ReadPersonKeys(StorePool& stores);
  Status ReadPersonKeysFrom(store::Store& store);
  // Person `person`'s key from offset `from` of person_keys_ to the end of the name.
  std::string_view PersonKey(std::uint32_t person, std::uint32_t from) const;

  std::vector<Entry> entries_;  // in registry id order
  std::vector<std::int32_t> commune_of_;
  std::vector<std::int64_t> ids_;
  std::string name_keys_;                 // every entry's name_key, each followed by '\n'
  std::vector<std::size_t> name_starts_;  // where each entry's key starts in name_keys_
  std::vector<std::string> communes_, hamlets_;
  std::map<std::string, std::int32_t> commune_index_;
  Order by_name_, by_code_;
  std::vector<std::int32_t> by_code_key_;  // by code_key: a code prefix is one range of it
  std::string person_keys_;                  // every person's search key, each followed by '\n'
  std::vector<std::uint32_t> person_starts_;  // where each person's key starts
  std::vector<std::int64_t> person_ids_;
  std::vector<std::int32_t> person_entry_;   // the household's entry; -1 for one not listed
  std::vector<std::uint32_t> person_by_key_;  // persons in order of their key
  // Where each later word of a name starts in person_keys_, with its person, in order of the
  // key from there to the end of the name.
  struct Word {
    std::uint32_t at = 0;
    std::uint32_t person = 0;
  };
  std::vector<Word> later_words_;
  mutable std::mutex years_mu_;
  mutable std::map<int, std::shared_ptr<const Year>> years_;  // guarded by years_mu_
};

// The index once built; built by the first caller (or the server's warm-up at start), the others
// waiting for it. A failed build is retried by the next caller. Safe across threads.
class HouseholdIndexHolder {
 public:
  Result<std::shared_ptr<const HouseholdIndex>> Get(StorePool& stores, const UnitDirectory& units,
                                                    int year);
  // Builds a new index from the store as it is now and puts it in place of the one held; the
  // held one answers until then, and stays on failure.
  Status Rebuild(StorePool& stores, const UnitDirectory& units, int year);

 private:
  std::mutex mu_;
  std::shared_ptr<const HouseholdIndex> index_;  // guarded by mu_
};

}  // namespace ansinh::server
