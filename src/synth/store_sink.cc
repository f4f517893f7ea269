#include "synth/store_sink.h"

#include <fmt/format.h>

#include "store/bulk_loader.h"

namespace ansinh::synth {
namespace {

class StoreSink : public Sink {
 public:
  StoreSink(store::Store& store, store::Actor actor) : store_(store), actor_(std::move(actor)) {}

  Status Begin(const GenerateOptions& options) override {
    ANSINH_ASSIGN_OR_RETURN(AdminUnit province, store_.units().Province());
    if (options.national || options.province_code != province.code) {
      return Status::Invalid("province", options.national ? "national" : options.province_code,
                             "cơ sở dữ liệu là của tỉnh " + province.code,
                             "the database holds province " + province.code);
    }
    const std::string description =
        fmt::format("ansinh generate --province {} --households {} --years {}-{} --seed {}",
                    options.province_code, options.households, options.first_year,
                    options.last_year, options.seed);
    ANSINH_ASSIGN_OR_RETURN(loader_, store::BulkLoader::Begin(store_, actor_, description));
    return Status::Ok();
  }

  Status Consume(const Batch& batch) override {
    // The batch numbers hamlets 1.. within the commune; the store numbers them itself.
    std::vector<std::int64_t> hamlet_ids;
    hamlet_ids.reserve(batch.hamlets.size());
    for (const Hamlet& h : batch.hamlets) {
      ANSINH_ASSIGN_OR_RETURN(std::int64_t id, loader_->AddHamlet(batch.commune.code, h.name));
      hamlet_ids.push_back(id);
    }
    for (Household h : batch.households) {
      h.hamlet_id = hamlet_ids.at(static_cast<std::size_t>(h.hamlet_id - 1));
      ANSINH_RETURN_IF_ERROR(loader_->AddHousehold(h));
    }
    for (const Person& p : batch.persons) ANSINH_RETURN_IF_ERROR(loader_->AddPerson(p));
    for (const HouseholdYear& y : batch.household_years) {
      ANSINH_RETURN_IF_ERROR(loader_->AddHouseholdYear(y));
    }
    for (const PersonYear& y : batch.person_years) {
      ANSINH_RETURN_IF_ERROR(loader_->AddPersonYear(y));
    }
    return Status::Ok();
  }

  Status Finish() override { return loader_->Commit(); }

 private:
  store::Store& store_;
  store::Actor actor_;
  std::unique_ptr<store::BulkLoader> loader_;
};

}  // namespace

Result<std::unique_ptr<Sink>> OpenStoreSink(store::Store& store, const store::Actor& actor) {
  return std::unique_ptr<Sink>(new StoreSink(store, actor));
}

}  // namespace ansinh::synth
