// Debian's libsnappy-dev C API: block-format compress / uncompress.
#include <snappy-c.h>
