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
