// Reading a dataset one step ahead of what is done with it: the files are read and parsed on a
// thread of their own while the caller's sink works on the rows already read (ansinh import's
// write pass: reading on one core, SQLite on the other).
//
// Owns: one reading thread per call, and the bounded hand-over between it and the caller.
// Must stay true: the sink sees exactly what StreamDataset would give it, in the same order, on
// the calling thread; at most kBatchesAhead batches of kBatchEvents rows are held, whatever the
// dataset's size; the thread has ended when the call returns (also after an error).
#pragma once

#include <cstddef>
#include <string>

#include "core/status.h"
#include "io/dataset.h"

namespace ansinh::io {

inline constexpr std::size_t kBatchEvents = 1024;
inline constexpr std::size_t kBatchesAhead = 4;

// As StreamDataset(path, mapping, sink, encoding), with the reading on a second thread.
// `encoding` is written by the reading thread and may be read once the call has returned.
Status StreamDatasetAhead(const std::string& path, const ColumnMapping& mapping,
                          DatasetSink& sink, EncodingReport* encoding = nullptr);

}  // namespace ansinh::io
