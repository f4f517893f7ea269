#include "store/import_writer.h"

#include <gtest/gtest.h>

#include "core/text.h"

#include "store/sqlite.h"
#include "store/test_util.h"

namespace ansinh::store {
namespace {

using testing::StoreTest;
using ImportWriterTest = StoreTest;

Household MakeHousehold(const std::string& code, const std::string& hamlet) {
  Household h;
  h.code = code;
  h.commune_code = "32014";
  h.hamlet_name = hamlet;
  return h;
}

Person MakePerson(const std::string& code, std::int64_t household_id, const std::string& name) {
  Person p;
  p.code = code;
  p.household_id = household_id;
  p.full_name = name;
  p.birth_date = "1975-03-02";
  p.relation = Relation::kHead;
  p.ethnicity = "Khmer";
  return p;
}

HouseholdYear MakeHouseholdYear(std::int64_t household_id, Vnd income) {
  HouseholdYear y;
  y.household_id = household_id;
  y.year = 2014;
  y.income_month = income;
  y.housing_area_m2 = 32.5;
  y.clean_water = true;
  return y;
}

PersonYear MakePersonYear(std::int64_t person_id, bool insured) {
  PersonYear y;
  y.person_id = person_id;
  y.year = 2014;
  y.health_insurance = insured;
  y.education_grade = 5;
  return y;
}

// One household with one member and their 2014 surveys; the household carries a custom
// attribute. Returns the counts of the import.
ImportCounts ImportOne(Store& store, const Actor& actor, Vnd income, bool insured,
                       const std::string& phone) {
  auto writer = ImportWriter::Begin(store, actor, "test import");
  EXPECT_TRUE(writer.ok()) << writer.status().ToString();
  auto household = (*writer)->PutHousehold(MakeHousehold("H1", "Ấp Tân Phong"), {{"phone", phone}});
  EXPECT_TRUE(household.ok()) << household.status().ToString();
  auto person = (*writer)->PutPerson(MakePerson("P1", *household, "Thạch Sa Rết"));
  EXPECT_TRUE(person.ok()) << person.status().ToString();
  EXPECT_TRUE((*writer)->PutHouseholdYear(MakeHouseholdYear(*household, income)).ok());
  EXPECT_TRUE((*writer)->PutPersonYear(MakePersonYear(*person, insured)).ok());
  EXPECT_TRUE((*writer)->Commit().ok());
  return (*writer)->counts();
}

std::int64_t AuditRows(Store& store) {
  auto rows = store.audit().List({.table = "", .key = "", .limit = 100000});
  EXPECT_TRUE(rows.ok());
  return rows.ok() ? static_cast<std::int64_t>(rows->size()) : -1;
}

TEST_F(ImportWriterTest, InsertsWithOneAuditRowAndCreatesTheHamlet) {
  const std::int64_t audit_before = AuditRows(*store_);
  const ImportCounts counts = ImportOne(*store_, actor_, 1'500'000, true, "0901");
  EXPECT_EQ(counts.households.inserted, 1);
  EXPECT_EQ(counts.persons.inserted, 1);
  EXPECT_EQ(counts.household_years.inserted, 1);
  EXPECT_EQ(counts.person_years.inserted, 1);
  EXPECT_EQ(counts.attributes_written, 1);
  ASSERT_EQ(counts.hamlets_created.size(), 1u);
  EXPECT_EQ(counts.hamlets_created[0].second, "Ấp Tân Phong");
  // The hamlet's own audit row and the import's.
  EXPECT_EQ(AuditRows(*store_), audit_before + 2);
  auto imported = store_->audit().List({.table = "registry", .key = "", .limit = 10});
  ASSERT_TRUE(imported.ok());
  ASSERT_EQ(imported->size(), 1u);
  EXPECT_EQ((*imported)[0].action, "import");

  auto household = store_->households().FindByCode("H1");
  ASSERT_TRUE(household.ok() && household->has_value());
  EXPECT_EQ((*household)->hamlet_name, "Ấp Tân Phong");
  auto survey = store_->surveys().GetHouseholdYear((*household)->id, 2014);
  ASSERT_TRUE(survey.ok() && survey->has_value());
  EXPECT_EQ((*survey)->income_month, 1'500'000);
}

TEST_F(ImportWriterTest, ReimportingTheSameRowsChangesNothing) {
  ImportOne(*store_, actor_, 1'500'000, true, "0901");
  const std::string bytes = ClosedBytes();
  const ImportCounts again = ImportOne(*store_, actor_, 1'500'000, true, "0901");
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.households.unchanged, 1);
  EXPECT_EQ(again.persons.unchanged, 1);
  EXPECT_EQ(again.household_years.unchanged, 1);
  EXPECT_EQ(again.person_years.unchanged, 1);
  EXPECT_EQ(ClosedBytes(), bytes);
}

TEST_F(ImportWriterTest, AuditsEachRealUpdateWithBeforeAndAfter) {
  ImportOne(*store_, actor_, 1'500'000, true, "0901");
  const std::int64_t audit_before = AuditRows(*store_);
  const ImportCounts counts = ImportOne(*store_, actor_, 2'100'000, true, "0902");
  EXPECT_EQ(counts.household_years.updated, 1);
  EXPECT_EQ(counts.person_years.unchanged, 1);
  EXPECT_EQ(counts.households.unchanged, 1);
  EXPECT_EQ(counts.attributes_written, 1);
  // The survey's update, the attribute's update and the import's own row.
  EXPECT_EQ(AuditRows(*store_), audit_before + 3);
  auto rows = store_->audit().List({.table = "household_year", .key = "", .limit = 10});
  ASSERT_TRUE(rows.ok());
  ASSERT_FALSE(rows->empty());
  EXPECT_EQ((*rows)[0].action, "update");
  EXPECT_NE((*rows)[0].before_json.find("1500000"), std::string::npos);
  EXPECT_NE((*rows)[0].after_json.find("2100000"), std::string::npos);
  auto attribute = store_->audit().List({.table = "custom_attribute", .key = "", .limit = 10});
  ASSERT_TRUE(attribute.ok());
  ASSERT_EQ(attribute->size(), 1u);
  EXPECT_NE((*attribute)[0].before_json.find("0901"), std::string::npos);
}

TEST_F(ImportWriterTest, AnUncommittedImportLeavesTheDatabaseAsItWas) {
  const std::string bytes = ClosedBytes();
  {
    auto writer = ImportWriter::Begin(*store_, actor_, "abandoned");
    ASSERT_TRUE(writer.ok());
    auto household = (*writer)->PutHousehold(MakeHousehold("H1", "Ấp Mới"));
    ASSERT_TRUE(household.ok());
    ASSERT_TRUE((*writer)->PutPerson(MakePerson("P1", *household, "Lê Văn A")).ok());
  }
  EXPECT_EQ(ClosedBytes(), bytes);
}

TEST_F(ImportWriterTest, RefusesWhatARepositoryWouldRefuse) {
  auto writer = ImportWriter::Begin(*store_, actor_, "bad");
  ASSERT_TRUE(writer.ok());
  Household unknown = MakeHousehold("H1", "Ấp 1");
  unknown.commune_code = "99999";
  auto refused = (*writer)->PutHousehold(unknown);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().field(), "commune");
  auto household = (*writer)->PutHousehold(MakeHousehold("H2", "Ấp 1"));
  ASSERT_TRUE(household.ok());
  Person no_code = MakePerson("", *household, "Lê Văn B");
  auto person = (*writer)->PutPerson(no_code);
  ASSERT_FALSE(person.ok());
  EXPECT_EQ(person.status().field(), "person_id");
  HouseholdYear negative = MakeHouseholdYear(*household, -1);
  EXPECT_FALSE((*writer)->PutHouseholdYear(negative).ok());
}

// One value of a query on the database file, through a second connection.
std::string QueryOne(const std::string& path, const std::string& sql) {
  auto db = Database::Open(path, {});
  EXPECT_TRUE(db.ok());
  if (!db.ok()) return "";
  auto stmt = (*db)->Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return "";
  auto row = stmt->Step();
  return row.ok() && *row ? stmt->ColumnText(0) : "";
}

// A first import into an empty registry is a bulk write: ids handed out by the writer, rows
// written BatchInsert::kRows at a time (here more than two batches and a rest), the indexes built
// again at the commit, every reference whole.
TEST_F(ImportWriterTest, BulkImportWritesEveryRowInBatchesWithItsOwnIds) {
  constexpr int kHouseholds = 300;
  auto writer = ImportWriter::Begin(*store_, actor_, "bulk");
  ASSERT_TRUE(writer.ok()) << writer.status().ToString();
  ASSERT_TRUE((*writer)->bulk());
  for (int i = 0; i < kHouseholds; ++i) {
    auto household = (*writer)->PutHousehold(
        MakeHousehold("H" + std::to_string(i), i % 2 == 0 ? "Ấp 1" : "Ấp 2"),
        {{"phone", "09" + std::to_string(i)}});
    ASSERT_TRUE(household.ok()) << household.status().ToString();
    EXPECT_EQ(*household, i + 1);  // the registry's first ids, in the order put
    const std::string name = "Thạch Sa Rết " + std::to_string(i);
    // Every other person's search key is given by the caller, as the import's checks give it.
    auto person = (*writer)->PutPerson(MakePerson("P" + std::to_string(i), *household, name), {},
                                       i % 2 == 0 ? SearchKey(name) : "");
    ASSERT_TRUE(person.ok()) << person.status().ToString();
    EXPECT_EQ(*person, i + 1);
    ASSERT_TRUE((*writer)->PutHouseholdYear(MakeHouseholdYear(*household, 1000 * i)).ok());
    ASSERT_TRUE((*writer)->PutPersonYear(MakePersonYear(*person, i % 3 == 0)).ok());
  }
  ASSERT_TRUE((*writer)->Commit().ok());
  EXPECT_EQ((*writer)->counts().households.inserted, kHouseholds);
  EXPECT_EQ((*writer)->counts().person_years.inserted, kHouseholds);
  EXPECT_EQ((*writer)->counts().attributes_written, kHouseholds);
  writer->reset();
  store_.reset();
  EXPECT_EQ(QueryOne(path_, "SELECT count(*) FROM households"), "300");
  EXPECT_EQ(QueryOne(path_,
                     "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household_id "
                     "WHERE substr(p.code, 2) = substr(h.code, 2)"),
            "300");
  EXPECT_EQ(QueryOne(path_, "SELECT sum(income_month) FROM household_years"),
            std::to_string(1000 * kHouseholds * (kHouseholds - 1) / 2));
  EXPECT_EQ(QueryOne(path_, "SELECT count(*) FROM persons WHERE search_key = 'thach sa ret 7'"),
            "1");
  EXPECT_EQ(QueryOne(path_, "SELECT count(*) FROM persons WHERE search_key = 'thach sa ret 8'"),
            "1");
  EXPECT_EQ(QueryOne(path_, "SELECT value FROM custom_attributes WHERE entity = 'household' AND "
                            "entity_id = 300"),
            "09299");
  EXPECT_EQ(QueryOne(path_, "SELECT count(*) FROM sqlite_master WHERE name IN "
                            "('persons_by_search_key', 'households_by_hamlet')"),
            "2");
  EXPECT_EQ(QueryOne(path_, "PRAGMA foreign_key_check"), "");
  Reopen();
}

// The ids a bulk import hands out come after every id the table ever had (AUTOINCREMENT), even
// when the registry has been emptied since.
TEST_F(ImportWriterTest, BulkIdsNeverReuseAnEarlierId) {
  ImportOne(*store_, actor_, 1'500'000, true, "0901");
  store_.reset();
  {
    auto db = Database::Open(path_, {});
    ASSERT_TRUE(db.ok());
    for (const char* table :
         {"custom_attributes", "person_years", "household_years", "persons", "households"}) {
      ASSERT_TRUE((*db)->Execute(std::string("DELETE FROM ") + table).ok());
    }
  }
  Reopen();
  auto writer = ImportWriter::Begin(*store_, actor_, "again");
  ASSERT_TRUE(writer.ok());
  ASSERT_TRUE((*writer)->bulk());
  auto household = (*writer)->PutHousehold(MakeHousehold("H2", "Ấp Tân Phong"));
  ASSERT_TRUE(household.ok());
  EXPECT_EQ(*household, 2);
  auto person = (*writer)->PutPerson(MakePerson("P2", *household, "Lê Văn A"));
  ASSERT_TRUE(person.ok());
  EXPECT_EQ(*person, 2);
  ASSERT_TRUE((*writer)->Commit().ok());
}

// A code given twice fails the batch that writes it, and with it the import: nothing is kept.
TEST_F(ImportWriterTest, BulkDuplicateCodeFailsTheImport) {
  const std::string bytes = ClosedBytes();
  {
    auto writer = ImportWriter::Begin(*store_, actor_, "twice");
    ASSERT_TRUE(writer.ok());
    ASSERT_TRUE((*writer)->PutHousehold(MakeHousehold("H1", "Ấp 1")).ok());
    ASSERT_TRUE((*writer)->PutHousehold(MakeHousehold("H1", "Ấp 1")).ok());  // buffered
    const Status commit = (*writer)->Commit();
    EXPECT_FALSE(commit.ok());
  }
  EXPECT_EQ(ClosedBytes(), bytes);
}

}  // namespace
}  // namespace ansinh::store
