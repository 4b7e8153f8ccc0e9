/* Dates for the C and C++ tests, relative to today so that no test expires: a card
 * expiry some years ahead, and a calendar date some days ahead. */
#ifndef PAYROC_TEST_DATES_H
#define PAYROC_TEST_DATES_H

#include <stdio.h>
#include <time.h>

/* A card expiry date, MMYY: December, `years` years from now. */
static inline void card_expiry_mmyy(int years, char out[5]) {
    time_t now = time(NULL);
    struct tm today;
    gmtime_r(&now, &today);
    snprintf(out, 5, "12%02u", (unsigned)(today.tm_year + 1900 + years) % 100u);
}

/* The date `days` days from now, YYYY-MM-DD. */
static inline void iso_date_in_days(int days, char out[11]) {
    time_t then = time(NULL) + (time_t)days * 86400;
    struct tm date;
    gmtime_r(&then, &date);
    strftime(out, 11, "%Y-%m-%d", &date);
}

#endif
