#include "io/dataset_pipe.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <variant>
#include <vector>

namespace ansinh::io {
namespace {

using Event = std::variant<TableSources, HouseholdRow, PersonRow, HouseholdYearRow, PersonYearRow,
                           ImportProblem, Table>;
using Batch = std::vector<Event>;

// The hand-over: the reader appends batches, the caller takes them; `stop` tells the reader that
// the caller gave up.
class Pipe {
 public:
  // False when the caller has stopped.
  bool Put(Batch batch) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return stop_ || batches_.size() < kBatchesAhead; });
    if (stop_) return false;
    batches_.push_back(std::move(batch));
    ready_.notify_one();
    return true;
  }
  void Close(Status status) {
    std::lock_guard lock(mutex_);
    closed_ = true;
    status_ = std::move(status);
    ready_.notify_one();
  }
  // False once the reader has closed and every batch was taken.
  bool Take(Batch* batch) {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return closed_ || !batches_.empty(); });
    if (batches_.empty()) return false;
    *batch = std::move(batches_.front());
    batches_.pop_front();
    room_.notify_one();
    return true;
  }
  void Stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    room_.notify_one();
  }
  Status status() {
    std::lock_guard lock(mutex_);
    return status_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_, room_;
  std::deque<Batch> batches_;
  bool closed_ = false, stop_ = false;
  Status status_;
};

// The reading thread's sink: copies each event into the current batch.
class Enqueue : public DatasetSink {
 public:
  explicit Enqueue(Pipe* pipe) : pipe_(pipe) { batch_.reserve(kBatchEvents); }
  void Begin(const TableSources& sources) override { batch_.emplace_back(sources); }
  Status Household(const HouseholdRow& row) override { return Add(row); }
  Status Person(const PersonRow& row) override { return Add(row); }
  Status HouseholdYear(const HouseholdYearRow& row) override { return Add(row); }
  Status PersonYear(const PersonYearRow& row) override { return Add(row); }
  void Problem(const ImportProblem& problem) override { batch_.emplace_back(problem); }
  void EndTable(Table table) override { batch_.emplace_back(table); }
  Status Flush() {
    if (!batch_.empty() && !pipe_->Put(std::move(batch_))) return Stopped();
    batch_ = Batch();
    batch_.reserve(kBatchEvents);
    return Status::Ok();
  }

 private:
  static Status Stopped() {
    return Status::Error(ErrorCode::kFailedPrecondition, "đã dừng đọc", "reading stopped");
  }
  template <typename Row>
  Status Add(const Row& row) {
    batch_.emplace_back(row);
    return batch_.size() >= kBatchEvents ? Flush() : Status::Ok();
  }
  Pipe* pipe_;
  Batch batch_;
};

// Hands one event to the caller's sink.
struct Deliver {
  DatasetSink& sink;
  Status operator()(const TableSources& s) const {
    sink.Begin(s);
    return Status::Ok();
  }
  Status operator()(const HouseholdRow& r) const { return sink.Household(r); }
  Status operator()(const PersonRow& r) const { return sink.Person(r); }
  Status operator()(const HouseholdYearRow& r) const { return sink.HouseholdYear(r); }
  Status operator()(const PersonYearRow& r) const { return sink.PersonYear(r); }
  Status operator()(const ImportProblem& p) const {
    sink.Problem(p);
    return Status::Ok();
  }
  Status operator()(Table t) const {
    sink.EndTable(t);
    return Status::Ok();
  }
};

}  // namespace

Status StreamDatasetAhead(const std::string& path, const ColumnMapping& mapping,
                          DatasetSink& sink, EncodingReport* encoding) {
  Pipe pipe;
  std::thread reader([&] {
    Enqueue enqueue(&pipe);
    Status status = StreamDataset(path, mapping, enqueue, encoding);
    if (status.ok()) status = enqueue.Flush();
    pipe.Close(std::move(status));
  });
  Status result = Status::Ok();
  Batch batch;
  const Deliver deliver{sink};
  while (result.ok() && pipe.Take(&batch)) {
    for (const Event& event : batch) {
      result = std::visit(deliver, event);
      if (!result.ok()) break;
    }
  }
  if (!result.ok()) {
    pipe.Stop();
    while (pipe.Take(&batch)) {
    }
  }
  reader.join();
  return result.ok() ? pipe.status() : result;
}

}  // namespace ansinh::io
