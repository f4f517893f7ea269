#include "analytics/measures.h"

#include <gtest/gtest.h>
