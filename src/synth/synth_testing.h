// For tests: a generated province in a new database, the fixture many suites start from.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "io/admin_units.h"
#include "store/store.h"
#include "synth/store_sink.h"
#include "synth/synth.h"

namespace ansinh::synth::testing {

// Options for `households` households of the demo province (96, Cà Mau) over the years
// first_year..last_year, on one thread (the same output on any machine), data from `home`.
inline GenerateOptions CaMauOptions(const std::string& home, int households, int first_year,
                                    int last_year) {
  GenerateOptions options;
  options.home = home;
  options.province_code = "96";
  options.households = households;
  options.first_year = first_year;
  options.last_year = last_year;
  options.threads = 1;
  return options;
}

// Creates the database at `path` with the units of options.province_code (from
// <options.home>/data/vn-admin-units.csv, as `ansinh init` does) and generates into it.
inline Result<std::unique_ptr<store::Store>> GenerateIntoNewStore(const std::string& path,
                                                                  const Clock& clock,
                                                                  const GenerateOptions& options) {
  const store::Actor actor{"test"};
  ANSINH_ASSIGN_OR_RETURN(auto db, store::Store::Open(path, clock));
  ANSINH_ASSIGN_OR_RETURN(auto units, io::LoadProvinceUnits(options.home + "/data/vn-admin-units.csv",
                                                            options.province_code));
  ANSINH_RETURN_IF_ERROR(db->units().InitProvince(units, actor));
  {
    ANSINH_ASSIGN_OR_RETURN(auto sink, OpenStoreSink(*db, actor));
    ANSINH_RETURN_IF_ERROR(Generate(options, *sink));
  }
  return db;
}

}  // namespace ansinh::synth::testing
