/* Create-payment latency through the C ABI: N `payroc_call("payments.create")` calls,
 * one after another on one thread, against payroc-mock on loopback (one keep-alive
 * connection, reused by the client's pool). The request is the one of the Rust
 * benchmark `create payment via payroc-core` (benches/src/lib.rs
 * `full_payment_request`): a subsequent recurring payment with a secure token, a
 * customer with an address, an itemized breakdown with a tip. As there, building the
 * request is inside the timed span and each call gets a fresh order id and a fresh
 * idempotency key (made by the library).
 *
 *   bench_create_payment BASE_URL [CALLS=2000] [WARMUP=200]
 *   bench_create_payment BASE_URL --blocks
 *
 * With --blocks it is a side of the paired benchmark (bindings/python/bench/
 * bench_create_payment.py --c): it reads block sizes from stdin, one per line, and for
 * each makes that many calls and prints on one line `cpu=N` (the CPU time the calling
 * thread used for the block, in ns: libpayroc does a call's work on it) then each
 * call's time in ns, space-separated, as benches/src/bin/blocking-calls.rs does.
 *
 * Build with -O2 against a release libpayroc and run against a release payroc-mock
 * (BENCHMARKS.md, "Through the C ABI"). Prints mean, median, p90, p99 and min in µs. */
#define _POSIX_C_SOURCE 200809L
#include "payroc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void fail(const char *what, payroc_result r, payroc_error *err) {
    fprintf(stderr, "%s failed: %s: %s\n", what, payroc_result_name(r), payroc_error_message(err));
    payroc_error_free(err);
    exit(1);
}

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e6 + (double)t.tv_nsec / 1e3;
}

static long long thread_cpu_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One create-payment call with order `n`; returns its duration in µs. */
static double one_call(const payroc_client *client, const char *token, long n) {
    char body[2048];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    double start = now_us(), elapsed;
    snprintf(body, sizeof body,
             "{\"channel\":\"web\",\"processingTerminalId\":\"1234001\",\"operator\":\"Jane\","
             "\"order\":{\"orderId\":\"CB-%ld\",\"description\":\"Large Pepperoni Pizza\","
             "\"amount\":4999,\"currency\":\"USD\",\"standingInstructions\":{\"sequence\":"
             "\"subsequent\",\"processingModel\":\"recurring\",\"referenceDataOfFirstTxn\":{"
             "\"paymentId\":\"M2MJOG6O2Y\",\"cardSchemeReferenceId\":\"ABCDEFGHIJKLMNO\"}},"
             "\"breakdown\":{\"subtotal\":4500,\"tip\":{\"type\":\"fixedAmount\",\"amount\":499},"
             "\"items\":[{\"productCode\":\"PZA-001-LG\",\"description\":\"Large Pepperoni Pizza\","
             "\"unitPrice\":4500,\"quantity\":1.0}]}},"
             "\"customer\":{\"firstName\":\"Sarah\",\"lastName\":\"Hopper\",\"billingAddress\":{"
             "\"address1\":\"1 Example Ave.\",\"city\":\"Chicago\",\"state\":\"Illinois\","
             "\"country\":\"US\",\"postalCode\":\"60056\"},\"contactMethods\":[{\"type\":\"email\","
             "\"value\":\"sarah.hopper@example.com\"}]},"
             "\"paymentMethod\":{\"type\":\"secureToken\",\"token\":\"%s\"}}",
             n, token);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    elapsed = now_us() - start;
    if (r != PAYROC_RESULT_OK) fail("payments.create", r, err);
    payroc_string_free(out);
    return elapsed;
}

/* The --blocks protocol: a block of calls per line of stdin, its figures on stdout. */
static void serve_blocks(const payroc_client *client, const char *token) {
    char line[64];
    long n, i, order = 0;
    while (fgets(line, sizeof line, stdin) != NULL) {
        long long cpu = thread_cpu_ns();
        double *times;
        n = atol(line);
        if (n < 1) continue;
        times = malloc((size_t)n * sizeof *times);
        if (times == NULL) exit(1);
        for (i = 0; i < n; i++) times[i] = one_call(client, token, order++);
        printf("cpu=%lld", thread_cpu_ns() - cpu);
        for (i = 0; i < n; i++) printf(" %.0f", times[i] * 1000.0);
        printf("\n");
        fflush(stdout);
        free(times);
    }
}

int main(int argc, char **argv) {
    char api[512], token[32] = "", body[512];
    time_t now;
    const char *at;
    char *out = NULL;
    payroc_client *client = NULL;
    payroc_error *err = NULL;
    payroc_config *config;
    payroc_result r;
    long calls, warmup, i;
    int blocks;
    double *times, sum = 0;
    if (argc < 2) {
        fprintf(stderr, "usage: %s BASE_URL [CALLS] [WARMUP] | %s BASE_URL --blocks\n", argv[0], argv[0]);
        return 2;
    }
    blocks = argc > 2 && strcmp(argv[2], "--blocks") == 0;
    calls = argc > 2 && !blocks ? atol(argv[2]) : 2000;
    warmup = argc > 3 ? atol(argv[3]) : 200;
    if (calls < 1 || warmup < 0) {
        fprintf(stderr, "CALLS must be at least 1 and WARMUP not negative\n");
        return 2;
    }

    config = payroc_config_new();
    if (config == NULL) return 1;
    snprintf(api, sizeof api, "%s/v1", argv[1]);
    if ((r = payroc_config_set_api_key(config, "bench", &err)) != PAYROC_RESULT_OK)
        fail("set_api_key", r, err);
    if ((r = payroc_config_set_base_urls(config, api, argv[1], &err)) != PAYROC_RESULT_OK)
        fail("set_base_urls", r, err);
    if ((r = payroc_client_new(config, &client, &err)) != PAYROC_RESULT_OK) fail("client_new", r, err);
    payroc_config_free(config);

    /* The secure token the payments charge, as in the Rust benchmark. */
    now = time(NULL); /* the test card expires in December, four years from now */
    snprintf(body, sizeof body,
             "{\"source\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"4539858876047062\","
             "\"expiryDate\":\"12%02u\"}}}}",
             (unsigned)(gmtime(&now)->tm_year + 1904) % 100u);
    r = payroc_call(client, "secure_tokens.create", "{\"processingTerminalId\":\"1234001\"}", body,
                    NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) fail("secure_tokens.create", r, err);
    at = strstr(out, "\"token\":\"");
    if (at == NULL || sscanf(at + 9, "%31[0-9]", token) != 1) {
        fprintf(stderr, "no token in %s\n", out);
        return 1;
    }
    payroc_string_free(out);
    if (blocks) {
        serve_blocks(client, token);
        payroc_client_free(client);
        return 0;
    }

    times = malloc((size_t)calls * sizeof *times);
    if (times == NULL) return 1;
    for (i = 0; i < warmup; i++) one_call(client, token, i);
    for (i = 0; i < calls; i++) {
        times[i] = one_call(client, token, warmup + i);
        sum += times[i];
    }
    qsort(times, (size_t)calls, sizeof *times, by_value);
    printf("create payment via the C ABI: %ld calls (after %ld warm-up): mean %.1f µs, median %.1f "
           "µs, p90 %.1f µs, p99 %.1f µs, min %.1f µs\n",
           calls, warmup, sum / (double)calls, times[calls / 2], times[calls * 9 / 10],
           times[calls * 99 / 100], times[0]);
    free(times);
    payroc_client_free(client);
    return 0;
}
