#include "analytics/measures.h"
