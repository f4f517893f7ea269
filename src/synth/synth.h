// The synthetic population generator's front door (issue 5): a province, or the whole country,
// of households and members with their survey answers year by year, realistic enough to demo,
// test and benchmark An Sinh, and calibrated so that classification lands on GSO's published
// poverty rates and income quintiles (docs/generator.md).
//
// Generate() owns the model and the randomness; where the data goes is a Sink's business (CSV
// files in the import format, a database, an analytics snapshot). Promises:
// - the same options and seed give the same batches in the same order, whatever the number of
//   threads: every household draws from its own counter-based stream (synth/rng.h);
// - memory stays bounded: batches (one commune each) are handed over as they are made;
// - the generator never writes a category (poor, near-poor): the rules decide those.
// Errors are Status values; no exception leaves this header's functions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/admin_unit.h"
#include "core/household.h"
#include "core/status.h"

namespace ansinh::synth {

inline constexpr std::uint64_t kDefaultSeed = 20110130;  // the day QĐ 09/2011 was signed

struct GenerateOptions {
  std::string home;           // the folder that holds data/ (ANSINH_HOME)
  std::string province_code;  // "96"; ignored when `national`
  bool national = false;      // all 63 provinces, in code order
  // Households of the province; 0 = the province's real count (data/synth/provinces.csv).
  // With `national`, a fraction of each province's count: households / sum of real counts.
  std::int64_t households = 0;
  int first_year = 2010;
  int last_year = 2020;
  std::uint64_t seed = kDefaultSeed;
  int threads = 0;  // 0 = the machine's hardware threads
  // For fitting only (tools/synth_fit_conditions): replaces the province's conditions_shift.
  std::optional<double> conditions_shift;
};

// One commune's households, made together. Ids are dense and stable for a seed and options:
// a household's id is its 1-based position in the run; a member's id is household id * 100 + k
// (k = 1.. in the household). Household::code is "<commune_code>-<nnnnn>", Person::code
// "<household code>-<kk>". Rows come household by household, years ascending.
struct Batch {
  std::string province_code;
  AdminUnit commune;
  std::vector<Hamlet> hamlets;  // the commune's hamlets, numbered 1.. in the commune (Hamlet::id)
  std::vector<Household> households;  // hamlet_id is an index into `hamlets` (1-based)
  std::vector<Person> persons;
  std::vector<HouseholdYear> household_years;
  std::vector<PersonYear> person_years;
};

// Where batches go. Begin once, Consume for each batch in order, Finish once; the first error
// stops the run and is returned by Generate. Called from one thread.
class Sink {
 public:
  virtual ~Sink() = default;
  virtual Status Begin(const GenerateOptions& /*options*/) { return Status::Ok(); }
  virtual Status Consume(const Batch& batch) = 0;
  virtual Status Finish() { return Status::Ok(); }
};

// Feeds every batch to each of several sinks (say, a CSV folder and the report).
class TeeSink : public Sink {
 public:
  explicit TeeSink(std::vector<Sink*> sinks) : sinks_(std::move(sinks)) {}
  Status Begin(const GenerateOptions& options) override;
  Status Consume(const Batch& batch) override;
  Status Finish() override;

 private:
  std::vector<Sink*> sinks_;
};

// Generates and hands batches to `sink`. kNotFound for an unknown province; kInvalidArgument for
// a bad year range; kFailedPrecondition when the province has no fitted income curve.
Status Generate(const GenerateOptions& options, Sink& sink);

// A sink writing the import interchange format (docs/import-format.md) into folder `dir`
// (created if need be): households.csv, persons.csv, household_years.csv, person_years.csv,
// UTF-8, RFC 4180, streamed.
Result<std::unique_ptr<Sink>> OpenCsvSink(const std::string& dir);

}  // namespace ansinh::synth
