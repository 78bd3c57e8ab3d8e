// Debian's libcrypt-dev (libxcrypt): crypt_rn verifies bcrypt ($2a$, $2b$, $2y$) hashes.
#include <crypt.h>
