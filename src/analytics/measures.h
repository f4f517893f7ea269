// Poverty and inequality measures over a list of incomes (placeholder: being written).
#pragma once
