// Debian zlib1g-dev: crc32 checksums the write-ahead log and checkpoints.
#include <zlib.h>
