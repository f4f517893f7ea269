// The registry of standards of one home folder.
#include <algorithm>
#include <filesystem>
#include <system_error>
#include <utility>

#include "rules/standard.h"

namespace ansinh::rules {

namespace fs = std::filesystem;

Result<std::unique_ptr<StandardRegistry>> StandardRegistry::Create(std::string home) {
  auto catalogue = std::make_unique<Catalogue>();
  ANSINH_RETURN_IF_ERROR(RegisterCoreFields(*catalogue));
  return std::unique_ptr<StandardRegistry>(
      new StandardRegistry(std::move(home), std::move(catalogue)));
}

std::string StandardRegistry::StandardsDir() const {
  return (fs::path(home_) / "config" / "standards").string();
}

const Standard* StandardRegistry::Find(std::string_view id) const {
  for (const auto& s : standards_) {
    if (s->id == id) return s.get();
  }
  return nullptr;
}

Result<const Standard*> StandardRegistry::Add(Standard standard) {
  if (const Standard* existing = Find(standard.id)) {
    if (fs::path(existing->file) == fs::path(standard.file)) return existing;
    return Status::Error(ErrorCode::kAlreadyExists,
                         "hai tệp cùng mã chuẩn " + standard.id + ": " + existing->file + ", " +
                             standard.file,
                         "two files with standard id " + standard.id + ": " + existing->file +
                             ", " + standard.file)
        .WithField("standard");
  }
  auto owned = std::make_unique<Standard>(std::move(standard));
  const Standard* added = owned.get();
  standards_.push_back(std::move(owned));
  std::sort(standards_.begin(), standards_.end(),
            [](const auto& a, const auto& b) { return a->id < b->id; });
  return added;
}

Status StandardRegistry::LoadAll() {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(StandardsDir(), ec)) {
    if (entry.path().extension() == ".toml") files.push_back(entry.path());
  }
  if (ec) {
    return Status::Error(ErrorCode::kIoError,
                         "không đọc được thư mục " + StandardsDir() + ": " + ec.message(),
                         "cannot read folder " + StandardsDir() + ": " + ec.message());
  }
  std::sort(files.begin(), files.end());
  const LoadOptions options{(fs::path(home_) / "config").string()};
  for (const fs::path& file : files) {
    if (Find(file.stem().string())) continue;
    ANSINH_ASSIGN_OR_RETURN(Standard s, LoadStandardFile(file.string(), *catalogue_, options));
    if (s.id != file.stem().string()) {
      return Status::Invalid("id", s.id, "mã chuẩn phải trùng tên tệp " + file.filename().string(),
                             "a standard's id must be its file name " + file.filename().string())
          .WithLocation({file.string(), 0, 0});
    }
    ANSINH_ASSIGN_OR_RETURN(const Standard* added, Add(std::move(s)));
    (void)added;
  }
  return Status::Ok();
}

Result<const Standard*> StandardRegistry::Resolve(std::string_view id_or_file) {
  const bool is_file =
      id_or_file.find('/') != std::string_view::npos || id_or_file.ends_with(".toml");
  const LoadOptions options{(fs::path(home_) / "config").string()};
  if (is_file) {
    ANSINH_ASSIGN_OR_RETURN(Standard s,
                            LoadStandardFile(std::string(id_or_file), *catalogue_, options));
    return Add(std::move(s));
  }
  if (const Standard* s = Find(id_or_file)) return s;
  const fs::path file = fs::path(StandardsDir()) / (std::string(id_or_file) + ".toml");
  if (!fs::exists(file)) {
    std::string ids;
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(StandardsDir(), ec)) {
      if (entry.path().extension() == ".toml") names.push_back(entry.path().stem().string());
    }
    std::sort(names.begin(), names.end());
    for (const auto& n : names) ids += (ids.empty() ? "" : ", ") + n;
    return Status::NotFound("standard", std::string(id_or_file), "không có chuẩn này; có: " + ids,
                            "no such standard; there are: " + ids);
  }
  ANSINH_ASSIGN_OR_RETURN(Standard s, LoadStandardFile(file.string(), *catalogue_, options));
  return Add(std::move(s));
}

Result<const Standard*> StandardRegistry::NationalInForce(int year) const {
  for (const auto& s : standards_) {
    if (s->scope == "national" && s->InForce(year)) return s.get();
  }
  return Status::NotFound("year", std::to_string(year),
                          "không có chuẩn quốc gia áp dụng cho năm này",
                          "no national standard is in force in this year");
}

}  // namespace ansinh::rules
