/* Tiny helpers for the C tests and examples: the string value of the first
 * `"key":"value"` in a JSON text, or the integer of `"key":123`. Enough to pick ids out
 * of responses without a JSON library; real programs should use their own JSON parser. */
#ifndef PAYROC_JSON_FIND_H
#define PAYROC_JSON_FIND_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies the value of "key" into out (size n); returns 1 when found, 0 otherwise. */
static inline int json_find(const char *json, const char *key, char *out, size_t n) {
    char pattern[128];
    const char *at;
    size_t len = 0;
    if (json == NULL || n == 0) return 0;
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    at = strstr(json, pattern);
    if (at == NULL) return 0;
    at += strlen(pattern);
    while (at[len] != '\0' && at[len] != '"' && len + 1 < n) {
        out[len] = at[len];
        len++;
    }
    out[len] = '\0';
    return 1;
}


/* The integer value of the first "key": in json into *out; returns 1 when found. */
static inline int json_long(const char *json, const char *key, long *out) {
    char pattern[128];
    const char *at;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = json ? strstr(json, pattern) : NULL;
    if (at == NULL) return 0;
    *out = strtol(at + strlen(pattern), NULL, 10);
    return 1;
}
#endif
