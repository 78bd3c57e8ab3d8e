// Debian's libprotobuf-c-dev runtime: message pack/unpack and ProtobufCAllocator.
#include <protobuf-c/protobuf-c.h>
