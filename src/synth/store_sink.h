// A Sink that writes the generated registry into a database made by `ansinh init` for the same
// province, through the store's bulk loader (store/bulk_loader.h): one transaction, one audit row
// for the whole load, nothing written if the run fails.
#pragma once

#include <memory>

#include "store/store.h"
#include "synth/synth.h"

namespace ansinh::synth {

// `store` must outlive the sink and hold the province being generated, and no households yet.
Result<std::unique_ptr<Sink>> OpenStoreSink(store::Store& store, const store::Actor& actor);

}  // namespace ansinh::synth
