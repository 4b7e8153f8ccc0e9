/* Calls from threads with small stacks: a payment create and a whole Cloud sale, each
 * from a pthread with a 64 KiB and a 128 KiB stack (musl's default thread stack is
 * 128 KiB; embedded POS software often asks for less). The library must not overflow
 * them, in a debug build and under valgrind. A separate program from test_payroc.c
 * because an overflow kills the process.
 *
 *   test_small_stack BASE_URL   (a payroc-mock started with --api-key c-test-key)
 *
 * Prints "c small stacks: N passed, M failed" last; exits non-zero on failure. */
#define _POSIX_C_SOURCE 200809L
#include "payroc.h"
#include "test_check.h"
#include "test_dates.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TERMINAL "1234001"

static const char *base_url;
static char expiry[5];

struct job {
    const payroc_client *client; /* NULL: make (and free) a client on the small stack too */
    size_t stack;
    payroc_result payment, sale;
    int payment_ok, sale_ok;
};

static payroc_client *new_client(void) {
    char api[256];
    payroc_client *client = NULL;
    payroc_config *config = payroc_config_new();
    snprintf(api, sizeof api, "%s/v1", base_url);
    payroc_config_set_base_urls(config, api, base_url, NULL);
    payroc_config_set_api_key(config, "c-test-key", NULL);
    payroc_client_new(config, &client, NULL);
    payroc_config_free(config);
    return client;
}

static void *run(void *arg) {
    struct job *job = arg;
    char body[1024], order_id[32];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_client *own = job->client == NULL ? new_client() : NULL;
    const payroc_client *client = own != NULL ? own : job->client;

    snprintf(order_id, sizeof order_id, "C-STACK-%zu-%d", job->stack / 1024, own != NULL);
    snprintf(body, sizeof body,
             "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\","
             "\"order\":{\"orderId\":\"%s\",\"amount\":1999,\"currency\":\"USD\"},"
             "\"paymentMethod\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"4539858876047062\","
             "\"expiryDate\":\"%s\",\"cvv\":\"123\"},\"cardholderName\":\"Small Stack\"}}}",
             order_id, expiry);
    job->payment = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    job->payment_ok = job->payment == PAYROC_RESULT_OK && strstr(out, order_id) != NULL;
    payroc_string_free(out);
    payroc_error_free(err);
    out = NULL;

    snprintf(body, sizeof body,
             "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"%s-S\","
             "\"amount\":2450,\"currency\":\"USD\"}}",
             order_id);
    job->sale = payroc_cloud_run_sale(client, "C-STACK-DEVICE", body, NULL, 20000, NULL, &out, &err);
    job->sale_ok = job->sale == PAYROC_RESULT_OK && strstr(out, "\"outcome\":\"completed\"") != NULL;
    payroc_string_free(out);
    payroc_error_free(err);
    payroc_client_free(own);
    return NULL;
}

/* Runs the job on a thread with exactly `stack` bytes of stack. */
static void on_small_stack(const payroc_client *client, size_t stack) {
    pthread_attr_t attr;
    pthread_t thread;
    struct job job;
    int rc;
    memset(&job, 0, sizeof job);
    job.client = client;
    job.stack = stack;
    pthread_attr_init(&attr);
    rc = pthread_attr_setstacksize(&attr, stack);
    CHECK(rc == 0, "pthread_attr_setstacksize(%zu) = %d", stack, rc);
    rc = pthread_create(&thread, &attr, run, &job);
    CHECK(rc == 0, "pthread_create = %d", rc);
    if (rc == 0) pthread_join(thread, NULL);
    pthread_attr_destroy(&attr);
    CHECK(job.payment_ok, "payments.create on a %zu KiB stack%s: %s", stack / 1024,
          client ? "" : " (own client)", payroc_result_name(job.payment));
    CHECK(job.sale_ok, "payroc_cloud_run_sale on a %zu KiB stack%s: %s", stack / 1024,
          client ? "" : " (own client)", payroc_result_name(job.sale));
}

int main(int argc, char **argv) {
    static const size_t stacks[] = {64 * 1024, 128 * 1024};
    payroc_client *shared;
    size_t i;
    if (argc < 2) {
        fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
        return 2;
    }
    base_url = argv[1];
    card_expiry_mmyy(4, expiry);
    shared = new_client();
    for (i = 0; i < sizeof stacks / sizeof stacks[0]; i++) {
        on_small_stack(shared, stacks[i]); /* a client made on the main thread */
        on_small_stack(NULL, stacks[i]);   /* made, used and freed on the small stack */
    }
    payroc_client_free(shared);
    printf("c small stacks: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
