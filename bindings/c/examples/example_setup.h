/* What the C examples share: a client for payroc-mock (when a base URL is given on
 * the command line) or for Payroc's UAT (PAYROC_API_KEY in the environment). */
#ifndef PAYROC_EXAMPLE_SETUP_H
#define PAYROC_EXAMPLE_SETUP_H

#include "payroc.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const char *env_or(const char *name, const char *fallback) {
    const char *value = getenv(name);
    return value != NULL && value[0] != '\0' ? value : fallback;
}

/* The test card's expiry date (MMYY): December, four years from now, so that the
 * example never expires. A real POS sends the expiry printed on the customer's card. */
static inline void test_card_expiry(char out[5]) {
    time_t now = time(NULL);
    snprintf(out, 5, "12%02u", (unsigned)(gmtime(&now)->tm_year + 1904) % 100u);
}

/* Prints a failed call's details and exits. Frees err. */
static void die(const char *what, payroc_result r, payroc_error *err) {
    size_t i;
    fprintf(stderr, "%s failed: %s: %s\n", what, payroc_result_name(r), payroc_error_message(err));
    for (i = 0; i < payroc_error_field_count(err); i++) {
        fprintf(stderr, "  %s: %s\n", payroc_error_field_path(err, i), payroc_error_field_message(err, i));
    }
    payroc_error_free(err);
    exit(1);
}

/* A client for argv[1] (payroc-mock's base URL) or, without one, for Payroc's UAT. */
static payroc_client *example_client(int argc, char **argv) {
    payroc_client *client = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_config *config = payroc_config_new();
    if (config == NULL) exit(1);
    r = payroc_config_set_api_key(config, env_or("PAYROC_API_KEY", ""), &err);
    if (r != PAYROC_RESULT_OK) die("set_api_key", r, err);
    if (argc > 1) {
        char api[512];
        snprintf(api, sizeof api, "%s/v1", argv[1]);
        r = payroc_config_set_base_urls(config, api, argv[1], &err);
        if (r != PAYROC_RESULT_OK) die("set_base_urls", r, err);
    }
    r = payroc_client_new(config, &client, &err);
    payroc_config_free(config);
    if (r != PAYROC_RESULT_OK) die("payroc_client_new", r, err);
    return client;
}

#endif
