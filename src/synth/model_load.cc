// LoadModel: the scalar parameters of params.toml, then the tables (model.cc).
#include <toml++/toml.h>

#include "io/csv_reader.h"
#include "synth/model.h"

namespace ansinh::synth {

// Declared in model.cc's unnamed namespace would hide them; these are the table loaders.
Status LoadModelTables(const std::string& dir, const std::string& code, bool need_income,
                       Model& model);

namespace {

class TomlReader {
 public:
  explicit TomlReader(const toml::table& root) : root_(root) {}
  // Reads section.key into `out`; records the first missing key.
  void Get(const char* section, const char* key, double& out) {
    const auto value = root_[section][key].value<double>();
    if (value) {
      out = *value;
    } else if (missing_.empty()) {
      missing_ = std::string(section) + "." + key;
    }
  }
  void Get(const char* section, ConditionParams& c) {
    Get(section, "base", c.base);
    Get(section, "welfare", c.welfare);
    Get(section, "trend", c.trend);
    Get(section, "urban", c.urban);
  }
  const std::string& missing() const { return missing_; }

 private:
  const toml::table& root_;
  std::string missing_;
};

void ReadLatent(TomlReader& r, LatentParams& l) {
  for (auto [key, out] : {std::pair{"urban", &l.urban},
                          {"khmer", &l.khmer},
                          {"hoa", &l.hoa},
                          {"other_minority", &l.other_minority},
                          {"size", &l.size},
                          {"commune_sd", &l.commune_sd},
                          {"rho", &l.rho},
                          {"phi", &l.phi},
                          {"illness_p", &l.illness_p},
                          {"illness_effect", &l.illness_effect},
                          {"crop_failure_p", &l.crop_failure_p},
                          {"crop_failure_effect", &l.crop_failure_effect},
                          {"job_gain_p", &l.job_gain_p},
                          {"job_gain_effect", &l.job_gain_effect},
                          {"shock_carry", &l.shock_carry}}) {
    r.Get("latent", key, *out);
  }
}

void ReadHousing(TomlReader& r, HousingParams& h) {
  for (auto [key, out] : {std::pair{"base", &h.base},
                          {"welfare", &h.welfare},
                          {"trend", &h.trend},
                          {"urban", &h.urban},
                          {"cut_less", &h.cut_less},
                          {"cut_semi", &h.cut_semi},
                          {"cut_permanent", &h.cut_permanent},
                          {"area_pc_median", &h.area_pc_median},
                          {"area_welfare", &h.area_welfare},
                          {"area_trend", &h.area_trend},
                          {"area_sd", &h.area_sd}}) {
    r.Get("housing", key, *out);
  }
}

void ReadPerson(TomlReader& r, PersonParams& p) {
  for (auto [key, out] : {std::pair{"female_head_share", &p.female_head_share},
                          {"spouse_p", &p.spouse_p},
                          {"elder_in_household_p", &p.elder_in_household_p},
                          {"birth_in_province_p", &p.birth_in_province_p},
                          {"health_insurance_base", &p.health_insurance_base},
                          {"health_insurance_trend", &p.health_insurance_trend},
                          {"health_insurance_poor_bonus", &p.health_insurance_poor_bonus},
                          {"sick_untreated_p", &p.sick_untreated_p},
                          {"malnourished_p", &p.malnourished_p},
                          {"wage_no_contract_p", &p.wage_no_contract_p},
                          {"disability_adult_p", &p.disability_adult_p},
                          {"disability_elder_p", &p.disability_elder_p},
                          {"university_p", &p.university_p}}) {
    r.Get("person", key, *out);
  }
}

Status ReadParams(const std::string& path, Model& m) {
  toml::table root;
  try {
    root = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    return Status::Error(ErrorCode::kParseError, "params.toml sai: " + std::string(e.what()),
                         "bad params.toml: " + std::string(e.what()));
  }
  TomlReader r(root);
  ReadLatent(r, m.latent);
  ReadHousing(r, m.housing);
  ReadPerson(r, m.person);
  r.Get("water", m.water);
  r.Get("latrine", m.latrine);
  r.Get("telecom", m.telecom);
  r.Get("info_assets", m.info_assets);
  r.Get("khmer", "concentration", m.khmer_concentration);
  r.Get("khmer", "cap", m.khmer_cap);
  r.Get("khmer", "urban_factor", m.khmer_urban_factor);
  r.Get("income", "growth_after", m.growth_after);
  r.Get("income", "growth_before", m.growth_before);
  double rounding = 1000;
  r.Get("income", "rounding_vnd", rounding);
  m.rounding_vnd = static_cast<std::int64_t>(rounding);
  if (!r.missing().empty()) {
    return Status::Error(ErrorCode::kParseError, "params.toml thiếu " + r.missing(),
                         "params.toml lacks " + r.missing());
  }
  return Status::Ok();
}

}  // namespace

Result<Model> LoadModel(const std::string& home, const std::string& province_code,
                        bool need_income) {
  const std::string dir = home + "/data/synth";
  Model model;
  ANSINH_RETURN_IF_ERROR(ReadParams(dir + "/params.toml", model));
  ANSINH_RETURN_IF_ERROR(LoadModelTables(dir, province_code, need_income, model));
  return model;
}

}  // namespace ansinh::synth
