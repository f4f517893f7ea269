// Validation of a whole import dataset before anything is written (issue 4): every problem is
// collected, none stops the check, so an officer fixes the file once.
//
// Owns: the cross-row and cross-table checks (types and ranges through core/validation.h, commune
// codes of the province, referential integrity, one head per household, duplicate keys, a birth
// date in the future, negative income, zero area, likely duplicates of a person across
// households) and the error report (file,row,column,value,reason_vi,reason_en) as CSV or XLSX.
#pragma once

#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "io/dataset.h"

namespace ansinh::io {

// The problems of `dataset` (its reading problems first, then the checks'). `communes` holds the
// valid 5-digit commune codes of the database's province; `clock` dates "the future".
std::vector<ImportProblem> ValidateDataset(const Dataset& dataset,
                                           const std::set<std::string>& communes,
                                           const Clock& clock);

// The error report: a header "file,row,column,value,reason_vi,reason_en" and one row a problem.
void WriteErrorReport(const std::vector<ImportProblem>& problems, std::ostream& out);
// The report into the file `path`: a workbook (one sheet "errors", the header bold) when the path
// ends in ".xlsx" (any case), CSV otherwise. kIoError when it cannot be written.
Status WriteErrorReportFile(const std::vector<ImportProblem>& problems, const std::string& path);

}  // namespace ansinh::io
