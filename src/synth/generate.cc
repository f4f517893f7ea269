// Generate(): the run. Loads the model of each province, plans its communes, and makes one
// Batch per commune on a pool of threads; batches reach the sink in commune order through a
// bounded reorder window, so output does not depend on the number of threads and memory stays
// at a few communes per thread.
#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

#include "io/admin_units.h"
#include "synth/citizen_id.h"
#include "synth/geography.h"
#include "synth/household.h"
#include "synth/living.h"
#include "synth/synth.h"

namespace ansinh::synth {
namespace {

Batch MakeBatch(const Model& model, const CommunePlan& plan, const GenerateOptions& o) {
  Batch batch;
  batch.province_code = model.province.code;
  batch.commune = plan.unit;
  batch.hamlets = plan.hamlets;
  const auto n = static_cast<std::size_t>(plan.households);
  const auto years = static_cast<std::size_t>(o.last_year - o.first_year + 1);
  batch.households.reserve(n);
  batch.persons.reserve(n * 4);
  batch.household_years.reserve(n * years);
  batch.person_years.reserve(n * years * 4);
  for (std::int64_t i = 0; i < plan.households; ++i) {
    SynthHousehold h = MakeHousehold(model, plan, i, o.first_year, o.seed);
    const auto path = LatentPath(model, plan, h, o.first_year, o.last_year, o.seed);
    AppendYears(model, h, path, o.seed, batch);
    for (const Member& m : h.members) batch.persons.push_back(m.person);
    batch.households.push_back(std::move(h.household));
  }
  return batch;
}

// Makes the batches of `plans` on `threads` workers and consumes them in order.
// CCCD serials are given here, in commune order, so they do not depend on the threads.
Status RunCommunes(const Model& model, const std::vector<CommunePlan>& plans,
                   const GenerateOptions& o, int threads, CitizenIdSerials& serials, Sink& sink) {
  if (threads <= 1) {
    for (const CommunePlan& plan : plans) {
      Batch batch = MakeBatch(model, plan, o);
      ANSINH_RETURN_IF_ERROR(serials.Complete(batch.persons));
      ANSINH_RETURN_IF_ERROR(sink.Consume(batch));
    }
    return Status::Ok();
  }
  const std::size_t window = 2 * static_cast<std::size_t>(threads) + 2;
  std::mutex mu;
  std::condition_variable cv;
  std::size_t next_task = 0, next_emit = 0;  // guarded by mu
  bool stop = false;                         // guarded by mu
  std::map<std::size_t, Batch> done;         // guarded by mu
  auto work = [&] {
    for (;;) {
      std::unique_lock lock(mu);
      cv.wait(lock,
              [&] { return stop || next_task >= plans.size() || next_task < next_emit + window; });
      if (stop || next_task >= plans.size()) return;
      const std::size_t i = next_task++;
      lock.unlock();
      Batch batch = MakeBatch(model, plans[i], o);
      lock.lock();
      done.emplace(i, std::move(batch));
      cv.notify_all();
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  Status status;
  for (std::size_t e = 0; e < plans.size() && status.ok(); ++e) {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return done.count(e) > 0; });
    Batch batch = std::move(done.at(e));
    done.erase(e);
    next_emit = e + 1;
    cv.notify_all();
    lock.unlock();
    status = serials.Complete(batch.persons);
    if (status.ok()) status = sink.Consume(batch);
  }
  {
    std::lock_guard lock(mu);
    stop = true;
  }
  cv.notify_all();
  for (auto& t : pool) t.join();
  return status;
}

Status CheckOptions(const GenerateOptions& o) {
  if (o.first_year > o.last_year || o.first_year < 1990 || o.last_year > 2100) {
    return Status::Invalid("years",
                           std::to_string(o.first_year) + "-" + std::to_string(o.last_year),
                           "khoảng năm không hợp lệ (1990-2100)", "bad year range (1990-2100)");
  }
  if (o.households < 0) {
    return Status::Invalid("households", std::to_string(o.households), "số hộ âm",
                           "negative number of households");
  }
  return Status::Ok();
}

}  // namespace

Status Generate(const GenerateOptions& o, Sink& sink) {
  ANSINH_RETURN_IF_ERROR(CheckOptions(o));
  std::vector<std::string> codes{o.province_code};
  if (o.national) {
    ANSINH_ASSIGN_OR_RETURN(codes, ListProvinces(o.home));
  }
  std::vector<Model> models;
  double real_total = 0;
  for (const std::string& code : codes) {
    ANSINH_ASSIGN_OR_RETURN(Model model, LoadModel(o.home, code, true));
    if (o.conditions_shift) model.province.conditions_shift = *o.conditions_shift;
    real_total += static_cast<double>(model.province.households_2010);
    models.push_back(std::move(model));
  }
  const int threads = o.threads > 0
                          ? o.threads
                          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  ANSINH_RETURN_IF_ERROR(sink.Begin(o));
  std::int64_t next_id = 1;
  CitizenIdSerials serials(o.seed);  // one numbering for the whole run, across provinces
  for (const Model& model : models) {
    const ProvinceModel& p = model.province;
    ANSINH_ASSIGN_OR_RETURN(auto units,
                            io::LoadProvinceUnits(o.home + "/data/vn-admin-units.csv", p.code));
    std::int64_t households = p.households_2010;
    if (o.households > 0) {
      households = o.national ? std::llround(static_cast<double>(p.households_2010) *
                                             static_cast<double>(o.households) / real_total)
                              : o.households;
    }
    const auto plans = PlanProvince(model, units, households, next_id, o.seed);
    next_id += households;
    ANSINH_RETURN_IF_ERROR(RunCommunes(model, plans, o, threads, serials, sink));
  }
  return sink.Finish();
}

Status TeeSink::Begin(const GenerateOptions& options) {
  for (Sink* s : sinks_) ANSINH_RETURN_IF_ERROR(s->Begin(options));
  return Status::Ok();
}

Status TeeSink::Consume(const Batch& batch) {
  for (Sink* s : sinks_) ANSINH_RETURN_IF_ERROR(s->Consume(batch));
  return Status::Ok();
}

Status TeeSink::Finish() {
  for (Sink* s : sinks_) ANSINH_RETURN_IF_ERROR(s->Finish());
  return Status::Ok();
}

}  // namespace ansinh::synth
