// ansinh person add|edit|remove: members of a household.
#include <memory>
#include <ostream>

#include "cli/cli.h"

namespace ansinh::cli {
namespace {

struct PersonOptions {
  std::string db = "ansinh.db";
  std::string ref, household, name, sex, birth_date, relation, ethnicity = "Kinh", id_number, code;
  CLI::Option *household_opt = nullptr, *name_opt = nullptr, *sex_opt = nullptr,
              *birth_opt = nullptr, *relation_opt = nullptr, *ethnicity_opt = nullptr,
              *id_number_opt = nullptr, *code_opt = nullptr;
};

// Applies the flags that were given to `p`, parsing the coded ones.
Status ApplyFlags(store::Store& db, const PersonOptions& o, Person& p) {
  if (o.household_opt->count()) {
    ANSINH_ASSIGN_OR_RETURN(Household h, ResolveHousehold(db, o.household));
    p.household_id = h.id;
  }
  if (o.name_opt->count()) p.full_name = o.name;
  if (o.sex_opt->count()) {
    ANSINH_ASSIGN_OR_RETURN(p.sex, ParseSex(o.sex, "sex"));
  }
  if (o.birth_opt->count()) p.birth_date = o.birth_date;
  if (o.relation_opt->count()) {
    ANSINH_ASSIGN_OR_RETURN(p.relation, ParseRelation(o.relation, "relation"));
  }
  if (o.ethnicity_opt->count()) p.ethnicity = o.ethnicity;
  if (o.id_number_opt->count()) p.id_number = o.id_number;
  if (o.code_opt->count()) p.code = o.code;
  return Status::Ok();
}

Status RunAdd(CliContext& ctx, const PersonOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  Person p;
  p.ethnicity = o.ethnicity;
  ANSINH_RETURN_IF_ERROR(ApplyFlags(*db, o, p));
  ANSINH_ASSIGN_OR_RETURN(Person added, db->households().AddPerson(p, CliActor()));
  *ctx.out << added.id << "\n";
  return Status::Ok();
}

Status RunEdit(CliContext& ctx, const PersonOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(std::int64_t id, ParseId(o.ref, "person"));
  ANSINH_ASSIGN_OR_RETURN(Person p, db->households().GetPerson(id));
  ANSINH_RETURN_IF_ERROR(ApplyFlags(*db, o, p));
  return db->households().UpdatePerson(p, CliActor());
}

Status RunRemove(CliContext& ctx, const PersonOptions& o) {
  ANSINH_ASSIGN_OR_RETURN(auto db, OpenExistingStore(ctx, o.db));
  ANSINH_ASSIGN_OR_RETURN(std::int64_t id, ParseId(o.ref, "person"));
  return db->households().RemovePerson(id, CliActor());
}

// The person's fields as flags; `required` marks those an added person must have.
void AddPersonFlags(CLI::App* c, PersonOptions& o, bool required) {
  o.household_opt = c->add_option("--household", o.household, "Số hoặc mã hộ / household id or code");
  o.name_opt = c->add_option("--name", o.name, "Họ và tên / full name");
  o.sex_opt = c->add_option("--sex", o.sex, "Giới tính / sex: M, F (nam, nữ)");
  o.birth_opt = c->add_option("--birth-date", o.birth_date,
                              "Ngày sinh / birth date: YYYY-MM-DD or YYYY");
  o.relation_opt = c->add_option(
      "--relation", o.relation,
      "Quan hệ với chủ hộ / relation to the head: head, spouse, child, parent, grandchild, "
      "sibling, other");
  o.ethnicity_opt = c->add_option("--ethnicity", o.ethnicity, "Dân tộc / ethnicity");
  o.id_number_opt = c->add_option("--id-number", o.id_number, "Số CCCD/CMND / ID number");
  o.code_opt = c->add_option("--code", o.code, "Mã nhân khẩu / person code");
  if (required) {
    for (CLI::Option* opt : {o.household_opt, o.name_opt, o.sex_opt, o.birth_opt, o.relation_opt}) {
      opt->required();
    }
  }
}

}  // namespace

void RegisterPersonCommand(CLI::App& app, CliContext& ctx) {
  CLI::App* person = app.add_subcommand("person", "Nhân khẩu / household members");
  person->require_subcommand(1);

  auto add = std::make_shared<PersonOptions>();
  CLI::App* c = AddCommand(person, ctx, add, "add",
                        "Thêm nhân khẩu, in ra số thứ tự / add a member, print its id", RunAdd);
  AddPersonFlags(c, *add, /*required=*/true);

  auto edit = std::make_shared<PersonOptions>();
  c = AddCommand(person, ctx, edit, "edit", "Sửa nhân khẩu / edit a member", RunEdit);
  c->add_option("person", edit->ref, "Số thứ tự nhân khẩu / person id")->required();
  AddPersonFlags(c, *edit, /*required=*/false);

  auto remove = std::make_shared<PersonOptions>();
  c = AddCommand(person, ctx, remove, "remove", "Xóa nhân khẩu / remove a member", RunRemove);
  c->add_option("person", remove->ref, "Số thứ tự nhân khẩu / person id")->required();
}

}  // namespace ansinh::cli
