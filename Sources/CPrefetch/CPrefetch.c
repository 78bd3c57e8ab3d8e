// Header-only module: the prefetch hints are static inline functions.
#include "CPrefetch.h"
