/* Prints the version of the libpayroc it is loaded with (payroc_version()) and its ABI version.
 * scripts/test-c.sh builds it against the installed prefix and compares the first with the
 * root Cargo.toml's version and payroc.pc's. */
#include "payroc.h"

#include <stdio.h>

int main(void) {
    printf("%s %u\n", payroc_version(), payroc_abi_version());
    return payroc_abi_version() == PAYROC_ABI_VERSION ? 0 : 1;
}
