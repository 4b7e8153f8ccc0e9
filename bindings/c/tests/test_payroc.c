/* The C test of libpayroc: every result-code path, ownership (run under valgrind or
 * ASan by scripts/test-c.sh), a cancel from another thread and one client shared by
 * many threads. Usage: test_payroc BASE_URL SLOW_BASE_URL, where BASE_URL is a
 * payroc-mock started with `--api-key c-test-key` and SLOW_BASE_URL one started with
 * `--latency-ms 1500`. Prints "c: N passed, M failed" last; exits non-zero on failure. */
#define _POSIX_C_SOURCE 200809L
#include "payroc.h"
#include "json_find.h"
#include "mock_control.h"
#include "test_check.h"
#include "test_dates.h"
#include "test_servers.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *base_url, *slow_url;
static char expiry[5]; /* a card expiry some years ahead (MMYY) */
static char run_tag[16]; /* unique per run: order ids counted on a shared emulator */

/* The root Cargo.toml's [workspace.package] version: scripts/test-c.sh passes it. */
#ifndef PAYROC_TEST_VERSION
#error "compile with -DPAYROC_TEST_VERSION='\"x.y.z\"' (the workspace version; scripts/test-c.sh does)"
#endif

#define TERMINAL "1234001"
#define PAN "4539858876047062"
#define API_KEY "c-test-key"

static const char *name(payroc_result r) { return payroc_result_name(r); }
static void queue_fault(const char *fault, const char *method, const char *prefix, const char *extra);

/* A client for `base` with the given key, request timeout and attempts. */
static payroc_client *make_client(const char *base, const char *key, uint64_t timeout_ms,
                                  uint32_t attempts) {
    char api[256];
    payroc_client *client = NULL;
    payroc_error *err = NULL;
    payroc_config *config = payroc_config_new();
    snprintf(api, sizeof api, "%s/v1", base);
    if (payroc_config_set_base_urls(config, api, base, NULL) != PAYROC_RESULT_OK ||
        payroc_config_set_api_key(config, key, NULL) != PAYROC_RESULT_OK ||
        payroc_config_set_request_timeout_ms(config, timeout_ms, NULL) != PAYROC_RESULT_OK ||
        payroc_config_set_retries(config, attempts, 0, NULL) != PAYROC_RESULT_OK ||
        payroc_client_new(config, &client, &err) != PAYROC_RESULT_OK) {
        fprintf(stderr, "cannot make a client: %s\n", payroc_error_message(err));
        exit(2);
    }
    payroc_error_free(err);
    payroc_config_free(config);
    return client;
}

static void payment_json(char *out, size_t n, const char *order_id, long amount) {
    snprintf(out, n,
             "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\","
             "\"order\":{\"orderId\":\"%s\",\"amount\":%ld,\"currency\":\"USD\"},"
             "\"paymentMethod\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"" PAN "\","
             "\"expiryDate\":\"%s\",\"cvv\":\"123\"},\"cardholderName\":\"Sarah Hopper\"}}}",
             order_id, amount, expiry);
}

/* Does any field error of err sit at path? */
static int has_path(const payroc_error *err, const char *path) {
    size_t i, count = payroc_error_field_count(err);
    for (i = 0; i < count; i++) {
        if (strcmp(payroc_error_field_path(err, i), path) == 0) return 1;
    }
    return 0;
}

static void test_version(void) {
    CHECK(payroc_abi_version() == PAYROC_ABI_VERSION, "abi %u", payroc_abi_version());
    CHECK(strcmp(payroc_version(), PAYROC_TEST_VERSION) == 0, "version %s, not %s", payroc_version(),
          PAYROC_TEST_VERSION);
    CHECK(strcmp(name(PAYROC_RESULT_TIMEOUT), "PAYROC_RESULT_TIMEOUT") == 0, "name");
    CHECK(strcmp(payroc_result_name(4242), "PAYROC_RESULT_UNKNOWN") == 0, "unknown code");
}

static void test_bad_arguments(payroc_client *client) {
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_client *never = NULL;
    char body[1024];
    char *huge;
    payroc_config *config;

    /* NULL handles and pointers: a code and a message, nothing written. */
    r = payroc_call(NULL, "payments.retrieve", "{\"paymentId\":\"X\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s", name(r));
    CHECK(out == NULL, "output written on failure");
    CHECK(payroc_error_code(err) == PAYROC_RESULT_NULL_PARAMETER, "code");
    CHECK(strstr(payroc_error_message(err), "client") != NULL, "%s", payroc_error_message(err));
    payroc_error_free(err);

    r = payroc_call(client, NULL, NULL, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s", name(r));
    payroc_error_free(err);
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":\"X\"}", NULL, NULL, NULL, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "response_json_out") != NULL, "%s",
          payroc_error_message(err));
    payroc_error_free(err);
    /* error_out may be NULL too: the code alone comes back. */
    r = payroc_call(client, "payments.create", NULL, NULL, NULL, &out, NULL);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s", name(r));
    r = payroc_client_new(NULL, &never, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER && never == NULL, "%s", name(r));
    payroc_error_free(err);

    /* Accessors and frees take NULL. */
    CHECK(payroc_error_message(NULL) == NULL && payroc_error_field_count(NULL) == 0, "NULL error");
    CHECK(payroc_error_code(NULL) == PAYROC_RESULT_INTERNAL, "NULL error code");
    payroc_error_free(NULL);
    payroc_string_free(NULL);
    payroc_client_free(NULL);
    payroc_config_free(NULL);
    payroc_cancel_free(NULL);
    payroc_cancel_trigger(NULL);
    payroc_paytrace_client_free(NULL);

    /* Invalid UTF-8, in the body and in the params. */
    r = payroc_call(client, "payments.create", NULL, "{\"channel\":\"w\xff\xfe\"}", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "UTF-8") != NULL, "%s", payroc_error_message(err));
    payroc_error_free(err);
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":\"\xc3\x28\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);

    /* Malformed JSON: invalid argument, with the "json" field code. */
    r = payroc_call(client, "payments.create", NULL, "{\"channel\": \"web\",", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    CHECK(payroc_error_field_count(err) == 1 &&
              strcmp(payroc_error_field_code(err, 0), "json") == 0,
          "fields %zu", payroc_error_field_count(err));
    CHECK(payroc_error_field_path(err, 7) == NULL, "out-of-range index");
    payroc_error_free(err);
    r = payroc_call(client, "payments.retrieve", "[1,2", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);

    /* Oversized input. */
    huge = malloc(PAYROC_MAX_INPUT_BYTES + 2);
    memset(huge, ' ', PAYROC_MAX_INPUT_BYTES + 1);
    huge[0] = '{';
    huge[PAYROC_MAX_INPUT_BYTES] = '}';
    huge[PAYROC_MAX_INPUT_BYTES + 1] = '\0';
    r = payroc_call(client, "payments.create", NULL, huge, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "at most") != NULL, "%s", payroc_error_message(err));
    payroc_error_free(err);
    free(huge);

    /* Validation: every violation with its path, the card number never echoed. */
    payment_json(body, sizeof body, "THIS-ORDER-ID-IS-FAR-TOO-LONG-FOR-PAYROC", 0);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION, "%s", name(r));
    CHECK(has_path(err, "order.orderId"), "no order.orderId");
    CHECK(has_path(err, "order.amount"), "no order.amount");
    CHECK(payroc_error_http_status(err) == 0 && payroc_error_problem_json(err) == NULL, "not sent");
    CHECK(!payroc_error_maybe_processed(err), "validation cannot have been processed");
    CHECK(strstr(payroc_error_message(err), PAN) == NULL, "card number in message");
    payroc_error_free(err);
    /* A type error is a validation error at its path. */
    r = payroc_call(client, "payments.create", NULL,
                    "{\"channel\":\"web\",\"processingTerminalId\":\"1\",\"order\":{\"orderId\":\"A\","
                    "\"amount\":\"ten\",\"currency\":\"USD\"},\"paymentMethod\":{\"type\":\"secureToken\","
                    "\"token\":\"296753123458\"}}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "order.amount"), "%s", name(r));
    payroc_error_free(err);

    /* Unknown operation, missing or ill-typed params, bad idempotency key. */
    r = payroc_call(client, "payments.teleport", NULL, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);
    /* A missing, blank or ill-typed path parameter is a validation error at its name. */
    r = payroc_call(client, "payments.retrieve", "{}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "paymentId"), "%s", name(r));
    payroc_error_free(err);
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":\"  \"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "paymentId"), "%s", name(r));
    payroc_error_free(err);
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":7}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "paymentId"), "%s", name(r));
    payroc_error_free(err);
    /* A card number where an id goes is never quoted back (serde's message would). */
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":4111111111111111}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "paymentId"), "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "1111") == NULL &&
              strstr(payroc_error_field_message(err, 0), "1111") == NULL,
          "card digits in a params error: %s / %s", payroc_error_message(err), payroc_error_field_message(err, 0));
    payroc_error_free(err);
    /* Bodies that used to get confusing messages. */
    {
        static const struct {
            const char *body, *says;
            payroc_result code;
        } confusing[] = {
            {"[]", "expected a JSON object", PAYROC_RESULT_VALIDATION},
            {"{} xyz", "malformed JSON", PAYROC_RESULT_INVALID_ARGUMENT},
            {"{\"channel\":\"web\",\"processingTerminalId\":\"1\",\"order\":{\"orderId\":\"A\","
             "\"amount\":18446744073709551616,\"currency\":\"USD\"},\"paymentMethod\":{\"type\":"
             "\"secureToken\",\"token\":\"296753123458\"}}",
             "out of range", PAYROC_RESULT_VALIDATION},
        };
        size_t i;
        for (i = 0; i < sizeof confusing / sizeof confusing[0]; i++) {
            r = payroc_call(client, "payments.create", NULL, confusing[i].body, NULL, &out, &err);
            CHECK(r == confusing[i].code, "%s: %s", confusing[i].body, name(r));
            CHECK(strstr(payroc_error_message(err), confusing[i].says) != NULL, "%s: %s",
                  confusing[i].body, payroc_error_message(err));
            payroc_error_free(err);
        }
    }
    payment_json(body, sizeof body, "C-KEY-1", 1000);
    r = payroc_call(client, "payments.create", NULL, body, "order-42", &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "Idempotency-Key"), "%s", name(r));
    payroc_error_free(err);

    /* Configuration: unknown environment, zero timeout, no API key, http to a remote host. */
    config = payroc_config_new();
    r = payroc_config_set_environment(config, 77, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);
    r = payroc_config_set_request_timeout_ms(config, 0, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);
    r = payroc_client_new(config, &never, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT && never == NULL, "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "API key") != NULL, "%s", payroc_error_message(err));
    payroc_error_free(err);
    payroc_config_set_api_key(config, API_KEY, NULL);
    payroc_config_set_base_urls(config, "http://payments.example.com/v1", "http://payments.example.com", NULL);
    r = payroc_client_new(config, &never, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT && never == NULL, "%s", name(r));
    payroc_error_free(err);
    payroc_config_free(config);
}

/* ---- NULL for every required pointer: a code and a message naming it, no crash, nothing
 * written, nothing sent; also with error_out NULL (the code alone comes back) ---- */

struct null_ctx {
    payroc_client *client;
    payroc_paytrace_client *paytrace;
    payroc_config *config;
    char *out;
    payroc_client *new_client;
    payroc_paytrace_client *new_paytrace;
};

#define INSTRUCTION "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"C-NULL-1\"," \
                    "\"amount\":100,\"currency\":\"USD\"}}"
#define NULL_CASE(fn, call)                                               \
    static payroc_result fn(struct null_ctx *x, payroc_error **err) {     \
        (void)x;                                                          \
        return call;                                                      \
    }

NULL_CASE(n_wait_client, payroc_cloud_wait(NULL, PAYROC_INSTRUCTION_PAYMENT, "X", 1000, NULL, &x->out, err))
NULL_CASE(n_wait_id, payroc_cloud_wait(x->client, PAYROC_INSTRUCTION_PAYMENT, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_wait_out, payroc_cloud_wait(x->client, PAYROC_INSTRUCTION_PAYMENT, "X", 1000, NULL, NULL, err))
NULL_CASE(n_sale_client, payroc_cloud_run_sale(NULL, "C-NULL-DEVICE", INSTRUCTION, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_sale_serial, payroc_cloud_run_sale(x->client, NULL, INSTRUCTION, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_sale_request, payroc_cloud_run_sale(x->client, "C-NULL-DEVICE", NULL, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_sale_out, payroc_cloud_run_sale(x->client, "C-NULL-DEVICE", INSTRUCTION, NULL, 1000, NULL, NULL, err))
NULL_CASE(n_refund_client,
          payroc_cloud_run_refund(NULL, "C-NULL-DEVICE", INSTRUCTION, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_refund_serial,
          payroc_cloud_run_refund(x->client, NULL, INSTRUCTION, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_refund_request,
          payroc_cloud_run_refund(x->client, "C-NULL-DEVICE", NULL, NULL, 1000, NULL, &x->out, err))
NULL_CASE(n_refund_out,
          payroc_cloud_run_refund(x->client, "C-NULL-DEVICE", INSTRUCTION, NULL, 1000, NULL, NULL, err))
NULL_CASE(n_paytrace_client,
          payroc_paytrace_call(NULL, "recurrences.export_approved", "{\"customerId\":1}", NULL, &x->out, err))
NULL_CASE(n_paytrace_operation, payroc_paytrace_call(x->paytrace, NULL, "{\"customerId\":1}", NULL, &x->out, err))
NULL_CASE(n_paytrace_out,
          payroc_paytrace_call(x->paytrace, "recurrences.export_approved", "{\"customerId\":1}", NULL, NULL, err))
NULL_CASE(n_paytrace_new_config, payroc_paytrace_client_new(NULL, "u", "p", &x->new_paytrace, err))
NULL_CASE(n_paytrace_new_username, payroc_paytrace_client_new(x->config, NULL, "p", &x->new_paytrace, err))
NULL_CASE(n_paytrace_new_password, payroc_paytrace_client_new(x->config, "u", NULL, &x->new_paytrace, err))
NULL_CASE(n_paytrace_new_out, payroc_paytrace_client_new(x->config, "u", "p", NULL, err))
NULL_CASE(n_client_new_config, payroc_client_new(NULL, &x->new_client, err))
NULL_CASE(n_client_new_out, payroc_client_new(x->config, NULL, err))
NULL_CASE(n_set_api_key, payroc_config_set_api_key(NULL, API_KEY, err))
NULL_CASE(n_set_api_key_value, payroc_config_set_api_key(x->config, NULL, err))
NULL_CASE(n_set_environment, payroc_config_set_environment(NULL, PAYROC_ENVIRONMENT_UAT, err))
NULL_CASE(n_set_base_urls, payroc_config_set_base_urls(NULL, "http://127.0.0.1/v1", "http://127.0.0.1", err))
NULL_CASE(n_set_base_urls_api, payroc_config_set_base_urls(x->config, NULL, "http://127.0.0.1", err))
NULL_CASE(n_set_base_urls_identity, payroc_config_set_base_urls(x->config, "http://127.0.0.1/v1", NULL, err))
NULL_CASE(n_set_connect_timeout, payroc_config_set_connect_timeout_ms(NULL, 1000, err))
NULL_CASE(n_set_request_timeout, payroc_config_set_request_timeout_ms(NULL, 1000, err))
NULL_CASE(n_set_retries, payroc_config_set_retries(NULL, 2, 0, err))
NULL_CASE(n_set_max_response_bytes, payroc_config_set_max_response_bytes(NULL, 65536, err))
NULL_CASE(n_set_user_agent, payroc_config_set_user_agent(NULL, "pos/1.0", err))
NULL_CASE(n_set_user_agent_value, payroc_config_set_user_agent(x->config, NULL, err))
NULL_CASE(n_set_paytrace_url, payroc_config_set_paytrace_url(NULL, "http://127.0.0.1", err))
NULL_CASE(n_set_paytrace_url_value, payroc_config_set_paytrace_url(x->config, NULL, err))
NULL_CASE(n_set_integrator_id, payroc_config_set_paytrace_integrator_id(NULL, "C-POS", err))
NULL_CASE(n_set_integrator_id_value, payroc_config_set_paytrace_integrator_id(x->config, NULL, err))

static const struct null_case {
    const char *label;
    payroc_result (*run)(struct null_ctx *, payroc_error **);
    const char *names; /* the parameter the message must name */
} null_cases[] = {
    {"payroc_cloud_wait(client NULL)", n_wait_client, "client"},
    {"payroc_cloud_wait(instruction_id NULL)", n_wait_id, "instruction_id"},
    {"payroc_cloud_wait(instruction_json_out NULL)", n_wait_out, "instruction_json_out"},
    {"payroc_cloud_run_sale(client NULL)", n_sale_client, "client"},
    {"payroc_cloud_run_sale(serial_number NULL)", n_sale_serial, "serial_number"},
    {"payroc_cloud_run_sale(request_json NULL)", n_sale_request, "request_json"},
    {"payroc_cloud_run_sale(sale_json_out NULL)", n_sale_out, "sale_json_out"},
    {"payroc_cloud_run_refund(client NULL)", n_refund_client, "client"},
    {"payroc_cloud_run_refund(serial_number NULL)", n_refund_serial, "serial_number"},
    {"payroc_cloud_run_refund(request_json NULL)", n_refund_request, "request_json"},
    {"payroc_cloud_run_refund(refund_json_out NULL)", n_refund_out, "refund_json_out"},
    {"payroc_paytrace_call(client NULL)", n_paytrace_client, "client"},
    {"payroc_paytrace_call(operation NULL)", n_paytrace_operation, "operation"},
    {"payroc_paytrace_call(response_json_out NULL)", n_paytrace_out, "response_json_out"},
    {"payroc_paytrace_client_new(config NULL)", n_paytrace_new_config, "config"},
    {"payroc_paytrace_client_new(username NULL)", n_paytrace_new_username, "username"},
    {"payroc_paytrace_client_new(password NULL)", n_paytrace_new_password, "password"},
    {"payroc_paytrace_client_new(client_out NULL)", n_paytrace_new_out, "client_out"},
    {"payroc_client_new(config NULL)", n_client_new_config, "config"},
    {"payroc_client_new(client_out NULL)", n_client_new_out, "client_out"},
    {"payroc_config_set_api_key(config NULL)", n_set_api_key, "config"},
    {"payroc_config_set_api_key(api_key NULL)", n_set_api_key_value, "api_key"},
    {"payroc_config_set_environment(config NULL)", n_set_environment, "config"},
    {"payroc_config_set_base_urls(config NULL)", n_set_base_urls, "config"},
    {"payroc_config_set_base_urls(api_url NULL)", n_set_base_urls_api, "api_url"},
    {"payroc_config_set_base_urls(identity_url NULL)", n_set_base_urls_identity, "identity_url"},
    {"payroc_config_set_connect_timeout_ms(config NULL)", n_set_connect_timeout, "config"},
    {"payroc_config_set_request_timeout_ms(config NULL)", n_set_request_timeout, "config"},
    {"payroc_config_set_retries(config NULL)", n_set_retries, "config"},
    {"payroc_config_set_max_response_bytes(config NULL)", n_set_max_response_bytes, "config"},
    {"payroc_config_set_user_agent(config NULL)", n_set_user_agent, "config"},
    {"payroc_config_set_user_agent(user_agent NULL)", n_set_user_agent_value, "user_agent"},
    {"payroc_config_set_paytrace_url(config NULL)", n_set_paytrace_url, "config"},
    {"payroc_config_set_paytrace_url(url NULL)", n_set_paytrace_url_value, "url"},
    {"payroc_config_set_paytrace_integrator_id(config NULL)", n_set_integrator_id, "config"},
    {"payroc_config_set_paytrace_integrator_id(integrator_id NULL)", n_set_integrator_id_value,
     "integrator_id"},
};

static void test_null_arguments(payroc_client *client) {
    struct null_ctx x;
    payroc_error *err;
    payroc_result r;
    char pattern[64];
    size_t i;
    memset(&x, 0, sizeof x);
    x.client = client;
    x.config = payroc_config_new();
    payroc_config_set_paytrace_url(x.config, base_url, NULL);
    if (payroc_paytrace_client_new(x.config, "c-user", "c-password", &x.paytrace, NULL) != PAYROC_RESULT_OK) {
        fprintf(stderr, "cannot make a PayTrace client\n");
        exit(2);
    }
    for (i = 0; i < sizeof null_cases / sizeof null_cases[0]; i++) {
        const struct null_case *c = &null_cases[i];
        err = (payroc_error *)&x; /* garbage: must be overwritten */
        r = c->run(&x, &err);
        snprintf(pattern, sizeof pattern, "`%s`", c->names);
        CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s: %s", c->label, name(r));
        CHECK(err != NULL && payroc_error_code(err) == PAYROC_RESULT_NULL_PARAMETER &&
                  strstr(payroc_error_message(err), pattern) != NULL,
              "%s: %s", c->label, err ? payroc_error_message(err) : "no error");
        CHECK(x.out == NULL && x.new_client == NULL && x.new_paytrace == NULL, "%s wrote an output",
              c->label);
        payroc_error_free(err);
        r = c->run(&x, NULL);
        CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "%s without error_out: %s", c->label, name(r));
    }
    /* Nothing reached the device: no instruction for C-NULL-DEVICE was ever submitted. */
    r = payroc_call(client, "payments.list", "{\"query\":{\"orderId\":\"C-NULL-1\"}}", NULL, NULL, &x.out,
                    &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(x.out, "\"count\":0") != NULL, "%s", x.out ? x.out : name(r));
    payroc_string_free(x.out);
    payroc_paytrace_client_free(x.paytrace);
    payroc_config_free(x.config);
}

/* An error status with no problem body (empty, or a proxy's HTML page): the problem is
 * NULL, not "{}", and the status and code are still there. */
static void test_no_problem(void) {
    static const char *replies[] = {
        "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 22\r\n"
        "Connection: close\r\n\r\n<h1>Bad request</h1>\r\n",
    };
    static const payroc_result codes[] = {PAYROC_RESULT_API_SERVER, PAYROC_RESULT_API_BAD_REQUEST};
    static const unsigned statuses[] = {502, 400};
    size_t i;
    for (i = 0; i < 2; i++) {
        struct canned_server server;
        payroc_client *client;
        char *out = NULL;
        payroc_error *err = NULL;
        payroc_result r;
        canned_server_start(&server, replies[i]);
        client = make_client(server.url, API_KEY, 5000, 1);
        r = payroc_call(client, "payments.retrieve", "{\"paymentId\":\"M2MJOG6O2Y\"}", NULL, NULL, &out, &err);
        CHECK(r == codes[i], "%u: %s: %s", statuses[i], name(r), payroc_error_message(err));
        CHECK(payroc_error_http_status(err) == statuses[i], "status %u", payroc_error_http_status(err));
        CHECK(payroc_error_problem_json(err) == NULL, "%u with no problem body: problem_json %s",
              statuses[i], payroc_error_problem_json(err));
        /* A body that is not problem JSON is quoted (it was a bare "HTTP 400"). */
        CHECK(i == 0 || strstr(payroc_error_message(err), "<h1>Bad request</h1>") != NULL, "%s",
              payroc_error_message(err));
        CHECK(server.served == 1, "the canned server answered %d requests", server.served);
        payroc_error_free(err);
        payroc_client_free(client);
        canned_server_stop(&server);
    }
}

static void test_payments(payroc_client *client) {
    char body[1024], params[256], payment_id[64] = "", again_id[64] = "";
    char *out = NULL, *again = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    const char *key = "8e03978e-40d5-43e8-bc93-6894a57f9324";

    payment_json(body, sizeof body, "C-PAY-1", 4999);
    r = payroc_call(client, "payments.create", NULL, body, key, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    CHECK(err == NULL, "error set on success");
    CHECK(json_find(out, "paymentId", payment_id, sizeof payment_id), "no paymentId in %s", out);
    CHECK(strstr(out, PAN) == NULL, "the full card number came back");
    /* The same key and body again: the stored response, not a second charge. */
    r = payroc_call(client, "payments.create", NULL, body, key, &again, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(again, "paymentId", again_id, sizeof again_id) &&
              strcmp(payment_id, again_id) == 0,
          "replay gave %s", again ? again : "nothing");
    payroc_string_free(out);
    payroc_string_free(again);

    snprintf(params, sizeof params, "{\"paymentId\":\"%s\"}", payment_id);
    r = payroc_call(client, "payments.retrieve", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, payment_id) != NULL, "%s", name(r));
    payroc_string_free(out);

    r = payroc_call(client, "payments.list", "{\"query\":{\"orderId\":\"C-PAY-1\",\"limit\":5}}", NULL,
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"count\":1") != NULL, "%s %s", name(r), out ? out : "");
    payroc_string_free(out);

    /* 409: capturing a sale. */
    r = payroc_call(client, "payments.capture", params, "{}", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_CONFLICT && payroc_error_http_status(err) == 409, "%s", name(r));
    payroc_error_free(err);

    /* 404. */
    r = payroc_call(client, "payments.retrieve", "{\"paymentId\":\"NOSUCHPAY1\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND && payroc_error_http_status(err) == 404, "%s", name(r));
    CHECK(payroc_error_problem_json(err) != NULL, "no problem JSON");
    payroc_error_free(err);

    /* 400 from the server, with field errors: a secure token the gateway never issued. */
    r = payroc_call(client, "payments.create", NULL,
                    "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\",\"order\":{"
                    "\"orderId\":\"C-PAY-2\",\"amount\":1000,\"currency\":\"USD\"},"
                    "\"paymentMethod\":{\"type\":\"secureToken\",\"token\":\"296753999994\"}}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_BAD_REQUEST, "%s: %s", name(r), payroc_error_message(err));
    CHECK(payroc_error_http_status(err) == 400, "status %u", payroc_error_http_status(err));
    CHECK(has_path(err, "paymentMethod.token"), "no paymentMethod.token field error");
    CHECK(payroc_error_problem_json(err) != NULL &&
              strstr(payroc_error_problem_json(err), "paymentMethod.token") != NULL,
          "problem %s", payroc_error_problem_json(err));
    payroc_error_free(err);
}

/* The server stops honouring the client's token (expired or revoked early): the next
 * call fetches a new one and is tried once more, and the caller sees only success. */
static void test_expired_token(payroc_client *client) {
    char body[1024];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payment_json(body, sizeof body, "C-EXP-1", 2100);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    payroc_string_free(out);
    payroc_error_free(err);
    out = NULL;
    err = NULL;
    CHECK(mock_control(base_url, "POST", "/_mock/tokens/expire", "") == 204,
          "POST /_mock/tokens/expire failed");
    payment_json(body, sizeof body, "C-EXP-2", 2200);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "C-EXP-2") != NULL, "%s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);
    payroc_error_free(err);
}

static void test_failures(void) {
    char body[1024];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_client *wrong_key = make_client(base_url, "not-the-key", 5000, 1);
    char refused_url[64];
    int refused = closed_port(refused_url, sizeof refused_url); /* held: refused until closed */
    payroc_client *nowhere = make_client(refused_url, API_KEY, 2000, 1);
    payroc_client *impatient = make_client(slow_url, API_KEY, 300, 1);
    payroc_client *hasty = make_client(base_url, API_KEY, 300, 1);
    const char *key = "5b0e3f0a-8c4d-4f2e-9a61-0d3c2b1a4e57";

    payment_json(body, sizeof body, "C-FAIL-1", 1000);
    r = payroc_call(wrong_key, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_AUTHENTICATION && payroc_error_http_status(err) == 401, "%s", name(r));
    CHECK(strstr(payroc_error_message(err), "not-the-key") == NULL, "API key in message");
    payroc_error_free(err);

    r = payroc_call(nowhere, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_TRANSPORT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(!payroc_error_maybe_processed(err) && payroc_error_retryable(err), "never sent");
    payroc_error_free(err);

    /* The token fetch times out: the payment was never sent, and the error says so. */
    r = payroc_call(impatient, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_TRANSPORT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(!payroc_error_maybe_processed(err), "a token that never came said the payment may have been made");
    CHECK(out == NULL, "output written on failure");
    payroc_error_free(err);

    /* The payment itself gets no answer in time: it may have been made; retry with the key. */
    queue_fault("hang", "POST", "/v1/payments", NULL);
    r = payroc_call(hasty, "payments.create", NULL, body, key, &out, &err);
    CHECK(r == PAYROC_RESULT_TIMEOUT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(payroc_error_maybe_processed(err), "a timeout may have been processed");
    CHECK(payroc_error_idempotency_key(err) != NULL && strcmp(payroc_error_idempotency_key(err), key) == 0,
          "the key to retry with: %s", payroc_error_idempotency_key(err));
    CHECK(out == NULL, "output written on failure");
    payroc_error_free(err);

    payroc_client_free(wrong_key);
    payroc_client_free(nowhere);
    payroc_client_free(impatient);
    payroc_client_free(hasty);
    close(refused);
}

/* ---- Payroc Cloud: a sale, a deadline, a cancel from another thread ---- */

static void instruction_json(char *out, size_t n, const char *order_id, long amount) {
    snprintf(out, n,
             "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"%s\","
             "\"amount\":%ld,\"currency\":\"USD\"}}",
             order_id, amount);
}

struct canceller {
    payroc_cancel *cancel;
};

static void *cancel_later(void *arg) {
    struct canceller *c = arg;
    struct timespec pause = {0, 300 * 1000 * 1000};
    nanosleep(&pause, NULL);
    payroc_cancel_trigger(c->cancel);
    return NULL;
}

static void test_cloud(payroc_client *client) {
    char body[512], id[64] = "", params[128];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_cancel *cancel;
    pthread_t thread;
    struct canceller c;

    instruction_json(body, sizeof body, "C-POS-1", 2450);
    r = payroc_cloud_run_sale(client, "C-DEVICE-1", body, NULL, 30000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    CHECK(out && strstr(out, "\"outcome\":\"completed\"") && strstr(out, "\"approved\":true"), "%s",
          out ? out : "");
    payroc_string_free(out);

    instruction_json(body, sizeof body, "C-POS-2", 2401);
    r = payroc_cloud_run_sale(client, "C-DEVICE-1", body, NULL, 30000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"approved\":false"), "declined: %s", out ? out : "");
    payroc_string_free(out);

    instruction_json(body, sizeof body, "C-POS-3", 2491);
    r = payroc_cloud_run_sale(client, "C-DEVICE-1", body, NULL, 30000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"outcome\":\"failure\""), "failed: %s", out ? out : "");
    payroc_string_free(out);

    /* A deadline: the instruction never ends (amount ...93), the wait times out. */
    instruction_json(body, sizeof body, "C-POS-4", 2493);
    r = payroc_call(client, "payment_instructions.submit", "{\"serialNumber\":\"C-DEVICE-1\"}",
                    body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentInstructionId", id, sizeof id), "%s",
          name(r));
    payroc_string_free(out);
    r = payroc_cloud_wait(client, PAYROC_INSTRUCTION_PAYMENT, id, 400, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_TIMEOUT, "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    /* At the deadline the instruction was cancelled on the device too. */
    snprintf(params, sizeof params, "{\"paymentInstructionId\":\"%s\"}", id);
    r = payroc_call(client, "payment_instructions.retrieve", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"status\":\"canceled\""), "%s", out ? out : "");
    payroc_string_free(out);

    /* A cancel from another thread while this one waits (with a deadline far beyond the
     * cancel, so that a cancel that does not work fails the test instead of hanging it). */
    instruction_json(body, sizeof body, "C-POS-5", 2593);
    r = payroc_call(client, "payment_instructions.submit", "{\"serialNumber\":\"C-DEVICE-1\"}",
                    body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentInstructionId", id, sizeof id), "%s",
          name(r));
    payroc_string_free(out);
    cancel = payroc_cancel_new();
    c.cancel = cancel;
    pthread_create(&thread, NULL, cancel_later, &c);
    r = payroc_cloud_wait(client, PAYROC_INSTRUCTION_PAYMENT, id, 20000, cancel, &out, &err);
    pthread_join(thread, NULL);
    CHECK(r == PAYROC_RESULT_CANCELLED, "%s: %s", name(r), payroc_error_message(err));
    CHECK(payroc_cancel_is_triggered(cancel), "switch not triggered");
    payroc_error_free(err);
    /* A triggered switch stops the next wait at once too. */
    r = payroc_cloud_wait(client, PAYROC_INSTRUCTION_PAYMENT, id, 20000, cancel, &out, &err);
    CHECK(r == PAYROC_RESULT_OK || r == PAYROC_RESULT_CANCELLED, "%s", name(r));
    if (r == PAYROC_RESULT_OK) payroc_string_free(out);
    payroc_error_free(err);
    payroc_cancel_free(cancel);

    r = payroc_cloud_wait(client, 9, id, 20000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    payroc_error_free(err);
}

/* Failures on our side are never "may have been processed": a header value with a
 * line break, an unusable URL, an id too long for a request line. And an identity reply
 * with an absurd lifetime is not a panic. */
static void test_never_sent(payroc_client *client) {
    char api[256], *out = NULL, *params;
    payroc_client *broken = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_config *config;
    struct canned_server identity;
    size_t n = 70000;

    config = payroc_config_new();
    snprintf(api, sizeof api, "%s/v1", base_url);
    payroc_config_set_base_urls(config, api, base_url, NULL);
    payroc_config_set_api_key(config, "c-test-key\r\nX-Injected: 1", NULL);
    payroc_config_set_retries(config, 1, 0, NULL);
    r = payroc_client_new(config, &broken, &err);
    if (r == PAYROC_RESULT_OK) {
        r = payroc_call(broken, "payments.retrieve", "{\"paymentId\":\"M2MJOG6O2Y\"}", NULL, NULL, &out, &err);
    }
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT || r == PAYROC_RESULT_VALIDATION, "an API key with CR/LF: %s: %s",
          name(r), payroc_error_message(err));
    CHECK(!payroc_error_maybe_processed(err), "an API key with CR/LF said maybe processed");
    payroc_error_free(err);
    payroc_client_free(broken);
    broken = NULL;

    payroc_config_set_base_urls(config, "http://127.0.0.1:1/v 1", "http://127.0.0.1:1", NULL);
    payroc_config_set_api_key(config, API_KEY, NULL);
    r = payroc_client_new(config, &broken, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT && broken == NULL, "a base URL with a space: %s", name(r));
    CHECK(!payroc_error_maybe_processed(err), "a bad URL said maybe processed");
    payroc_error_free(err);
    payroc_client_free(broken);
    payroc_config_free(config);

    params = malloc(n + 32);
    snprintf(params, n + 32, "{\"paymentId\":\"%*s\"}", (int)n, "");
    memset(params + strlen("{\"paymentId\":\""), 'A', n);
    r = payroc_call(client, "payments.retrieve", params, NULL, NULL, &out, &err);
    CHECK(r != PAYROC_RESULT_OK && r != PAYROC_RESULT_CONNECTION_LOST && !payroc_error_maybe_processed(err),
          "a 70 000-character id: %s, maybe %d", name(r), payroc_error_maybe_processed(err));
    payroc_error_free(err);
    free(params);

    /* expires_in = i64::MAX: a working client, twice, not PAYROC_RESULT_PANIC. */
    canned_server_start(&identity, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    identity.token = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                     "Content-Length: 86\r\n\r\n"
                     "{\"access_token\":\"canned-token\",\"token_type\":\"Bearer\",\"expires_in\":9223372036854775807}";
    broken = make_client(identity.url, API_KEY, 5000, 1);
    for (n = 0; n < 2; n++) {
        r = payroc_call(broken, "payments.retrieve", "{\"paymentId\":\"M2MJOG6O2Y\"}", NULL, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "a token for ever, call %zu: %s: %s", n + 1, name(r),
              payroc_error_message(err));
        payroc_error_free(err);
    }
    payroc_client_free(broken);
    canned_server_stop(&identity);
}

/* ---- a hostile network and a hostile server (payroc-mock's queued faults) ---- */

static double now_s(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* Queues one fault for the next request that matches (`extra` adds members, e.g. a
 * location). */
static void queue_fault(const char *fault, const char *method, const char *prefix, const char *extra) {
    char body[512];
    snprintf(body, sizeof body, "[{\"fault\":\"%s\",\"method\":\"%s\",\"pathPrefix\":\"%s\"%s}]", fault,
             method, prefix, extra ? extra : "");
    CHECK(mock_control(base_url, "POST", "/_mock/faults/next", body) / 100 == 2, "cannot queue %s", fault);
}

/* How many payments the emulator made for order_id (-1 when it cannot tell). */
static long payments_for(const char *order_id) {
    char *counters = NULL, pattern[96];
    const char *at;
    long n = 0;
    if (mock_fetch(base_url, "GET", "/_mock/counters", "", &counters) != 200 || counters == NULL) {
        free(counters);
        return -1;
    }
    snprintf(pattern, sizeof pattern, "\"%s\":", order_id);
    at = strstr(counters, "\"paymentsPerOrderId\"");
    at = at ? strstr(at, pattern) : NULL;
    if (at != NULL) n = strtol(at + strlen(pattern), NULL, 10);
    free(counters);
    return n;
}

/* Whether any request the emulator logged has `text` in its path. */
static int requested(const char *text) {
    char *log = NULL;
    int found;
    if (mock_fetch(base_url, "GET", "/_mock/requests", "", &log) != 200 || log == NULL) {
        free(log);
        return -1;
    }
    found = strstr(log, text) != NULL;
    free(log);
    return found;
}

/* `.` and `..` would be path steps to any URL parser (even as `%2E`), reaching another
 * resource (`payments/.` is the list's path): they are refused and nothing is sent. */
static void test_dot_ids(payroc_client *client) {
    static const char *params[] = {"{\"paymentId\":\".\"}", "{\"paymentId\":\"..\"}"};
    size_t i;
    for (i = 0; i < 2; i++) {
        char *out = NULL;
        payroc_error *err = NULL;
        payroc_result r = payroc_call(client, "payments.retrieve", params[i], NULL, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "paymentId"), "%s: %s", params[i], name(r));
        payroc_error_free(err);
    }
    CHECK(requested("/v1/payments/\"") == 0 && requested("/v1/payments/%2E") == 0,
          "a dot id reached the emulator");
}

/* Whether text (may be NULL) holds a card digit run of the test card or its CVV. */
static int leaks_card(const char *text) {
    const char *at;
    if (text == NULL) return 0;
    if (strstr(text, "4111111111111111") != NULL) return 1;
    /* The CVV as a value of its own, not three digits inside a random id or signature. */
    for (at = strstr(text, "737"); at != NULL; at = strstr(at + 1, "737")) {
        if ((at == text || !isalnum((unsigned char)at[-1])) && !isalnum((unsigned char)at[3])) return 1;
    }
    return 0;
}

/* The message, every field error and the problem JSON of err. */
static int error_leaks_card(const payroc_error *err) {
    size_t i, count = payroc_error_field_count(err);
    int leak = leaks_card(payroc_error_message(err)) || leaks_card(payroc_error_problem_json(err));
    for (i = 0; i < count; i++) {
        leak |= leaks_card(payroc_error_field_path(err, i)) || leaks_card(payroc_error_field_message(err, i)) ||
                leaks_card(payroc_error_field_code(err, i));
    }
    return leak;
}

static void test_hostile_server(payroc_client *client) {
    char body[1024], key[64] = "", order_id[32], *out = NULL;
    char location[160];
    payroc_error *err = NULL;
    payroc_result r;
    struct canned_server elsewhere;
    size_t i;

    /* A server a version ahead: the reply's new fields, top-level and nested, reach C
     * in the JSON as the server sent it. */
    snprintf(order_id, sizeof order_id, "C-NEWFIELDS-%s", run_tag);
    payment_json(body, sizeof body, order_id, 3050);
    queue_fault("newFields", "POST", "/v1/payments", NULL);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"since\":\"v2\"") != NULL &&
              strstr(out, "\"futureField\":\"nested\"") != NULL,
          "%s: %s", name(r), out ? out : payroc_error_message(err));
    payroc_string_free(out);
    out = NULL;

    /* The payment is made, the 201's body cannot be read: API_DECODE that says it may
     * have been processed, with the key to retry under and what could be read. */
    snprintf(order_id, sizeof order_id, "C-GARBLE-%s", run_tag);
    payment_json(body, sizeof body, order_id, 3100);
    queue_fault("commitThenGarble", "POST", "/v1/payments", NULL);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_DECODE, "%s: %s", name(r), payroc_error_message(err));
    CHECK(payroc_error_http_status(err) == 201, "status %u", payroc_error_http_status(err));
    CHECK(payroc_error_maybe_processed(err), "a 201 to a payment said not processed");
    CHECK(payroc_error_idempotency_key(err) != NULL && strlen(payroc_error_idempotency_key(err)) == 36,
          "no idempotency key to retry with: %s", payroc_error_idempotency_key(err));
    CHECK(payroc_error_raw_body(err) != NULL && strstr(payroc_error_raw_body(err), "paymentId") != NULL,
          "raw body %s", payroc_error_raw_body(err));
    CHECK(out == NULL, "output written on failure");
    if (payroc_error_idempotency_key(err) != NULL) {
        snprintf(key, sizeof key, "%s", payroc_error_idempotency_key(err));
    }
    payroc_error_free(err);
    CHECK(payroc_error_raw_body(NULL) == NULL && payroc_error_idempotency_key(NULL) == NULL, "NULL error");
    r = payroc_call(client, "payments.create", NULL, body, key, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, order_id) != NULL, "retry with the key: %s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);
    out = NULL;
    CHECK(payments_for(order_id) == 1, "%s charged %ld times", order_id, payments_for(order_id));

    /* A 307 to another server is not followed: the card never goes there. */
    canned_server_start(&elsewhere, "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                                    "Content-Length: 26\r\nConnection: close\r\n\r\n{\"paymentId\":\"STOLEN1234\"}");
    snprintf(location, sizeof location, ",\"location\":\"%s/v1/payments\"", elsewhere.url);
    payment_json(body, sizeof body, "C-REDIRECT-1", 3200);
    queue_fault("redirect", "POST", "/v1/payments", location);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API && payroc_error_http_status(err) == 307, "%s %u: %s", name(r),
          payroc_error_http_status(err), payroc_error_message(err));
    CHECK(!payroc_error_maybe_processed(err), "a redirect said maybe processed");
    CHECK(out == NULL, "a redirect was reported as success: %s", out);
    payroc_error_free(err);
    canned_server_stop(&elsewhere);
    CHECK(elsewhere.connections == 0, "the redirect was followed: %d connections elsewhere",
          elsewhere.connections);

    /* A server that echoes card data: none of it reaches the error. */
    payment_json(body, sizeof body, "C-ECHO-1", 3300);
    queue_fault("cardEcho", "POST", "/v1/payments", NULL);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_BAD_REQUEST, "%s", name(r));
    CHECK(!error_leaks_card(err), "card data in the error: %s | %s", payroc_error_message(err),
          payroc_error_problem_json(err));
    payroc_error_free(err);

    /* A card number and a CVV sent as JSON numbers: the validation error quotes neither. */
    snprintf(body, sizeof body,
             "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":"
             "\"C-NUM-1\",\"amount\":1000,\"currency\":\"USD\"},\"paymentMethod\":{\"type\":\"card\","
             "\"cardDetails\":{\"entryMethod\":\"keyed\",\"keyedData\":{\"dataFormat\":\"plainText\","
             "\"cardNumber\":4111111111111111,\"expiryDate\":\"%s\",\"cvv\":737}}}}",
             expiry);
    r = payroc_call(client, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION || r == PAYROC_RESULT_INVALID_ARGUMENT, "%s", name(r));
    CHECK(!error_leaks_card(err), "card digits in the validation error: %s", payroc_error_message(err));
    for (i = 0; i < payroc_error_field_count(err); i++) {
        CHECK(strstr(payroc_error_field_message(err, i), "1111") == NULL, "field %s: %s",
              payroc_error_field_path(err, i), payroc_error_field_message(err, i));
    }
    CHECK(strstr(payroc_error_message(err), "1111") == NULL, "%s", payroc_error_message(err));
    payroc_error_free(err);
}

/* A reply bigger than the configured cap is not read to its end. */
static void test_reply_cap(void) {
    char body[1024], api[256], *out = NULL;
    payroc_client *capped = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_config *config = payroc_config_new();
    double start;
    snprintf(api, sizeof api, "%s/v1", base_url);
    payroc_config_set_base_urls(config, api, base_url, NULL);
    payroc_config_set_api_key(config, API_KEY, NULL);
    payroc_config_set_retries(config, 1, 0, NULL);
    r = payroc_config_set_max_response_bytes(config, 0, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "a cap of 0: %s", name(r));
    payroc_error_free(err);
    r = payroc_config_set_max_response_bytes(config, 64 * 1024, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s", name(r));
    r = payroc_client_new(config, &capped, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    payroc_config_free(config);
    if (capped == NULL) return;

    /* An endless 200 to a payment: a decode error, maybe processed, in well under a second. */
    payment_json(body, sizeof body, "C-ENDLESS-1", 3400);
    queue_fault("endlessBody", "POST", "/v1/payments", NULL);
    start = now_s();
    r = payroc_call(capped, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_DECODE && payroc_error_maybe_processed(err), "%s: %s", name(r),
          payroc_error_message(err));
    CHECK(now_s() - start < 5.0, "an endless body took %.1f s", now_s() - start);
    payroc_error_free(err);

    /* A 20 MB error: its status and code stay, the message stays short. */
    queue_fault("hugeError", "POST", "/v1/payments", NULL);
    r = payroc_call(capped, "payments.create", NULL, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_BAD_REQUEST && payroc_error_http_status(err) == 400, "%s", name(r));
    CHECK(strlen(payroc_error_message(err)) <= 2048, "a %zu-byte message", strlen(payroc_error_message(err)));
    payroc_error_free(err);
    payroc_client_free(capped);
}

/* Cloud waits against a gateway that stops answering, and the other stop paths. */
static void test_cloud_stops(payroc_client *client) {
    char body[512], id[64] = "", *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_cancel *cancel;
    pthread_t thread;
    struct canceller c;
    double start, took;
    /* The hanging gateway gets a client of its own: a cancel that could not be sent in
     * time may be sent again later, in the background of that client's next call; this
     * one is freed (and its pending cancels with it) before the race below queues its
     * own cancel fault, which a stray cancel would otherwise take. */
    payroc_client *stalled = make_client(base_url, API_KEY, 10000, 3);

    /* The polls and the cancel hang: the deadline still bounds the whole call. */
    instruction_json(body, sizeof body, "C-HANG-1", 2693);
    queue_fault("hang", "GET", "/v1/payment-instructions", NULL);
    queue_fault("hang", "DELETE", "/v1/payment-instructions", NULL);
    start = now_s();
    r = payroc_cloud_run_sale(stalled, "C-DEVICE-1", body, NULL, 2000, NULL, &out, &err);
    took = now_s() - start;
    CHECK(r == PAYROC_RESULT_TIMEOUT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(took < 5.0, "run_sale with a 2 s deadline took %.1f s", took);
    CHECK(payroc_error_maybe_processed(err), "a sale at its deadline said not processed");
    payroc_error_free(err);

    /* The submit itself hangs. */
    instruction_json(body, sizeof body, "C-HANG-2", 2793);
    queue_fault("hang", "POST", "/v1/devices/", NULL);
    start = now_s();
    r = payroc_cloud_run_sale(stalled, "C-DEVICE-1", body, NULL, 2000, NULL, &out, &err);
    took = now_s() - start;
    CHECK(r == PAYROC_RESULT_TIMEOUT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(took < 5.0, "run_sale with a hung submit took %.1f s", took);
    payroc_error_free(err);

    /* payroc_cloud_wait, its polls and its cancel hanging. */
    instruction_json(body, sizeof body, "C-HANG-3", 2893);
    r = payroc_call(stalled, "payment_instructions.submit", "{\"serialNumber\":\"C-DEVICE-1\"}", body,
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentInstructionId", id, sizeof id), "%s", name(r));
    payroc_string_free(out);
    out = NULL;
    queue_fault("hang", "GET", "/v1/payment-instructions", NULL);
    queue_fault("hang", "DELETE", "/v1/payment-instructions", NULL);
    start = now_s();
    r = payroc_cloud_wait(stalled, PAYROC_INSTRUCTION_PAYMENT, id, 2000, NULL, &out, &err);
    took = now_s() - start;
    CHECK(r == PAYROC_RESULT_TIMEOUT, "%s: %s", name(r), payroc_error_message(err));
    CHECK(took < 5.0, "wait with a 2 s deadline took %.1f s", took);
    payroc_error_free(err);
    payroc_client_free(stalled);

    /* An empty or blank device serial: refused, nothing submitted. */
    instruction_json(body, sizeof body, "C-NOSERIAL-1", 2450);
    r = payroc_cloud_run_sale(client, "", body, NULL, 5000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION, "empty serial: %s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    r = payroc_cloud_run_sale(client, "  ", body, NULL, 5000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION, "blank serial: %s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    CHECK(requested("/v1/devices//") == 0 && requested("/v1/devices/%20") == 0,
          "an instruction was submitted to a device with no serial");

    /* A switch already triggered: cancelled at once, nothing submitted. */
    cancel = payroc_cancel_new();
    payroc_cancel_trigger(cancel);
    instruction_json(body, sizeof body, "C-PRECANCEL-1", 2450);
    r = payroc_cloud_run_sale(client, "C-PRECANCEL-DEVICE", body, NULL, 5000, cancel, &out, &err);
    CHECK(r == PAYROC_RESULT_CANCELLED, "%s: %s", name(r), payroc_error_message(err));
    CHECK(!payroc_error_maybe_processed(err), "a sale never submitted said maybe processed");
    payroc_error_free(err);
    payroc_cancel_free(cancel);
    CHECK(requested("C-PRECANCEL-DEVICE") == 0, "a cancelled sale was submitted");

    /* The device completes the sale as the deadline's cancel arrives (the gateway
     * answers the cancel 409): the sale is returned, completed, with its payment. */
    instruction_json(body, sizeof body, "C-RACE-1", 2993);
    queue_fault("completeOnCancel", "DELETE", "/v1/payment-instructions", NULL);
    r = payroc_cloud_run_sale(client, "C-DEVICE-1", body, NULL, 1000, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "completed at the deadline: %s: %s", name(r), payroc_error_message(err));
    CHECK(out != NULL && strstr(out, "\"outcome\":\"completed\"") != NULL && strstr(out, "\"payment\":{") != NULL,
          "%s", out ? out : "");
    payroc_string_free(out);
    out = NULL;
    payroc_error_free(err);

    /* The same race through the cancel switch. */
    instruction_json(body, sizeof body, "C-RACE-2", 3093);
    queue_fault("completeOnCancel", "DELETE", "/v1/payment-instructions", NULL);
    cancel = payroc_cancel_new();
    c.cancel = cancel;
    pthread_create(&thread, NULL, cancel_later, &c);
    r = payroc_cloud_run_sale(client, "C-DEVICE-1", body, NULL, 20000, cancel, &out, &err);
    pthread_join(thread, NULL);
    CHECK(r == PAYROC_RESULT_OK, "completed at the cancel: %s: %s", name(r), payroc_error_message(err));
    CHECK(out != NULL && strstr(out, "\"outcome\":\"completed\"") != NULL && strstr(out, "\"payment\":{") != NULL,
          "%s", out ? out : "");
    payroc_string_free(out);
    payroc_error_free(err);
    payroc_cancel_free(cancel);
}

/* ---- repeat payments, payment links, PayTrace ---- */

static void test_repeat_links_paytrace(payroc_client *client) {
    char body[2048], token[32] = "", params[2048], series[1024], link_expiry[11];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_config *config;
    payroc_paytrace_client *paytrace = NULL;
    const char *start, *end;

    snprintf(params, sizeof params, "{\"processingTerminalId\":\"%s\"}", TERMINAL);
    snprintf(body, sizeof body,
             "{\"source\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"" PAN "\","
             "\"expiryDate\":\"%s\"},\"cardholderName\":\"Sarah Hopper\"}}}",
             expiry);
    r = payroc_call(client, "secure_tokens.create", params, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "token", token, sizeof token), "%s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);

    snprintf(body, sizeof body,
             "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\",\"order\":{"
             "\"orderId\":\"C-SUB-1\",\"amount\":2999,\"currency\":\"USD\"},"
             "\"paymentMethod\":{\"type\":\"secureToken\",\"token\":\"%s\"}}",
             token);
    r = payroc_call(client, "repeat_payments.start", "{\"processingModel\":\"recurring\"}", body, NULL,
                    &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    start = out ? strstr(out, "\"series\":{") : NULL;
    CHECK(start != NULL, "no series in %s", out ? out : "");
    if (start != NULL) {
        /* The series object ends before ,"seriesError". */
        start += strlen("\"series\":");
        end = strstr(start, ",\"seriesError\"");
        snprintf(series, sizeof series, "%.*s", (int)(end - start), start);
        snprintf(body, sizeof body,
                 "{\"series\":%s,\"order\":{\"orderId\":\"C-SUB-2\",\"amount\":2999,\"currency\":\"USD\"}}",
                 series);
        payroc_string_free(out);
        r = payroc_call(client, "repeat_payments.charge", NULL, body, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && strstr(out, "\"subsequent\"") != NULL, "%s: %s", name(r),
              out ? out : payroc_error_message(err));
    }
    payroc_string_free(out);
    out = NULL;
    r = payroc_call(client, "repeat_payments.charge", NULL,
                    "{\"series\":{\"channel\":\"web\"},\"order\":{\"orderId\":\"C-SUB-3\",\"amount\":2999,"
                    "\"currency\":\"USD\"}}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "series.processingTerminalId"), "%s: %s", name(r),
          payroc_error_message(err));
    payroc_error_free(err);

    snprintf(params, sizeof params, "{\"processingTerminalId\":\"%s\"}", TERMINAL);
    iso_date_in_days(90, link_expiry);
    snprintf(body, sizeof body,
             "{\"type\":\"singleUse\",\"merchantReference\":\"C-LINK-1\",\"order\":{"
             "\"orderId\":\"C-LINK-1\",\"description\":\"Deposit\",\"charge\":{\"type\":"
             "\"preset\",\"amount\":12500,\"currency\":\"USD\"}},\"authType\":\"sale\","
             "\"paymentMethods\":[\"card\"],\"expiresOn\":\"%s\"}",
             link_expiry);
    r = payroc_call(client, "payment_links.create", params, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentLinkId", token, sizeof token), "%s: %s",
          name(r), payroc_error_message(err));
    payroc_string_free(out);
    snprintf(params, sizeof params, "{\"paymentLinkId\":\"%s\"}", token);
    r = payroc_call(client, "payment_links.share", params,
                    "{\"sharingMethod\":\"email\",\"recipients\":[{\"name\":\"Ada Byron\","
                    "\"email\":\"ada@example.com\"}],\"message\":\"Your invoice\"}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "sharingEventId") != NULL, "%s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);

    config = payroc_config_new();
    payroc_config_set_paytrace_url(config, base_url, NULL);
    r = payroc_paytrace_client_new(config, "c-user", "c-password", &paytrace, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    payroc_config_free(config);
    r = payroc_paytrace_call(paytrace, "recurrences.create", NULL,
                             "{\"merchant_id\":1001,\"customer_id\":123456789,\"recurrence\":{"
                             "\"amount\":24.95,\"frequency\":\"3\",\"start_date\":\"10/01/2024\","
                             "\"total_count\":\"12\",\"transaction_type\":\"Sale\",\"type\":\"A\","
                             "\"description\":\"Monthly fee\"}}",
                             &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "24.95") != NULL, "%s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);
    r = payroc_paytrace_call(paytrace, "recurrences.list_by_customer",
                             "{\"customerId\":123456789}", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && strstr(out, "Monthly fee") != NULL, "%s", name(r));
    payroc_string_free(out);
    r = payroc_paytrace_call(paytrace, "recurrences.create", NULL,
                             "{\"merchant_id\":1001,\"customer_id\":123456789,\"recurrence\":{"
                             "\"amount\":-1,\"frequency\":\"3\",\"start_date\":\"10/01/2024\","
                             "\"total_count\":\"12\",\"transaction_type\":\"Sale\",\"type\":\"A\"}}",
                             &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "recurrence.amount"), "%s", name(r));
    payroc_error_free(err);
    payroc_paytrace_client_free(paytrace);
}

/* ---- one client, many threads ---- */

#define THREADS 6
#define PER_THREAD 4

struct worker {
    payroc_client *client;
    int index;
    int ok;
};

static void *work(void *arg) {
    struct worker *w = arg;
    char body[1024], order_id[32];
    char *out = NULL;
    payroc_error *err = NULL;
    int i;
    for (i = 0; i < PER_THREAD; i++) {
        snprintf(order_id, sizeof order_id, "C-T%d-%d", w->index, i);
        payment_json(body, sizeof body, order_id, 1000 + w->index);
        if (payroc_call(w->client, "payments.create", NULL, body, NULL, &out, &err) == PAYROC_RESULT_OK &&
            strstr(out, order_id) != NULL) {
            w->ok++;
        } else {
            fprintf(stderr, "thread %d: %s\n", w->index, payroc_error_message(err));
        }
        payroc_string_free(out);
        payroc_error_free(err);
        out = NULL;
    }
    return NULL;
}

static void test_threads(payroc_client *client) {
    pthread_t threads[THREADS];
    struct worker workers[THREADS];
    int i, ok = 0;
    for (i = 0; i < THREADS; i++) {
        workers[i].client = client;
        workers[i].index = i;
        workers[i].ok = 0;
        pthread_create(&threads[i], NULL, work, &workers[i]);
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(threads[i], NULL);
        ok += workers[i].ok;
    }
    CHECK(ok == THREADS * PER_THREAD, "%d of %d payments", ok, THREADS * PER_THREAD);
}

/* ---- payment features and sessions: each operation with a valid request, then refused ---- */

#define T_PARAMS "{\"processingTerminalId\":\"" TERMINAL "\"}"
#define KEYED_CARD(number, cvv)                                                                      \
    "{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\",\"keyedData\":{\"dataFormat\":"   \
    "\"plainText\",\"cardNumber\":\"" number "\",\"expiryDate\":\"1230\",\"cvv\":\"" cvv "\"}}}"
#define APPLE_URL "https://apple-pay-gateway.apple.com/paymentservices/startSession"

static const struct feature_case {
    const char *op, *params, *body;
    const char *expect; /* a text the reply holds */
} feature_cases[] = {
    {"bank_accounts.verify", NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"bankAccount\":{\"type\":\"ach\",\"nameOnAccount\":"
     "\"Sarah Hopper\",\"accountNumber\":\"123456789\",\"routingNumber\":\"021000021\"}}",
     "\"verified\":true"},
    {"bank_accounts.verify", NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"bankAccount\":{\"type\":\"pad\",\"nameOnAccount\":"
     "\"Sarah Hopper\",\"accountNumber\":\"5550099\",\"transitNumber\":\"12345\",\"institutionNumber\":\"001\"}}",
     "\"verified\":false"},
    {"cards.verify", NULL, "{\"processingTerminalId\":\"" TERMINAL "\",\"card\":" KEYED_CARD("4111111111111111", "737") "}",
     "\"cardNumber\":\"411111******1111\""},
    {"cards.verify", NULL, "{\"processingTerminalId\":\"" TERMINAL "\",\"card\":" KEYED_CARD("4000000000000002", "737") "}",
     "\"verified\":false"},
    {"cards.view_ebt_balance", NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"currency\":\"USD\",\"card\":" KEYED_CARD("5076800000000019", "123") "}",
     "\"benefitCategory\":\"foodStamp\",\"amount\":31050"},
    {"cards.lookup_bin", NULL, "{\"card\":{\"type\":\"cardBin\",\"bin\":\"353011\"}}", "\"type\":\"JCB\""},
    {"fx_rates.retrieve", NULL,
     "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\",\"baseAmount\":10000,\"baseCurrency\":\"EUR\","
     "\"paymentMethod\":" KEYED_CARD("3530111333300000", "123") "}",
     "\"fxAmount\":17044"},
    {"hosted_fields_sessions.create", T_PARAMS, "{\"libVersion\":\"1.6.0.172441\",\"scenario\":\"payment\"}",
     "\"expiresAt\""},
    {"apple_pay_sessions.create", T_PARAMS,
     "{\"appleDomainId\":\"dom-1\",\"appleValidationUrl\":\"" APPLE_URL "\"}", "merchantSessionIdentifier"},
};

static const struct feature_refusal {
    const char *op, *params, *body;
    payroc_result result;
    const char *path; /* the field error named; NULL for none */
} feature_refusals[] = {
    /* Refused before the network. */
    {"bank_accounts.verify", NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"bankAccount\":{\"type\":\"ach\",\"nameOnAccount\":"
     "\"A\",\"accountNumber\":\"123\",\"routingNumber\":\"12\"}}",
     PAYROC_RESULT_VALIDATION, "bankAccount.routingNumber"},
    {"cards.verify", NULL, "{\"processingTerminalId\":\"" TERMINAL "\",\"card\":" KEYED_CARD("4111111111111112", "737") "}",
     PAYROC_RESULT_VALIDATION, "card.cardDetails.keyedData.cardNumber"},
    {"cards.lookup_bin", NULL, "{\"card\":{\"type\":\"cardBin\",\"bin\":\"4111111111111111\"}}",
     PAYROC_RESULT_VALIDATION, "card.bin"},
    {"fx_rates.retrieve", NULL,
     "{\"channel\":\"web\",\"processingTerminalId\":\"" TERMINAL "\",\"baseAmount\":0,\"baseCurrency\":\"EUR\","
     "\"paymentMethod\":" KEYED_CARD("3530111333300000", "123") "}",
     PAYROC_RESULT_VALIDATION, "baseAmount"},
    {"hosted_fields_sessions.create", T_PARAMS,
     "{\"libVersion\":\"1.6.0.172441\",\"scenario\":\"payment\",\"secureTokenId\":\"MREF_1\"}",
     PAYROC_RESULT_VALIDATION, "secureTokenId"},
    {"apple_pay_sessions.create", "{\"processingTerminalId\":\" \"}",
     "{\"appleDomainId\":\"dom-1\",\"appleValidationUrl\":\"" APPLE_URL "\"}", PAYROC_RESULT_VALIDATION,
     "processingTerminalId"},
    /* Refused by the emulator, as the API refuses them. */
    {"cards.view_ebt_balance", NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"currency\":\"USD\",\"card\":" KEYED_CARD("4111111111111111", "737") "}",
     PAYROC_RESULT_API_BAD_REQUEST, "card.cardDetails"},
    {"cards.lookup_bin", NULL, "{\"card\":{\"type\":\"cardBin\",\"bin\":\"999999\"}}", PAYROC_RESULT_API_NOT_FOUND,
     NULL},
    {"hosted_fields_sessions.create", T_PARAMS,
     "{\"libVersion\":\"1.6.0.172441\",\"scenario\":\"tokenization\",\"secureTokenId\":\"MREF_nobody\"}",
     PAYROC_RESULT_API_BAD_REQUEST, "secureTokenId"},
    {"apple_pay_sessions.create", T_PARAMS,
     "{\"appleDomainId\":\"unregistered-1\",\"appleValidationUrl\":\"" APPLE_URL "\"}",
     PAYROC_RESULT_API_BAD_REQUEST, "appleDomainId"},
};

static void test_payment_features(payroc_client *client) {
    size_t i;
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    for (i = 0; i < sizeof feature_cases / sizeof feature_cases[0]; i++) {
        const struct feature_case *c = &feature_cases[i];
        r = payroc_call(client, c->op, c->params, c->body, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && strstr(out, c->expect) != NULL, "%s: %s %s", c->op, name(r),
              r == PAYROC_RESULT_OK ? out : payroc_error_message(err));
        CHECK(r != PAYROC_RESULT_OK || !leaks_card(out), "%s: the reply holds the card: %s", c->op, out);
        if (r == PAYROC_RESULT_OK) payroc_string_free(out);
        else payroc_error_free(err);
        out = NULL;
        err = NULL;
    }
    /* The lookups go without an Idempotency-Key, the verifications with one. */
    CHECK(requested("\"route\":\"/v1/fx-rates\",\"idempotencyKey\":null") == 1, "fx-rates sent with a key");
    CHECK(requested("\"route\":\"/v1/cards/verify\",\"idempotencyKey\":null") == 0, "cards/verify sent without a key");
    for (i = 0; i < sizeof feature_refusals / sizeof feature_refusals[0]; i++) {
        const struct feature_refusal *c = &feature_refusals[i];
        r = payroc_call(client, c->op, c->params, c->body, NULL, &out, &err);
        CHECK(r == c->result, "%s: %s, not %s: %s", c->op, name(r), name(c->result),
              r == PAYROC_RESULT_OK ? out : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK) {
            payroc_string_free(out);
            out = NULL;
            continue;
        }
        CHECK(c->path == NULL || has_path(err, c->path), "%s: no field error at %s: %s", c->op, c->path,
              payroc_error_message(err));
        CHECK(!error_leaks_card(err), "%s: the error quotes the card", c->op);
        payroc_error_free(err);
        err = NULL;
    }
}

/* ---- payment plans and subscriptions: every operation, then the refusals ---- */

/* One call of the table: operation, parameters, body, the result wanted and, for a
 * success, text its reply must hold or, for a refusal, the field error's path ("" for
 * none). */
struct plan_case {
    const char *op, *params, *body;
    payroc_result want;
    const char *expect;
};

static void run_plan_cases(payroc_client *client, const struct plan_case *cases, size_t n) {
    size_t i;
    for (i = 0; i < n; i++) {
        const struct plan_case *c = &cases[i];
        char *out = NULL;
        payroc_error *err = NULL;
        payroc_result r = payroc_call(client, c->op, c->params, c->body, NULL, &out, &err);
        if (c->want == PAYROC_RESULT_OK) {
            CHECK(r == PAYROC_RESULT_OK && (c->expect[0] == '\0' || (out && strstr(out, c->expect))),
                  "%s (case %zu): %s: %s", c->op, i, name(r), out ? out : payroc_error_message(err));
        } else {
            CHECK(r == c->want && (c->expect[0] == '\0' || has_path(err, c->expect)), "%s (case %zu): %s, wanted %s: %s",
                  c->op, i, name(r), name(c->want), payroc_error_message(err));
        }
        payroc_string_free(out);
        payroc_error_free(err);
    }
}

static void test_payment_plans(payroc_client *client) {
    char body[1024], token[32] = "", today[11] = "", terminal[64], plan_a[128], plan_m[128], sub_a[128],
        sub_m[128], auto_plan[512], manual_plan[512], auto_sub[512], manual_sub[512], pay[256], bad_token[512],
        unknown_token[512], ids[4][32], list_plans[128], list_subs[128];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;

    /* The emulator's date (other runs may have moved its clock) and a saved card. */
    CHECK(mock_fetch(base_url, "GET", "/_mock/clock", "", &out) == 200 && json_find(out, "today", today, sizeof today),
          "GET /_mock/clock: %s", out ? out : "");
    free(out);
    out = NULL;
    snprintf(terminal, sizeof terminal, "{\"processingTerminalId\":\"%s\"}", TERMINAL);
    snprintf(body, sizeof body,
             "{\"source\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"" PAN "\","
             "\"expiryDate\":\"%s\"},\"cardholderName\":\"Sarah Hopper\"}}}",
             expiry);
    r = payroc_call(client, "secure_tokens.create", terminal, body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "token", token, sizeof token), "%s: %s", name(r),
          payroc_error_message(err));
    payroc_string_free(out);
    out = NULL;

    snprintf(ids[0], sizeof ids[0], "CPA-%s", run_tag);
    snprintf(ids[1], sizeof ids[1], "CPM-%s", run_tag);
    snprintf(ids[2], sizeof ids[2], "CSA-%s", run_tag);
    snprintf(ids[3], sizeof ids[3], "CSM-%s", run_tag);
    snprintf(plan_a, sizeof plan_a, "{\"processingTerminalId\":\"%s\",\"paymentPlanId\":\"%s\"}", TERMINAL, ids[0]);
    snprintf(plan_m, sizeof plan_m, "{\"processingTerminalId\":\"%s\",\"paymentPlanId\":\"%s\"}", TERMINAL, ids[1]);
    snprintf(sub_a, sizeof sub_a, "{\"processingTerminalId\":\"%s\",\"subscriptionId\":\"%s\"}", TERMINAL, ids[2]);
    snprintf(sub_m, sizeof sub_m, "{\"processingTerminalId\":\"%s\",\"subscriptionId\":\"%s\"}", TERMINAL, ids[3]);
    snprintf(list_plans, sizeof list_plans, "{\"processingTerminalId\":\"%s\",\"query\":{\"limit\":100}}", TERMINAL);
    snprintf(list_subs, sizeof list_subs,
             "{\"processingTerminalId\":\"%s\",\"query\":{\"status\":\"active\",\"frequency\":\"monthly\",\"limit\":100}}",
             TERMINAL);
    snprintf(auto_plan, sizeof auto_plan,
             "{\"paymentPlanId\":\"%s\",\"name\":\"Premium Club\",\"currency\":\"USD\",\"length\":12,"
             "\"type\":\"automatic\",\"frequency\":\"monthly\",\"onUpdate\":\"update\",\"onDelete\":\"complete\","
             "\"recurringOrder\":{\"amount\":2500,\"description\":\"Monthly fee\"}}",
             ids[0]);
    snprintf(manual_plan, sizeof manual_plan,
             "{\"paymentPlanId\":\"%s\",\"name\":\"Tuition\",\"currency\":\"USD\",\"type\":\"manual\","
             "\"frequency\":\"monthly\",\"onUpdate\":\"continue\",\"onDelete\":\"continue\"}",
             ids[1]);
    snprintf(auto_sub, sizeof auto_sub,
             "{\"subscriptionId\":\"%s\",\"paymentPlanId\":\"%s\",\"paymentMethod\":{\"type\":\"secureToken\","
             "\"token\":\"%s\"},\"startDate\":\"%s\"}",
             ids[2], ids[0], token, today);
    snprintf(manual_sub, sizeof manual_sub,
             "{\"subscriptionId\":\"%s\",\"paymentPlanId\":\"%s\",\"paymentMethod\":{\"type\":\"secureToken\","
             "\"token\":\"%s\"},\"startDate\":\"%s\"}",
             ids[3], ids[1], token, today);
    snprintf(pay, sizeof pay, "{\"order\":{\"orderId\":\"CPAY-%s\",\"amount\":12000}}", run_tag);
    snprintf(bad_token, sizeof bad_token,
             "{\"subscriptionId\":\"CSX-%s\",\"paymentPlanId\":\"%s\",\"paymentMethod\":{\"type\":\"secureToken\","
             "\"token\":\"MREF_1\"},\"startDate\":\"%s\"}",
             run_tag, ids[1], today);
    snprintf(unknown_token, sizeof unknown_token,
             "{\"subscriptionId\":\"CSX-%s\",\"paymentPlanId\":\"%s\",\"paymentMethod\":{\"type\":\"secureToken\","
             "\"token\":\"296753999999\"},\"startDate\":\"%s\"}",
             run_tag, ids[1], today);

    {
        const struct plan_case before_clock[] = {
            {"payment_plans.create", terminal, auto_plan, PAYROC_RESULT_OK, "\"onDelete\":\"complete\""},
            {"payment_plans.create", terminal, manual_plan, PAYROC_RESULT_OK, "\"type\":\"manual\""},
            {"payment_plans.retrieve", plan_a, NULL, PAYROC_RESULT_OK, "\"frequency\":\"monthly\""},
            {"payment_plans.list", list_plans, NULL, PAYROC_RESULT_OK, ids[1]},
            {"payment_plans.update", plan_a, "[{\"op\":\"replace\",\"path\":\"/recurringOrder/amount\",\"value\":2600}]",
             PAYROC_RESULT_OK, "\"amount\":2600"},
            {"subscriptions.create", terminal, auto_sub, PAYROC_RESULT_OK, "\"paidInvoices\":0"},
            {"subscriptions.create", terminal, manual_sub, PAYROC_RESULT_OK, "\"type\":\"manual\""},
            {"subscriptions.retrieve", sub_a, NULL, PAYROC_RESULT_OK, "\"status\":\"active\""},
            {"subscriptions.list", list_subs, NULL, PAYROC_RESULT_OK, ids[2]},
            {"subscriptions.update", sub_a, "[{\"op\":\"add\",\"path\":\"/description\",\"value\":\"Gold\"}]",
             PAYROC_RESULT_OK, "\"description\":\"Gold\""},
        };
        run_plan_cases(client, before_clock, sizeof before_clock / sizeof before_clock[0]);
    }
    /* The clock stays put ({"days":0}): the start date's cycle is collected all the same. */
    CHECK(mock_fetch(base_url, "POST", "/_mock/clock", "{\"days\":0}", &out) == 200 && out != NULL &&
              strstr(out, "\"paymentIds\":[\"") != NULL,
          "POST /_mock/clock: %s", out ? out : "");
    free(out);
    out = NULL;
    {
        const struct plan_case after_clock[] = {
            {"subscriptions.retrieve", sub_a, NULL, PAYROC_RESULT_OK, "\"paidInvoices\":1"},
            {"subscriptions.pay", sub_m, pay, PAYROC_RESULT_OK, "\"paidInvoices\":1"},
            {"subscriptions.deactivate", sub_a, NULL, PAYROC_RESULT_OK, "\"status\":\"cancelled\""},
            {"subscriptions.reactivate", sub_a, NULL, PAYROC_RESULT_OK, "\"status\":\"active\""},
            {"subscriptions.deactivate", sub_m, NULL, PAYROC_RESULT_OK, "\"status\":\"cancelled\""},
            {"payment_plans.delete", plan_a, NULL, PAYROC_RESULT_OK, ""},
            {"subscriptions.retrieve", sub_a, NULL, PAYROC_RESULT_OK, "\"status\":\"completed\""},
            /* Refusals: before the network, then the emulator's 400, 404 and 409. */
            {"payment_plans.create", terminal, "{\"paymentPlanId\":\"X\",\"name\":\"\",\"currency\":\"USD\","
             "\"type\":\"manual\",\"frequency\":\"monthly\",\"onUpdate\":\"update\",\"onDelete\":\"complete\"}",
             PAYROC_RESULT_VALIDATION, "name"},
            {"subscriptions.create", terminal, bad_token, PAYROC_RESULT_VALIDATION, "paymentMethod.token"},
            {"subscriptions.pay", sub_m, "{\"order\":{\"orderId\":\"X-1\"}}", PAYROC_RESULT_VALIDATION, "order.amount"},
            {"subscriptions.create", terminal, unknown_token, PAYROC_RESULT_API_BAD_REQUEST, "paymentMethod.token"},
            {"payment_plans.retrieve", plan_a, NULL, PAYROC_RESULT_API_NOT_FOUND, ""},
            {"subscriptions.retrieve", "{\"processingTerminalId\":\"" TERMINAL "\",\"subscriptionId\":\"NOPE\"}",
             NULL, PAYROC_RESULT_API_NOT_FOUND, ""},
            {"payment_plans.update", plan_m, "[{\"op\":\"replace\",\"path\":\"/paymentPlanId\",\"value\":\"X\"}]",
             PAYROC_RESULT_API_BAD_REQUEST, "[0].path"},
            {"subscriptions.deactivate", sub_m, NULL, PAYROC_RESULT_API_CONFLICT, ""},
            {"subscriptions.pay", sub_m, pay, PAYROC_RESULT_API_CONFLICT, ""},
            {"subscriptions.reactivate", sub_a, NULL, PAYROC_RESULT_API_CONFLICT, ""},
            {"payment_plans.delete", plan_m, NULL, PAYROC_RESULT_OK, ""},
        };
        run_plan_cases(client, after_clock, sizeof after_clock / sizeof after_clock[0]);
    }
}

/* ---- bank transfers (ACH and PAD): every operation with a valid request, then the
 * refusals of each state. The amount's last two digits pick the emulator's outcome
 * (10 settled, 11 returned, else ready in the open batch); "_settle" closes the batch.
 * Every text that comes back is checked for the account number sent. ---- */

#define BT_ACCOUNT "1234567890"
#define BT_ACH "{\"type\":\"ach\",\"nameOnAccount\":\"Sarah Hopper\",\"accountNumber\":\"" BT_ACCOUNT \
               "\",\"routingNumber\":\"123456789\",\"secCode\":\"web\"}"
#define BT_PAD "{\"type\":\"pad\",\"nameOnAccount\":\"Jean Tremblay\",\"accountNumber\":\"" BT_ACCOUNT \
               "\",\"transitNumber\":\"76543\",\"institutionNumber\":\"543\"}"
#define BT_PAYMENT(order, amount, currency, method)                                                   \
    "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"" order "\",\"amount\":" amount \
    ",\"currency\":\"" currency "\"},\"paymentMethod\":" method "}"

/* The ids the cases save and use: slot 0 is the run tag (for order ids). */
enum { BT_TAG, BT_OPEN, BT_SETTLED, BT_RETURNED, BT_REFUND, BT_UNREFERENCED, BT_SLOTS };

static const struct bank_case {
    const char *op;      /* a payroc_call operation, or "_settle" (close the batch) */
    int slot;            /* the saved id each %s of params and body stands for */
    const char *params;
    const char *body;
    payroc_result want;
    const char *expect;  /* text the reply holds (OK), or a field error's path */
    int save;            /* slot for the reply's first paymentId or refundId; 0: none */
} bank_cases[] = {
    {"bank_transfer_payments.create", BT_TAG, NULL,
     BT_PAYMENT("C-BT-%s-1", "4999", "USD", BT_ACH), PAYROC_RESULT_OK, "\"status\":\"ready\"", BT_OPEN},
    {"bank_transfer_payments.create", BT_TAG, NULL,
     BT_PAYMENT("C-BT-%s-2", "5010", "CAD", BT_PAD), PAYROC_RESULT_OK, "\"status\":\"complete\"", BT_SETTLED},
    {"bank_transfer_payments.create", BT_TAG, NULL,
     BT_PAYMENT("C-BT-%s-3", "6011", "USD", BT_ACH), PAYROC_RESULT_OK, "\"returnCode\":\"R01\"", BT_RETURNED},
    {"bank_transfer_payments.retrieve", BT_OPEN, "{\"paymentId\":\"%s\"}", NULL, PAYROC_RESULT_OK,
     "\"accountNumber\":\"******7890\"", 0},
    {"bank_transfer_payments.list", BT_TAG,
     "{\"query\":{\"processingTerminalId\":\"" TERMINAL "\",\"orderId\":\"C-BT-%s-1\",\"limit\":2}}", NULL,
     PAYROC_RESULT_OK, "\"count\":1", 0},
    {"bank_transfer_payments.represent", BT_RETURNED, "{\"paymentId\":\"%s\"}", "{}", PAYROC_RESULT_OK,
     "\"represented\":true", 0},
    {"bank_transfer_payments.refund", BT_SETTLED, "{\"paymentId\":\"%s\"}",
     "{\"amount\":1000,\"description\":\"Damaged\"}", PAYROC_RESULT_OK, "\"amount\":1000", BT_REFUND},
    {"bank_transfer_payments.reverse", BT_OPEN, "{\"paymentId\":\"%s\"}", NULL, PAYROC_RESULT_OK,
     "\"status\":\"reversal\"", 0},
    {"bank_transfer_refunds.create", BT_TAG, NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"C-BT-%s-4\",\"amount\":700,"
     "\"currency\":\"USD\"},\"refundMethod\":" BT_ACH "}",
     PAYROC_RESULT_OK, "\"type\":\"unreferencedRefund\"", BT_UNREFERENCED},
    {"bank_transfer_refunds.list", BT_TAG,
     "{\"query\":{\"processingTerminalId\":\"" TERMINAL "\",\"orderId\":\"C-BT-%s-4\","
     "\"type\":[\"unreferencedRefund\"]}}",
     NULL, PAYROC_RESULT_OK, "\"count\":1", 0},
    {"bank_transfer_refunds.retrieve", BT_REFUND, "{\"refundId\":\"%s\"}", NULL, PAYROC_RESULT_OK,
     "\"type\":\"refund\"", 0},
    {"bank_transfer_refunds.reverse", BT_UNREFERENCED, "{\"refundId\":\"%s\"}", NULL, PAYROC_RESULT_OK,
     "\"status\":\"reversal\"", 0},
    /* Refused by the state: 409. */
    {"bank_transfer_payments.reverse", BT_OPEN, "{\"paymentId\":\"%s\"}", NULL, PAYROC_RESULT_API_CONFLICT,
     NULL, 0},
    {"bank_transfer_payments.represent", BT_OPEN, "{\"paymentId\":\"%s\"}", "{}",
     PAYROC_RESULT_API_CONFLICT, NULL, 0},
    {"bank_transfer_payments.represent", BT_RETURNED, "{\"paymentId\":\"%s\"}", "{}",
     PAYROC_RESULT_API_CONFLICT, NULL, 0},
    {"bank_transfer_payments.refund", BT_RETURNED, "{\"paymentId\":\"%s\"}",
     "{\"amount\":100,\"description\":\"x\"}", PAYROC_RESULT_API_CONFLICT, NULL, 0},
    {"bank_transfer_payments.reverse", BT_SETTLED, "{\"paymentId\":\"%s\"}", NULL,
     PAYROC_RESULT_API_CONFLICT, NULL, 0},
    {"bank_transfer_refunds.reverse", BT_UNREFERENCED, "{\"refundId\":\"%s\"}", NULL,
     PAYROC_RESULT_API_CONFLICT, NULL, 0},
    {"_settle", BT_TAG, NULL, NULL, PAYROC_RESULT_OK, NULL, 0},
    {"bank_transfer_refunds.reverse", BT_REFUND, "{\"refundId\":\"%s\"}", NULL, PAYROC_RESULT_API_CONFLICT,
     NULL, 0},
    /* Refused by the server at a field: 400. */
    {"bank_transfer_payments.refund", BT_SETTLED, "{\"paymentId\":\"%s\"}",
     "{\"amount\":999999,\"description\":\"Too much\"}", PAYROC_RESULT_API_BAD_REQUEST, "amount", 0},
    {"bank_transfer_refunds.create", BT_TAG, NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"C-BT-%s-5\",\"amount\":700,"
     "\"currency\":\"USD\"},\"refundMethod\":{\"type\":\"secureToken\",\"token\":\"296753999994\"}}",
     PAYROC_RESULT_API_BAD_REQUEST, "refundMethod.token", 0},
    /* Unknown ids: 404. */
    {"bank_transfer_payments.retrieve", BT_TAG, "{\"paymentId\":\"NOSUCHPAY1\"}", NULL,
     PAYROC_RESULT_API_NOT_FOUND, NULL, 0},
    {"bank_transfer_refunds.retrieve", BT_TAG, "{\"refundId\":\"NOSUCHREF1\"}", NULL,
     PAYROC_RESULT_API_NOT_FOUND, NULL, 0},
    /* Refused before the network, with the field's path. */
    {"bank_transfer_payments.create", BT_TAG, NULL,
     "{\"processingTerminalId\":\"" TERMINAL "\",\"order\":{\"orderId\":\"C-BT-%s-6\",\"currency\":\"USD\"},"
     "\"paymentMethod\":{\"type\":\"ach\",\"nameOnAccount\":\"S\",\"accountNumber\":\"" BT_ACCOUNT "\","
     "\"routingNumber\":\"12345\"}}",
     PAYROC_RESULT_VALIDATION, "paymentMethod.routingNumber", 0},
    {"bank_transfer_payments.create", BT_TAG, NULL,
     BT_PAYMENT("C-BT-%s-7", "100", "CAD",
                "{\"type\":\"pad\",\"nameOnAccount\":\"J\",\"accountNumber\":\"1\",\"transitNumber\":\"7654\","
                "\"institutionNumber\":\"543\"}"),
     PAYROC_RESULT_VALIDATION, "paymentMethod.transitNumber", 0},
    {"bank_transfer_payments.list", BT_TAG, "{\"query\":{\"type\":[\"refund\"]}}", NULL,
     PAYROC_RESULT_VALIDATION, "processingTerminalId", 0},
    {"bank_transfer_refunds.list", BT_TAG,
     "{\"query\":{\"processingTerminalId\":\"" TERMINAL "\",\"type\":[\"payment\"]}}", NULL,
     PAYROC_RESULT_VALIDATION, "type", 0},
    {"bank_transfer_payments.refund", BT_SETTLED, "{\"paymentId\":\"%s\"}", "{\"amount\":0}",
     PAYROC_RESULT_VALIDATION, "description", 0},
};

static void test_bank_transfers(payroc_client *client) {
    char ids[BT_SLOTS][64], params[512], body[1024], order[64], first[64] = "", second[64] = "";
    char *out = NULL;
    const char *text;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    char key[40];
    /* A key of this run (the body names this run's order). */
    snprintf(key, sizeof key, "6a1c1f0e-3b9e-4d7b-9a51-%012lx", strtoul(run_tag, NULL, 16));
    snprintf(ids[BT_TAG], sizeof ids[BT_TAG], "%s", run_tag);
    for (i = 1; i < BT_SLOTS; i++) ids[i][0] = '\0';

    for (i = 0; i < sizeof bank_cases / sizeof bank_cases[0]; i++) {
        const struct bank_case *c = &bank_cases[i];
        if (strcmp(c->op, "_settle") == 0) {
            CHECK(mock_control(base_url, "POST", "/_mock/bank-transfers/settle", "") == 200,
                  "cannot close the bank-transfer batch");
            continue;
        }
        if (c->params) snprintf(params, sizeof params, c->params, ids[c->slot]);
        if (c->body) snprintf(body, sizeof body, c->body, ids[c->slot]);
        r = payroc_call(client, c->op, c->params ? params : "{}", c->body ? body : NULL, NULL, &out, &err);
        text = r == PAYROC_RESULT_OK ? out : payroc_error_message(err);
        CHECK(r == c->want, "case %zu %s: %s, not %s: %s", i, c->op, name(r), name(c->want), text);
        CHECK(text == NULL || strstr(text, BT_ACCOUNT) == NULL, "case %zu %s: the account number came back",
              i, c->op);
        if (r == PAYROC_RESULT_OK && c->expect) {
            CHECK(strstr(out, c->expect) != NULL, "case %zu %s: no %s in %s", i, c->op, c->expect, out);
        } else if (r != PAYROC_RESULT_OK && c->expect) {
            CHECK(has_path(err, c->expect), "case %zu %s: no field error at %s", i, c->op, c->expect);
        }
        if (r != PAYROC_RESULT_OK && c->want >= PAYROC_RESULT_API && c->want < PAYROC_RESULT_AUTHENTICATION) {
            CHECK(payroc_error_problem_json(err) != NULL, "case %zu %s: no problem JSON", i, c->op);
        }
        if (r == PAYROC_RESULT_OK && c->save) {
            CHECK(json_find(out, "refundId", ids[c->save], sizeof ids[c->save]) ||
                      json_find(out, "paymentId", ids[c->save], sizeof ids[c->save]),
                  "case %zu %s: no id in %s", i, c->op, out);
        }
        if (r == PAYROC_RESULT_OK) payroc_string_free(out);
        else payroc_error_free(err);
        out = NULL;
        err = NULL;
    }

    /* The same key and body again: the stored payment, not a second debit. */
    snprintf(order, sizeof order, "C-BT-%s-8", run_tag);
    snprintf(body, sizeof body, BT_PAYMENT("%s", "2500", "USD", BT_ACH), order);
    r = payroc_call(client, "bank_transfer_payments.create", NULL, body, key, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentId", first, sizeof first), "%s", name(r));
    if (r == PAYROC_RESULT_OK) payroc_string_free(out);
    else payroc_error_free(err);
    r = payroc_call(client, "bank_transfer_payments.create", NULL, body, key, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentId", second, sizeof second) &&
              strcmp(first, second) == 0,
          "the replay made %s after %s", second, first);
    if (r == PAYROC_RESULT_OK) payroc_string_free(out);
    else payroc_error_free(err);
    CHECK(payments_for(order) == 1, "%ld bank transfers for one key", payments_for(order));
}

/* ---- funding: recipients, accounts, owners, instructions, balances, activity ---- */

/* What the funding table's templates name: {R} recipient, {A} account, {I} instruction,
 * {M} merchant, {F}/{T} a date range around today. */
struct funding_ids {
    char recipient[24], account[24], instruction[24], merchant[24], from[11], to[11];
};

/* template with each {X} replaced by its id. */
static void funding_fill(char *out, size_t n, const char *template, const struct funding_ids *ids) {
    size_t len = 0;
    const char *at;
    for (at = template; *at != '\0' && len + 1 < n; at++) {
        const char *value = NULL;
        if (at[0] == '{' && at[1] != '\0' && at[2] == '}') {
            switch (at[1]) {
            case 'R': value = ids->recipient; break;
            case 'A': value = ids->account; break;
            case 'I': value = ids->instruction; break;
            case 'M': value = ids->merchant; break;
            case 'F': value = ids->from; break;
            case 'T': value = ids->to; break;
            default: break;
            }
        }
        if (value != NULL) {
            len += (size_t)snprintf(out + len, n - len, "%s", value);
            if (len >= n) len = n - 1;
            at += 2;
        } else {
            out[len++] = *at;
        }
    }
    out[len] = '\0';
}

#define F_ADDRESS "\"address\":{\"address1\":\"1 Example Ave.\",\"city\":\"Chicago\",\"state\":\"Illinois\"," \
                  "\"country\":\"US\",\"postalCode\":\"60056\"}"
#define F_ACCOUNT(name, number) "{\"type\":\"checking\",\"use\":\"credit\",\"nameOnAccount\":\"" name "\"," \
    "\"paymentMethods\":[{\"type\":\"ach\",\"value\":{\"routingNumber\":\"123456789\",\"accountNumber\":\"" number "\"}}]}"
#define F_OWNER(first, prong) "{\"firstName\":\"" first "\",\"lastName\":\"Doe\",\"dateOfBirth\":\"1964-03-22\"," \
    F_ADDRESS ",\"identifiers\":[{\"type\":\"nationalId\",\"value\":\"123004320\"}],\"contactMethods\":[{\"type\":" \
    "\"email\",\"value\":\"jane@example.com\"}],\"relationship\":{\"isControlProng\":" prong "}}"
#define F_RECIPIENT_FIELDS "\"recipientType\":\"nonProfit\",\"taxId\":\"987654321\",\"doingBusinessAs\":\"Doe Charity\"," \
    F_ADDRESS ",\"contactMethods\":[{\"type\":\"email\",\"value\":\"info@example.com\"}]"
#define F_INSTRUCTION(amount) "{\"merchants\":[{\"merchantId\":\"{M}\",\"recipients\":[{\"fundingAccountId\":{A}," \
    "\"paymentMethod\":\"ACH\",\"amount\":{\"value\":" amount ",\"currency\":\"USD\"}}]}]}"

/* Every funding operation with a valid request, in an order that builds what the next
 * needs; then the error paths (validation before the network, 404, 409). */
static void test_funding(payroc_client *client) {
    static const struct {
        const char *op, *params, *body, *expect; /* expect: in the reply ("null": no content) */
    } table[] = {
        {"funding_recipients.create", "{}",
         "{" F_RECIPIENT_FIELDS ",\"owners\":[" F_OWNER("Jane", "true") "],\"fundingAccounts\":["
         F_ACCOUNT("Doe Charity", "99001122334") "]}", "\"recipientId\":"},
        {"funding_recipients.list", "{\"query\":{\"limit\":100}}", NULL, "\"data\":["},
        {"funding_recipients.retrieve", "{\"recipientId\":\"{R}\"}", NULL, "\"doingBusinessAs\":\"Doe Charity\""},
        {"funding_recipients.update", "{\"recipientId\":\"{R}\"}",
         "{" F_RECIPIENT_FIELDS ",\"charityId\":\"CH-9\"}", "null"},
        {"funding_recipients.create_account", "{\"recipientId\":\"{R}\"}", F_ACCOUNT("Doe Savings", "5550001"),
         "\"status\":\"approved\""},
        {"funding_recipients.list_accounts", "{\"recipientId\":\"{R}\"}", NULL, "\"nameOnAccount\":\"Doe Savings\""},
        {"funding_recipients.create_owner", "{\"recipientId\":\"{R}\"}", F_OWNER("John", "false"),
         "\"value\":\"xxxxx4320\""},
        {"funding_recipients.list_owners", "{\"recipientId\":\"{R}\"}", NULL, "\"firstName\":\"John\""},
        {"funding_accounts.list", "{}", NULL, "\"hasMore\":"},
        {"funding_accounts.retrieve", "{\"fundingAccountId\":\"{A}\"}", NULL, "\"fundingAccountId\":{A}"},
        {"funding_accounts.update", "{\"fundingAccountId\":\"{A}\"}", F_ACCOUNT("Doe Foundation", "99001122334"),
         "null"},
        {"funding_instructions.create", "{}", F_INSTRUCTION("3000"), "\"status\":\"accepted\""},
        {"funding_instructions.list", "{\"query\":{\"dateFrom\":\"{F}\",\"dateTo\":\"{T}\",\"limit\":100}}", NULL,
         "\"instructionId\":{I}"},
        {"funding_instructions.retrieve", "{\"instructionId\":\"{I}\"}", NULL, "\"value\":3000"},
        {"funding_instructions.update", "{\"instructionId\":\"{I}\"}", F_INSTRUCTION("2500"), "null"},
        {"funding_activity.retrieve_balance", "{\"query\":{\"merchantId\":\"{M}\"}}", NULL,
         "\"pending\":2500,\"available\":7500"},
        {"funding_activity.list", "{\"query\":{\"dateFrom\":\"{F}\",\"dateTo\":\"{T}\",\"merchantId\":\"{M}\"}}",
         NULL, "\"amount\":10000,\"type\":\"credit\""},
        {"funding_instructions.delete", "{\"instructionId\":\"{I}\"}", NULL, "null"},
        {"funding_accounts.delete", "{\"fundingAccountId\":\"{A}\"}", NULL, "null"},
        {"funding_recipients.delete", "{\"recipientId\":\"{R}\"}", NULL, "null"},
    };
    struct funding_ids ids;
    char params[512], body[2048], expect[128], credit[256];
    long recipient = 0, account = 0, instruction = 0;
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    memset(&ids, 0, sizeof ids);
    snprintf(ids.merchant, sizeof ids.merchant, "C%s", run_tag);
    iso_date_in_days(-3, ids.from);
    iso_date_in_days(3, ids.to);
    snprintf(credit, sizeof credit, "{\"merchantId\":\"%s\",\"amount\":10000,\"merchantName\":\"C Pizza\"}",
             ids.merchant);
    CHECK(mock_control(base_url, "POST", "/_mock/funding/credit", credit) == 200, "credit funding");

    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        funding_fill(params, sizeof params, table[i].params, &ids);
        if (table[i].body) funding_fill(body, sizeof body, table[i].body, &ids);
        funding_fill(expect, sizeof expect, table[i].expect, &ids);
        r = payroc_call(client, table[i].op, params, table[i].body ? body : NULL, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && out != NULL && strstr(out, expect) != NULL, "%s: %s %s", table[i].op,
              name(r), r == PAYROC_RESULT_OK ? (out ? out : "") : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "funding_recipients.create") == 0) {
            json_long(out, "recipientId", &recipient);
            json_long(out, "fundingAccountId", &account);
            snprintf(ids.recipient, sizeof ids.recipient, "%ld", recipient);
            snprintf(ids.account, sizeof ids.account, "%ld", account);
        }
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "funding_instructions.create") == 0) {
            json_long(out, "instructionId", &instruction);
            snprintf(ids.instruction, sizeof ids.instruction, "%ld", instruction);
        }
        /* A plain array comes as the server sent it. */
        if (r == PAYROC_RESULT_OK && strstr(table[i].op, ".list_") != NULL) {
            CHECK(out[0] == '[', "%s: not an array: %s", table[i].op, out);
        }
        /* No account number in an error; in a reply only as the server sent it. */
        if (r != PAYROC_RESULT_OK) payroc_error_free(err);
        payroc_string_free(out);
        out = NULL;
        err = NULL;
    }

    /* Validation before the network, with the path; no account number in the message. */
    r = payroc_call(client, "funding_recipients.create", "{}",
                    "{" F_RECIPIENT_FIELDS ",\"owners\":[" F_OWNER("Jane", "true") "],\"fundingAccounts\":["
                    F_ACCOUNT("Doe", "77ab66") "]}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION &&
              has_path(err, "fundingAccounts[0].paymentMethods[0].value.accountNumber") &&
              strstr(payroc_error_message(err), "77ab66") == NULL,
          "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    r = payroc_call(client, "funding_activity.list", "{}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "dateFrom") && has_path(err, "dateTo"), "%s: %s",
          name(r), payroc_error_message(err));
    payroc_error_free(err);

    /* The emulator's refusals: 404 for what is gone, 409 above the available balance. */
    funding_fill(params, sizeof params, "{\"recipientId\":\"{R}\"}", &ids);
    r = payroc_call(client, "funding_recipients.list_owners", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    r = payroc_call(client, "funding_recipients.create", "{}",
                    "{" F_RECIPIENT_FIELDS ",\"owners\":[" F_OWNER("Jane", "true") "],\"fundingAccounts\":["
                    F_ACCOUNT("Doe", "99001122334") "]}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s: %s", name(r), payroc_error_message(err));
    json_long(out, "fundingAccountId", &account);
    snprintf(ids.account, sizeof ids.account, "%ld", account);
    payroc_string_free(out);
    out = NULL;
    funding_fill(body, sizeof body, F_INSTRUCTION("10001"), &ids);
    r = payroc_call(client, "funding_instructions.create", "{}", body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_CONFLICT, "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
}

/* ---- settlement reporting: payments settle into batches, deposits, disputes ---- */

/* This run's own merchant: a processing account drawn from run_tag, so that its batches
 * hold only this run's payments even on an emulator another run (valgrind's) has used.
 * The emulator's merchant of terminal AAAAAA001 is 45 followed by the account in 8 digits. */
static char settle_terminal[16], settle_merchant[16];

/* The sum of every "key": integer in json (amounts of a page's items). */
static long json_sum(const char *json, const char *key) {
    char pattern[128];
    const char *at = json;
    long total = 0;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    while (at != NULL && (at = strstr(at, pattern)) != NULL) {
        at += strlen(pattern);
        total += strtol(at, NULL, 10);
    }
    return total;
}

/* A sale of `amount` on the settlement terminal; its id into payment_id. */
static void settle_sale(payroc_client *client, long amount, char *payment_id, size_t n) {
    char body[1024], order_id[48], *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    snprintf(order_id, sizeof order_id, "C-SET-%s-%ld", run_tag, amount);
    char sale_body[1024];
    const char *at;
    payment_json(body, sizeof body, order_id, amount);
    /* The same body on this run's terminal: the merchant whose batch this test reads. */
    at = strstr(body, TERMINAL);
    snprintf(sale_body, sizeof sale_body, "%.*s%s%s", (int)(at - body), body, settle_terminal,
             at + strlen(TERMINAL));
    r = payroc_call(client, "payments.create", NULL, sale_body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "paymentId", payment_id, n), "sale %ld: %s %s", amount,
          name(r), r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
    payroc_string_free(out);
    payroc_error_free(err);
}

/* Runs op with params; its reply (owned) or NULL after a failed CHECK. */
static char *settle_call(payroc_client *client, const char *op, const char *params) {
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r = payroc_call(client, op, params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "%s %s: %s %s", op, params, name(r),
          r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
    payroc_error_free(err);
    return r == PAYROC_RESULT_OK ? out : NULL;
}

static void test_settlement(payroc_client *client) {
    char today[16] = "", pay1[64] = "", pay2[64] = "", params[512], path[96], *clock = NULL, *out = NULL;
    char *page = NULL, *reply = NULL;
    char refund[768];
    long batch_id = 0, deposit_id = 0, transaction_id = 0, authorization_id = 0, dispute_id = 0;
    long sales = 0, returns = 0, fees = 0, net = 0, after = 0, seen = 0;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;

    unsigned long account = 700000UL + strtoul(run_tag, NULL, 16) % 299999UL;
    snprintf(settle_terminal, sizeof settle_terminal, "%lu001", account);
    snprintf(settle_merchant, sizeof settle_merchant, "45%08lu", account);
    snprintf(refund, sizeof refund,
             "{\"channel\":\"moto\",\"processingTerminalId\":\"%s\","
             "\"order\":{\"orderId\":\"C-SET-R-%s\",\"amount\":700,\"currency\":\"USD\"},"
             "\"refundMethod\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"" PAN "\","
             "\"expiryDate\":\"1230\"}}}}",
             settle_terminal, run_tag);
    CHECK(mock_fetch(base_url, "GET", "/_mock/clock", "", &clock) == 200 && json_find(clock, "today", today, sizeof today),
          "no emulator date");
    free(clock);
    settle_sale(client, 1000, pay1, sizeof pay1);
    settle_sale(client, 2550, pay2, sizeof pay2);
    settle_sale(client, 1250, pay2, sizeof pay2);
    r = payroc_call(client, "refunds.create", NULL, refund, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "refund: %s %s", name(r), r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
    payroc_string_free(out);
    payroc_error_free(err);
    out = NULL;
    err = NULL;
    CHECK(mock_control(base_url, "POST", "/_mock/batches/close", "") == 200, "cannot close the batches");

    /* The merchant's batch holds exactly these, and its deposit pays them less fees. */
    snprintf(params, sizeof params, "{\"query\":{\"date\":\"%s\",\"merchantId\":\"%s\"}}", today, settle_merchant);
    page = settle_call(client, "batches.list", params);
    CHECK(page && strstr(page, "\"count\":1") && json_long(page, "batchId", &batch_id) &&
              json_long(page, "saleAmount", &sales) && json_long(page, "returnAmount", &returns) &&
              sales == 4800 && returns == 700,
          "batch: %s", page ? page : "");
    payroc_string_free(page);

    /* Every transaction of the batch, two a page, following the cursor. */
    for (i = 0, after = 0; i < 5; i++) {
        char cursor[48] = "";
        if (after) snprintf(cursor, sizeof cursor, ",\"after\":\"%ld\"", after);
        snprintf(params, sizeof params, "{\"query\":{\"batchId\":%ld,\"limit\":2%s}}", batch_id, cursor);
        page = settle_call(client, "transactions.list", params);
        if (page == NULL) break;
        seen += json_sum(page, "count");
        if (transaction_id == 0) json_long(page, "transactionId", &transaction_id);
        if (authorization_id == 0) json_long(page, "authorizationId", &authorization_id);
        if (deposit_id == 0) json_long(page, "achDepositId", &deposit_id);
        {
            const char *next = strstr(page, "after=");
            after = next ? strtol(next + 6, NULL, 10) : 0;
        }
        payroc_string_free(page);
        if (after == 0) break;
    }
    CHECK(seen == 4 && i == 1, "%ld transactions over %zu pages", seen, i + 1);

    snprintf(params, sizeof params, "{\"achDepositId\":\"%ld\"}", deposit_id);
    reply = settle_call(client, "ach_deposits.retrieve", params);
    CHECK(reply && json_long(reply, "dailyFees", &fees) && json_long(reply, "netAmount", &net) &&
              net == sales - returns - fees && fees > 0,
          "deposit: %s", reply ? reply : "");
    payroc_string_free(reply);
    snprintf(params, sizeof params, "{\"query\":{\"achDepositId\":%ld}}", deposit_id);
    reply = settle_call(client, "ach_deposit_fees.list", params);
    CHECK(reply && json_sum(reply, "amount") == fees, "fees %ld: %s", fees, reply ? reply : "");
    payroc_string_free(reply);

    /* A dispute on the first sale (a test control), then every read operation. */
    snprintf(params, sizeof params, "{\"paymentId\":\"%s\",\"amount\":400}", pay1);
    CHECK(mock_fetch(base_url, "POST", "/_mock/disputes", params, &reply) == 201 &&
              json_long(reply, "disputeId", &dispute_id),
          "dispute: %s", reply ? reply : "");
    free(reply);
    {
        char cases[9][256];
        const char *ops[9] = {"batches.list",          "batches.retrieve",    "transactions.retrieve",
                              "authorizations.list",   "authorizations.retrieve", "disputes.list",
                              "disputes.list_statuses", "ach_deposits.list",   "transactions.list"};
        const char *expect[9] = {"\"saleAmount\":4800", "\"transactionCount\":4", "\"transactionId\"",
                                 "\"count\":3",         "\"authorizationResponse\":\"approved\"",
                                 "\"disputeAmount\":400", "\"status\":\"new\"", "\"netAmount\"",
                                 "\"type\":\"return\""};
        snprintf(cases[0], sizeof cases[0], "{\"query\":{\"date\":\"%s\",\"merchantId\":\"%s\"}}", today,
                 settle_merchant);
        snprintf(cases[1], sizeof cases[1], "{\"batchId\":\"%ld\"}", batch_id);
        snprintf(cases[2], sizeof cases[2], "{\"transactionId\":\"%ld\"}", transaction_id);
        snprintf(cases[3], sizeof cases[3], "{\"query\":{\"batchId\":%ld}}", batch_id);
        snprintf(cases[4], sizeof cases[4], "{\"authorizationId\":\"%ld\"}", authorization_id);
        snprintf(cases[5], sizeof cases[5], "{\"query\":{\"date\":\"%s\",\"merchantId\":\"%s\"}}", today,
                 settle_merchant);
        snprintf(cases[6], sizeof cases[6], "{\"disputeId\":\"%ld\"}", dispute_id);
        snprintf(cases[7], sizeof cases[7], "{\"query\":{\"date\":\"%s\",\"merchantId\":\"%s\"}}", today,
                 settle_merchant);
        snprintf(cases[8], sizeof cases[8], "{\"query\":{\"batchId\":%ld,\"transactionType\":\"Return\"}}", batch_id);
        for (i = 0; i < 9; i++) {
            reply = settle_call(client, ops[i], cases[i]);
            CHECK(reply && strstr(reply, expect[i]), "%s %s: %s", ops[i], cases[i], reply ? reply : "");
            payroc_string_free(reply);
        }
    }
    snprintf(path, sizeof path, "/_mock/disputes/%ld/statuses", dispute_id);
    CHECK(mock_control(base_url, "POST", path, "{\"status\":\"representmentInProgress\"}") == 200, "status");
    snprintf(params, sizeof params, "{\"disputeId\":\"%ld\"}", dispute_id);
    reply = settle_call(client, "disputes.list_statuses", params);
    CHECK(reply && reply[0] == '[' && strstr(reply, "representmentInProgress"), "history: %s", reply ? reply : "");
    payroc_string_free(reply);

    /* Refused before the network, with the field's path; and the server's 404s. */
    {
        static const struct { const char *op, *params, *path; } bad[] = {
            {"batches.list", "{\"query\":{}}", "date"},
            {"transactions.list", "{\"query\":{\"date\":\"2024-02-30\"}}", "date"},
            {"transactions.list", "{\"query\":{\"merchantId\":\"4500001234\"}}", "date"},
            {"ach_deposit_fees.list", "{\"query\":{\"achDepositId\":0}}", "achDepositId"},
            {"authorizations.list", "{\"query\":{\"batchId\":1,\"limit\":0}}", "limit"},
        };
        static const struct { const char *op, *params; } missing[] = {
            {"batches.retrieve", "{\"batchId\":\"999999\"}"},
            {"transactions.retrieve", "{\"transactionId\":\"1\"}"},
            {"authorizations.retrieve", "{\"authorizationId\":\"999999999\"}"},
            {"disputes.list_statuses", "{\"disputeId\":\"1\"}"},
            {"ach_deposits.retrieve", "{\"achDepositId\":\"1\"}"},
        };
        for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            r = payroc_call(client, bad[i].op, bad[i].params, NULL, NULL, &out, &err);
            CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, bad[i].path), "%s %s: %s", bad[i].op,
                  bad[i].params, name(r));
            payroc_error_free(err);
            err = NULL;
        }
        for (i = 0; i < sizeof missing / sizeof missing[0]; i++) {
            r = payroc_call(client, missing[i].op, missing[i].params, NULL, NULL, &out, &err);
            CHECK(r == PAYROC_RESULT_API_NOT_FOUND && payroc_error_http_status(err) == 404, "%s: %s",
                  missing[i].op, name(r));
            payroc_error_free(err);
            err = NULL;
        }
    }
}

/* ---- boarding: merchant platforms, processing accounts, owners, contacts, terminals ---- */

/* What the boarding table's templates name: {P} platform, {A} processing account, {O}
 * owner, {C} contact, {T} processing terminal, {R} terminal order. */
struct boarding_ids {
    char platform[24], account[24], owner[24], contact[24], terminal[32], order[24];
};

/* template with each {X} replaced by its id. */
static void boarding_fill(char *out, size_t n, const char *template, const struct boarding_ids *ids) {
    size_t len = 0;
    const char *at;
    for (at = template; *at != '\0' && len + 1 < n; at++) {
        const char *value = NULL;
        if (at[0] == '{' && at[1] != '\0' && at[2] == '}') {
            switch (at[1]) {
            case 'P': value = ids->platform; break;
            case 'A': value = ids->account; break;
            case 'O': value = ids->owner; break;
            case 'C': value = ids->contact; break;
            case 'T': value = ids->terminal; break;
            case 'R': value = ids->order; break;
            default: break;
            }
        }
        if (value != NULL) {
            len += (size_t)snprintf(out + len, n - len, "%s", value);
            if (len >= n) len = n - 1;
            at += 2;
        } else {
            out[len++] = *at;
        }
    }
    out[len] = '\0';
}

#define B_OWNER(first, prong) "{\"firstName\":\"" first "\",\"lastName\":\"Doe\",\"dateOfBirth\":\"1964-03-22\"," \
    F_ADDRESS ",\"identifiers\":[{\"type\":\"nationalId\",\"value\":\"000004320\"}],\"contactMethods\":[{\"type\":" \
    "\"email\",\"value\":\"jane@example.com\"}],\"relationship\":{\"isControlProng\":" prong \
    ",\"isAuthorizedSignatory\":true}}"
#define B_CONTACT(first) "{\"type\":\"manager\",\"firstName\":\"" first "\",\"lastName\":\"Hopper\"," \
    "\"identifiers\":[{\"type\":\"nationalId\",\"value\":\"000004320\"}]," \
    "\"contactMethods\":[{\"type\":\"phone\",\"value\":\"2025550164\"}]}"
#define B_ACCOUNT(name, category) "{\"doingBusinessAs\":\"" name "\",\"owners\":[" B_OWNER("Jane", "true") "]," \
    "\"businessType\":\"restaurant\",\"categoryCode\":" category ",\"merchandiseOrServiceSold\":\"Food\"," \
    "\"businessStartDate\":\"2020-01-01\",\"timezone\":\"America/Chicago\"," F_ADDRESS "," \
    "\"contactMethods\":[{\"type\":\"email\",\"value\":\"shop@example.com\"}]," \
    "\"processing\":{\"transactionAmounts\":{\"average\":5000,\"highest\":10000}}," \
    "\"funding\":{\"fundingAccounts\":[" F_ACCOUNT("Pizza Doe", "99001122334") "]}," \
    "\"pricing\":{\"type\":\"intent\",\"pricingIntentId\":\"6123\"},\"signature\":{\"type\":\"requestedViaEmail\"}," \
    "\"contacts\":[" B_CONTACT("Grace") "]}"
#define B_PLATFORM(tax_id) "{\"business\":{\"name\":\"Example Corp\",\"taxId\":\"" tax_id "\"," \
    "\"organizationType\":\"privateCorporation\",\"addresses\":[{\"type\":\"legalAddress\",\"address1\":" \
    "\"1 Example Ave.\",\"city\":\"Chicago\",\"state\":\"Illinois\",\"country\":\"US\",\"postalCode\":\"60056\"}]," \
    "\"contactMethods\":[{\"type\":\"email\",\"value\":\"corp@example.com\"}]},\"processingAccounts\":[" \
    B_ACCOUNT("Pizza Doe", "5999") "]}"
#define B_ORDER "{\"orderItems\":[{\"type\":\"solution\",\"solutionTemplateId\":\"Roc Services_DX8000\"," \
    "\"solutionQuantity\":1}]}"

/* Every boarding operation with a valid request, in an order that builds what the next
 * needs (the account approved through the emulator's control, not its clock: this
 * emulator is shared); then the error paths (validation before the network, 404, 409). */
static void test_boarding(payroc_client *client) {
    static const struct {
        const char *op, *params, *body, *expect; /* expect: in the reply ("null": no content) */
    } table[] = {
        {"merchant_platforms.create", "{}", B_PLATFORM("12-3456789"), "\"status\":\"entered\""},
        {"merchant_platforms.list", "{\"query\":{\"limit\":100}}", NULL, "\"merchantPlatformId\":\"{P}\""},
        {"merchant_platforms.retrieve", "{\"merchantPlatformId\":\"{P}\"}", NULL, "\"taxId\":\"xxxxx6789\""},
        {"merchant_platforms.create_processing_account", "{\"merchantPlatformId\":\"{P}\"}",
         B_ACCOUNT("Pasta Doe", "5812"), "\"doingBusinessAs\":\"Pasta Doe\""},
        {"merchant_platforms.list_processing_accounts", "{\"merchantPlatformId\":\"{P}\",\"query\":{\"limit\":1}}",
         NULL, "\"hasMore\":true"},
        {"processing_accounts.retrieve", "{\"processingAccountId\":\"{A}\"}", NULL, "\"status\":\"approved\""},
        {"processing_accounts.list_owners", "{\"processingAccountId\":\"{A}\"}", NULL, "\"firstName\":\"Jane\""},
        {"processing_accounts.list_contacts", "{\"processingAccountId\":\"{A}\"}", NULL, "\"firstName\":\"Grace\""},
        {"processing_accounts.list_funding_accounts", "{\"processingAccountId\":\"{A}\"}", NULL,
         "\"accountNumber\":\"xxxxx2334\""},
        {"processing_accounts.retrieve_pricing_agreement", "{\"processingAccountId\":\"{A}\"}", NULL,
         "\"version\":\"5.0\""},
        {"processing_accounts.create_reminder", "{\"processingAccountId\":\"{A}\"}",
         "{\"type\":\"pricingAgreement\"}", "\"reminderId\":"},
        {"processing_accounts.create_terminal_order", "{\"processingAccountId\":\"{A}\"}", B_ORDER,
         "\"status\":\"open\""},
        {"processing_accounts.list_terminal_orders",
         "{\"processingAccountId\":\"{A}\",\"query\":{\"status\":\"dispatched\"}}", NULL,
         "\"terminalOrderId\":\"{R}\""},
        {"processing_accounts.list_processing_terminals", "{\"processingAccountId\":\"{A}\"}", NULL,
         "\"processingTerminalId\":\"{T}\""},
        {"processing_terminals.retrieve", "{\"processingTerminalId\":\"{T}\"}", NULL, "\"status\":\"inactive\""},
        {"processing_terminals.retrieve_host_configuration", "{\"processingTerminalId\":\"{T}\"}", NULL,
         "\"processor\":\"tsys\""},
        {"terminal_orders.retrieve", "{\"terminalOrderId\":\"{R}\"}", NULL, "\"status\":\"dispatched\""},
        {"owners.retrieve", "{\"ownerId\":\"{O}\"}", NULL, "\"value\":\"xxxxx4320\""},
        {"owners.update", "{\"ownerId\":\"{O}\"}", B_OWNER("Janet", "true"), "null"},
        {"contacts.retrieve", "{\"contactId\":\"{C}\"}", NULL, "\"firstName\":\"Grace\""},
        {"contacts.update", "{\"contactId\":\"{C}\"}", B_CONTACT("Margaret"), "null"},
        {"contacts.delete", "{\"contactId\":\"{C}\"}", NULL, "null"},
    };
    struct boarding_ids ids;
    char params[256], body[4096], expect[128], path[128];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    memset(&ids, 0, sizeof ids);

    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        boarding_fill(params, sizeof params, table[i].params, &ids);
        if (table[i].body) boarding_fill(body, sizeof body, table[i].body, &ids);
        boarding_fill(expect, sizeof expect, table[i].expect, &ids);
        r = payroc_call(client, table[i].op, params, table[i].body ? body : NULL, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && out != NULL && strstr(out, expect) != NULL, "%s: %s %s", table[i].op,
              name(r), r == PAYROC_RESULT_OK ? (out ? out : "") : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "merchant_platforms.create") == 0) {
            json_find(out, "merchantPlatformId", ids.platform, sizeof ids.platform);
            json_find(out, "processingAccountId", ids.account, sizeof ids.account);
            /* Approved as Payroc would, so terminals can be ordered. */
            snprintf(path, sizeof path, "/_mock/processing-accounts/%s/status", ids.account);
            CHECK(mock_control(base_url, "POST", path, "{\"status\":\"approved\"}") == 200, "approve %s", path);
        }
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "processing_accounts.retrieve") == 0) {
            long owner = 0, contact = 0;
            CHECK(json_long(out, "ownerId", &owner) && json_long(out, "contactId", &contact), "ids: %s", out);
            snprintf(ids.owner, sizeof ids.owner, "%ld", owner);
            snprintf(ids.contact, sizeof ids.contact, "%ld", contact);
        }
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "processing_accounts.create_terminal_order") == 0) {
            json_find(out, "terminalOrderId", ids.order, sizeof ids.order);
            json_find(out, "processingTerminalId", ids.terminal, sizeof ids.terminal);
            snprintf(path, sizeof path, "/_mock/terminal-orders/%s/status", ids.order);
            CHECK(mock_control(base_url, "POST", path, "{\"status\":\"dispatched\"}") == 200, "ship %s", path);
        }
        if (r != PAYROC_RESULT_OK) payroc_error_free(err);
        payroc_string_free(out);
        out = NULL;
        err = NULL;
    }
    /* owners.delete deletes a funding recipient's owner while it has another. */
    r = payroc_call(client, "funding_recipients.create", "{}",
                    "{" F_RECIPIENT_FIELDS ",\"owners\":[" F_OWNER("Jane", "true") "," F_OWNER("John", "false")
                    "],\"fundingAccounts\":[" F_ACCOUNT("Doe Charity", "99001122334") "]}",
                    NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "funding_recipients.create: %s %s", name(r),
          r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
    if (r == PAYROC_RESULT_OK) {
        const char *second = strstr(out, "\"ownerId\":");
        long owner = 0;
        second = second ? strstr(second + 1, "\"ownerId\":") : NULL;
        CHECK(second != NULL && json_long(second, "ownerId", &owner), "two owners: %s", out);
        snprintf(params, sizeof params, "{\"ownerId\":\"%ld\"}", owner);
        payroc_string_free(out);
        out = NULL;
        r = payroc_call(client, "owners.delete", params, NULL, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && out != NULL && strcmp(out, "null") == 0, "owners.delete: %s %s", name(r),
              r == PAYROC_RESULT_OK ? out : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK) payroc_string_free(out);
        out = NULL;
    }
    if (r != PAYROC_RESULT_OK) payroc_error_free(err);
    err = NULL;

    /* Validation before the network, with the paths; no tax id in the message. */
    r = payroc_call(client, "merchant_platforms.create", "{}", B_PLATFORM("12"), NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "business.taxId") &&
              strstr(payroc_error_message(err), "12-") == NULL,
          "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    boarding_fill(params, sizeof params, "{\"processingAccountId\":\"{A}\"}", &ids);
    r = payroc_call(client, "processing_accounts.create_terminal_order", params, "{\"orderItems\":[]}", NULL, &out,
                    &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "orderItems"), "%s: %s", name(r),
          payroc_error_message(err));
    payroc_error_free(err);
    boarding_fill(params, sizeof params,
                  "{\"processingAccountId\":\"{A}\",\"query\":{\"status\":\"lost\",\"toDateTime\":\"soon\"}}",
                  &ids);
    r = payroc_call(client, "processing_accounts.list_terminal_orders", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "status") && has_path(err, "toDateTime"), "%s: %s",
          name(r), payroc_error_message(err));
    payroc_error_free(err);
    /* Filters that are not an object, and a status that is not text: refused, nothing sent. */
    boarding_fill(params, sizeof params, "{\"processingAccountId\":\"{A}\",\"query\":\"open\"}", &ids);
    r = payroc_call(client, "processing_accounts.list_terminal_orders", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION, "query as text: %s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    boarding_fill(params, sizeof params, "{\"processingAccountId\":\"{A}\",\"query\":{\"status\":[1]}}", &ids);
    r = payroc_call(client, "processing_accounts.list_terminal_orders", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "status"), "status as array: %s: %s", name(r),
          payroc_error_message(err));
    payroc_error_free(err);
    /* A filter that no order matches: an empty array. */
    boarding_fill(params, sizeof params, "{\"processingAccountId\":\"{A}\",\"query\":{\"status\":\"cancelled\"}}",
                  &ids);
    r = payroc_call(client, "processing_accounts.list_terminal_orders", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && out != NULL && strcmp(out, "[]") == 0, "%s: %s", name(r),
          r == PAYROC_RESULT_OK ? out : payroc_error_message(err));
    if (r == PAYROC_RESULT_OK) payroc_string_free(out);
    else payroc_error_free(err);
    out = NULL;
    err = NULL;

    /* The emulator's refusals: 404 for what is gone, 409 for what the API forbids. */
    boarding_fill(params, sizeof params, "{\"contactId\":\"{C}\"}", &ids);
    r = payroc_call(client, "contacts.retrieve", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    r = payroc_call(client, "terminal_orders.retrieve", "{\"terminalOrderId\":\"1\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "%s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    boarding_fill(params, sizeof params, "{\"ownerId\":\"{O}\"}", &ids);
    r = payroc_call(client, "owners.delete", params, NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_CONFLICT, "owners.delete: %s: %s", name(r), payroc_error_message(err));
    payroc_error_free(err);
    snprintf(path, sizeof path, "/_mock/processing-accounts/%s/status", ids.account);
    CHECK(mock_control(base_url, "POST", path, "{\"status\":\"rejected\"}") == 200, "reject %s", path);
    boarding_fill(params, sizeof params, "{\"processingAccountId\":\"{A}\"}", &ids);
    r = payroc_call(client, "processing_accounts.create_terminal_order", params, B_ORDER, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_CONFLICT, "order on a rejected account: %s: %s", name(r),
          payroc_error_message(err));
    payroc_error_free(err);
}

/* ---- event subscriptions and the webhook receiver ---- */

#define E_SUB(types, uri) "{\"enabled\":true,\"eventTypes\":[" types "],\"notifications\":[{\"type\":\"webhook\"," \
    "\"uri\":\"" uri "\",\"secret\":\"c-hook-secret-0123456789abcdef\",\"supportEmailAddress\":\"ops@example.com\"}]," \
    "\"metadata\":{\"yourCustomField\":\"abc123\"}}"

/* Every event-subscription operation with a valid request, then the refusals: validation
 * before the network, 400 for an unknown event type, 404 for a deleted subscription. */
static void test_event_subscriptions(payroc_client *client) {
    static const struct {
        const char *op, *params, *body, *expect; /* {S}: the subscription's id; "null": no content */
    } table[] = {
        {"event_subscriptions.create", "{}", E_SUB("\"processingAccount.status.changed\"", "http://127.0.0.1:9/hook"),
         "\"status\":\"registered\""},
        {"event_subscriptions.retrieve", "{\"subscriptionId\":\"{S}\"}", NULL, "\"secret\":\"**********abcdef\""},
        {"event_subscriptions.list", "{\"query\":{\"event\":\"processingAccount.status.changed\",\"limit\":100}}",
         NULL, "\"id\":{S}"},
        {"event_subscriptions.replace", "{\"subscriptionId\":\"{S}\"}",
         E_SUB("\"terminalOrder.status.changed\"", "http://127.0.0.1:9/other"), "null"},
        {"event_subscriptions.update", "{\"subscriptionId\":\"{S}\"}",
         "[{\"op\":\"replace\",\"path\":\"/enabled\",\"value\":false}]", "\"enabled\":false"},
        {"event_subscriptions.list", "{\"query\":{\"status\":\"registered\",\"event\":\"terminalOrder.status.changed\"}}",
         NULL, "\"uri\":\"http://127.0.0.1:9/other\""},
        {"event_subscriptions.delete", "{\"subscriptionId\":\"{S}\"}", NULL, "null"},
    };
    static const struct {
        const char *op, *params, *body, *path; /* path: the field named, if any */
        payroc_result want;
    } refusals[] = {
        {"event_subscriptions.create", "{}",
         "{\"enabled\":true,\"eventTypes\":[],\"notifications\":[{\"type\":\"webhook\",\"uri\":\"ftp://x\","
         "\"secret\":\"\",\"supportEmailAddress\":\"ops@example.com\"}]}",
         "notifications[0].uri", PAYROC_RESULT_VALIDATION},
        {"event_subscriptions.create", "{}", E_SUB("\"merchant.made.up\"", "http://127.0.0.1:9/hook"),
         "eventTypes[0]", PAYROC_RESULT_API_BAD_REQUEST},
        {"event_subscriptions.retrieve", "{\"subscriptionId\":\"{S}\"}", NULL, NULL, PAYROC_RESULT_API_NOT_FOUND},
        {"event_subscriptions.update", "{\"subscriptionId\":\"{S}\"}",
         "[{\"op\":\"replace\",\"path\":\"/id\",\"value\":1}]", NULL, PAYROC_RESULT_API_NOT_FOUND},
    };
    char params[256], expect[128], id[32] = "0";
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        const char *at;
        snprintf(params, sizeof params, "%s", table[i].params);
        snprintf(expect, sizeof expect, "%s", table[i].expect);
        if ((at = strstr(table[i].params, "{S}")) != NULL)
            snprintf(params, sizeof params, "%.*s%s%s", (int)(at - table[i].params), table[i].params, id, at + 3);
        if ((at = strstr(table[i].expect, "{S}")) != NULL)
            snprintf(expect, sizeof expect, "%.*s%s%s", (int)(at - table[i].expect), table[i].expect, id, at + 3);
        r = payroc_call(client, table[i].op, params, table[i].body, NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_OK && out != NULL && strstr(out, expect) != NULL, "%s: %s %s", table[i].op,
              name(r), r == PAYROC_RESULT_OK ? (out ? out : "") : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "event_subscriptions.create") == 0) {
            const char *idp = strstr(out, "\"id\":");
            if (idp) snprintf(id, sizeof id, "%ld", strtol(idp + 5, NULL, 10));
            /* The secret comes back masked, never whole. */
            CHECK(strstr(out, "c-hook-secret") == NULL, "secret echoed: %s", out);
        }
        if (r != PAYROC_RESULT_OK) payroc_error_free(err);
        payroc_string_free(out);
        out = NULL;
        err = NULL;
    }
    for (i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const char *at = strstr(refusals[i].params, "{S}");
        if (at) snprintf(params, sizeof params, "%.*s%s%s", (int)(at - refusals[i].params), refusals[i].params, id, at + 3);
        else snprintf(params, sizeof params, "%s", refusals[i].params);
        r = payroc_call(client, refusals[i].op, params, refusals[i].body, NULL, &out, &err);
        CHECK(r == refusals[i].want && (refusals[i].path == NULL || has_path(err, refusals[i].path)), "%s #%zu: %s %s",
              refusals[i].op, i, name(r), r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK) payroc_string_free(out);
        else payroc_error_free(err);
        out = NULL;
        err = NULL;
    }
}

/* payroc_webhook_verify: a good notification reads; every refusal is typed, never shows
 * the secret, and NULL or odd arguments never crash. */
static void test_webhook_verify(void) {
    static const char body[] = "{\"specversion\":\"1.0\",\"id\":\"evt-c-1\",\"source\":\"/payroc\","
                               "\"type\":\"processingAccount.status.changed\",\"subject\":\"38765\","
                               "\"data\":{\"processingAccountId\":\"38765\",\"status\":\"approved\"}}";
    static const char unknown[] = "{\"specversion\":\"1.0\",\"id\":\"evt-c-2\",\"source\":\"/payroc\","
                                  "\"type\":\"merchant.brandNew.event\",\"data\":{\"x\":[1,2]}}";
    static const struct {
        const char *header, *body, *secret, *code; /* code: the error's field code */
        size_t len;
        payroc_result want;
    } cases[] = {
        {"hook-secret-1", body, "hook-secret-1", NULL, sizeof body - 1, PAYROC_RESULT_OK},
        {"hook-secret-1", unknown, "hook-secret-1", NULL, sizeof unknown - 1, PAYROC_RESULT_OK},
        {NULL, body, "hook-secret-1", "missing_secret", sizeof body - 1, PAYROC_RESULT_WEBHOOK_SECRET},
        {"hook-secret-2", body, "hook-secret-1", "wrong_secret", sizeof body - 1, PAYROC_RESULT_WEBHOOK_SECRET},
        {"hook-secret-1x", body, "hook-secret-1", "wrong_secret", sizeof body - 1, PAYROC_RESULT_WEBHOOK_SECRET},
        {"hook-secret-1", "{\"id\":", "hook-secret-1", "malformed_body", 6, PAYROC_RESULT_WEBHOOK_MALFORMED},
        {"hook-secret-1", NULL, "hook-secret-1", "malformed_body", 0, PAYROC_RESULT_WEBHOOK_MALFORMED},
        {"", body, "", "no_expected_secret", sizeof body - 1, PAYROC_RESULT_INVALID_ARGUMENT},
        {"hook-secret-1", NULL, "hook-secret-1", NULL, 12, PAYROC_RESULT_NULL_PARAMETER},
        {"hook-secret-1", body, NULL, NULL, sizeof body - 1, PAYROC_RESULT_NULL_PARAMETER},
    };
    char *event = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        r = payroc_webhook_verify(cases[i].header, (const uint8_t *)cases[i].body, cases[i].len, cases[i].secret,
                                  &event, &err);
        CHECK(r == cases[i].want, "webhook case %zu: %s", i, name(r));
        if (r == PAYROC_RESULT_OK) {
            CHECK(event != NULL && strstr(event, i == 0 ? "\"id\":\"evt-c-1\"" : "\"type\":\"merchant.brandNew.event\"")
                      != NULL, "webhook case %zu: %s", i, event ? event : "(null)");
            payroc_string_free(event);
            event = NULL;
        } else {
            const char *message = payroc_error_message(err);
            CHECK(strstr(message, "hook-secret") == NULL, "webhook case %zu shows a secret: %s", i, message);
            if (cases[i].code != NULL) {
                CHECK(payroc_error_field_count(err) == 1 && strcmp(payroc_error_field_code(err, 0), cases[i].code) == 0,
                      "webhook case %zu: code %s", i, payroc_error_field_count(err) ? payroc_error_field_code(err, 0) : "-");
            }
            payroc_error_free(err);
            err = NULL;
        }
    }
    /* NULL outputs: refused, never written through. */
    r = payroc_webhook_verify("k", (const uint8_t *)body, sizeof body - 1, "k", NULL, NULL);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER, "NULL event_json_out: %s", name(r));
}

/* ---- pricing intents and attachments: every operation with a real request (an
 * upload of a small PDF's bytes through payroc_upload), then the refusals. */
#define PR_INTENT(key, maintenance)                                                                   \
    "{\"key\":\"" key "\",\"country\":\"US\",\"version\":\"5.0\",\"base\":{\"annualFee\":{\"amount\":" \
    "9900},\"maintenance\":" maintenance ",\"minimum\":100,\"batch\":1000},\"processor\":{\"card\":{"  \
    "\"planType\":\"flatRate\",\"fees\":{\"standardCards\":{\"volume\":2.9,\"transaction\":30}}}}}"

/* A merchant platform with one processing account, as boarding takes it (the same as
 * tests/fixtures/merchant_platform.json). */
static const char pr_platform[] =
    "{\"business\":{\"name\":\"Example Corp\",\"taxId\":\"123456789\",\"organizationType\":\"privateCorpo"
    "ration\",\"countryOfOperation\":\"US\",\"addresses\":[{\"type\":\"legalAddress\",\"address1\":\"1 Ex"
    "ample Ave.\",\"city\":\"Chicago\",\"state\":\"Illinois\",\"country\":\"US\",\"postalCode\":\"60056\""
    "}],\"contactMethods\":[{\"type\":\"email\",\"value\":\"corp@example.com\"}]},\"processingAccounts\":"
    "[{\"doingBusinessAs\":\"Pizza Doe\",\"owners\":[{\"firstName\":\"Jane\",\"lastName\":\"Doe\",\"dateO"
    "fBirth\":\"1964-03-22\",\"address\":{\"address1\":\"1 Example Ave.\",\"city\":\"Chicago\",\"state\":"
    "\"Illinois\",\"country\":\"US\",\"postalCode\":\"60056\"},\"identifiers\":[{\"type\":\"nationalId\","
    "\"value\":\"123004320\"}],\"contactMethods\":[{\"type\":\"email\",\"value\":\"jane.doe@example.com\""
    "}],\"relationship\":{\"isControlProng\":true,\"isAuthorizedSignatory\":false}}],\"businessType\":\"r"
    "estaurant\",\"categoryCode\":5999,\"merchandiseOrServiceSold\":\"Food\",\"businessStartDate\":\"2020"
    "-01-01\",\"timezone\":\"America/Chicago\",\"address\":{\"address1\":\"1 Example Ave.\",\"city\":\"Ch"
    "icago\",\"state\":\"Illinois\",\"country\":\"US\",\"postalCode\":\"60056\"},\"contactMethods\":[{\"t"
    "ype\":\"email\",\"value\":\"shop@example.com\"}],\"processing\":{\"transactionAmounts\":{\"average\""
    ":5000,\"highest\":10000},\"monthlyAmounts\":{\"average\":50000,\"highest\":100000},\"volumeBreakdown"
    "\":{\"cardPresent\":77,\"mailOrTelephone\":3,\"ecommerce\":20}},\"funding\":{\"fundingAccounts\":[{"
    "\"type\":\"checking\",\"use\":\"credit\",\"nameOnAccount\":\"Pizza Doe\",\"paymentMethods\":[{\"type"
    "\":\"ach\",\"value\":{\"routingNumber\":\"123456789\",\"accountNumber\":\"99001122334\"}}]}]},\"pric"
    "ing\":{\"type\":\"intent\",\"pricingIntentId\":\"6123\"},\"signature\":{\"type\":\"requestedViaEmail"
    "\"},\"contacts\":[{\"type\":\"manager\",\"firstName\":\"Grace\",\"lastName\":\"Hopper\",\"identifier"
    "s\":[{\"type\":\"nationalId\",\"value\":\"123004320\"}],\"contactMethods\":[{\"type\":\"phone\",\"va"
    "lue\":\"2025550164\"}]}]}]}";

static const unsigned char pr_pdf[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

/* `template` with {K} as this run's key prefix, {P} the intent's id, {A} the
 * attachment's and {C} the processing account's. */
static void pr_fill(char *out, size_t n, const char *template, const char *intent, const char *attachment,
                    const char *account) {
    size_t o = 0;
    const char *t;
    for (t = template; *t && o + 1 < n; t++) {
        const char *with = NULL;
        if (t[0] == '{' && t[1] && t[2] == '}') {
            if (t[1] == 'K') with = run_tag;
            if (t[1] == 'P') with = intent;
            if (t[1] == 'A') with = attachment;
            if (t[1] == 'C') with = account;
        }
        if (with) {
            o += (size_t)snprintf(out + o, n - o, "%s", with);
            if (o >= n) o = n - 1;
            t += 2;
        } else {
            out[o++] = *t;
        }
    }
    out[o] = '\0';
}

static void test_pricing_attachments(payroc_client *client) {
    static const struct {
        const char *op, *params, *body, *expect; /* expect: in the reply ("null": no content) */
    } table[] = {
        {"pricing_intents.create", "{}", PR_INTENT("C-{K}", "500"), "\"status\":\"pendingReview\""},
        {"pricing_intents.list", "{\"query\":{\"limit\":100}}", NULL, "\"key\":\"C-{K}\""},
        {"pricing_intents.retrieve", "{\"pricingIntentId\":\"{P}\"}", NULL, "\"planType\":\"flatRate\""},
        {"pricing_intents.replace", "{\"pricingIntentId\":\"{P}\"}", PR_INTENT("C2-{K}", "700"), "null"},
        {"pricing_intents.update", "{\"pricingIntentId\":\"{P}\"}",
         "[{\"op\":\"replace\",\"path\":\"/base/minimum\",\"value\":250}]", "\"minimum\":250"},
        {"attachments.upload", "{\"processingAccountId\":\"{C}\"}",
         "{\"attachment\":{\"type\":\"bankingEvidence\",\"description\":\"C letter\"}}", "\"uploadStatus\":\"pending\""},
        {"attachments.retrieve", "{\"attachmentId\":\"{A}\"}", NULL, "\"fileName\":\"letter.pdf\""},
        {"pricing_intents.delete", "{\"pricingIntentId\":\"{P}\"}", NULL, "null"},
    };
    char intent[32] = "", attachment[32] = "", account[32] = "", account_params[96], params[256], body[1024];
    char expect[128];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    size_t i;
    unsigned char *big;

    r = payroc_call(client, "merchant_platforms.create", NULL, pr_platform, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK && json_find(out, "processingAccountId", account, sizeof account), "board: %s %s",
          name(r), r == PAYROC_RESULT_OK ? out : payroc_error_message(err));
    payroc_string_free(out);
    payroc_error_free(err);
    out = NULL;
    err = NULL;
    snprintf(account_params, sizeof account_params, "{\"processingAccountId\":\"%s\"}", account);

    for (i = 0; i < sizeof table / sizeof table[0]; i++) {
        pr_fill(params, sizeof params, table[i].params, intent, attachment, account);
        if (table[i].body) pr_fill(body, sizeof body, table[i].body, intent, attachment, account);
        pr_fill(expect, sizeof expect, table[i].expect, intent, attachment, account);
        if (strcmp(table[i].op, "attachments.upload") == 0) {
            r = payroc_upload(client, table[i].op, params, body, pr_pdf, sizeof pr_pdf - 1, "letter.pdf",
                              "application/pdf", NULL, &out, &err);
        } else {
            r = payroc_call(client, table[i].op, params, table[i].body ? body : NULL, NULL, &out, &err);
        }
        CHECK(r == PAYROC_RESULT_OK && out != NULL && strstr(out, expect) != NULL, "%s: %s %s", table[i].op,
              name(r), r == PAYROC_RESULT_OK ? (out ? out : "") : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "pricing_intents.create") == 0)
            json_find(out, "id", intent, sizeof intent);
        if (r == PAYROC_RESULT_OK && strcmp(table[i].op, "attachments.upload") == 0)
            json_find(out, "attachmentId", attachment, sizeof attachment);
        payroc_string_free(out);
        payroc_error_free(err);
        out = NULL;
        err = NULL;
    }

    /* Refused before the network, each violation by its path. */
    r = payroc_upload(client, "attachments.upload", account_params,
                      "{\"attachment\":{\"type\":\"selfie\"}}", pr_pdf, 0, "run.exe", "application/octet-stream",
                      NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "attachment.type") && has_path(err, "file.fileName") &&
              has_path(err, "file.content") && out == NULL,
          "bad upload: %s %s", name(r), err ? payroc_error_message(err) : "");
    payroc_error_free(err);
    err = NULL;
    big = calloc(30u * 1024u * 1024u, 1);
    CHECK(big != NULL, "no memory for the large file");
    if (big) {
        r = payroc_upload(client, "attachments.upload", account_params,
                          "{\"attachment\":{\"type\":\"other\"}}", big, 30u * 1024u * 1024u, "big.pdf",
                          "application/pdf", NULL, &out, &err);
        CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "file.content"), "30 MB: %s", name(r));
        payroc_error_free(err);
        err = NULL;
        free(big);
    }
    r = payroc_call(client, "attachments.upload", account_params,
                    "{\"attachment\":{\"type\":\"other\"}}", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_VALIDATION && has_path(err, "file"), "upload without a file: %s", name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_upload(client, "pricing_intents.create", "{}", PR_INTENT("C3", "1"), pr_pdf, 4, "a.pdf",
                      "application/pdf", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "payroc_upload of a JSON operation: %s", name(r));
    payroc_error_free(err);
    err = NULL;
    /* NULL arguments are named, never dereferenced. */
    r = payroc_upload(client, "attachments.upload", account_params,
                      "{\"attachment\":{\"type\":\"other\"}}", NULL, 10, "a.pdf", "application/pdf", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER && strstr(payroc_error_message(err), "`file_bytes`"), "bytes NULL: %s",
          name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_upload(client, "attachments.upload", account_params,
                      "{\"attachment\":{\"type\":\"other\"}}", pr_pdf, 4, NULL, "application/pdf", NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER && strstr(payroc_error_message(err), "`file_name`"), "name NULL: %s",
          name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_upload(NULL, "attachments.upload", NULL, NULL, pr_pdf, 4, "a.pdf", "application/pdf", NULL, &out,
                      NULL);
    CHECK(r == PAYROC_RESULT_NULL_PARAMETER && out == NULL, "client NULL: %s", name(r));

    /* The emulator's refusals as the right results. */
    pr_fill(body, sizeof body, PR_INTENT("C4-{K}", "1"), intent, attachment, account);
    r = payroc_call(client, "pricing_intents.create", "{}", body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_OK, "create: %s", name(r));
    payroc_string_free(out);
    out = NULL;
    r = payroc_call(client, "pricing_intents.create", "{}", body, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_CONFLICT, "a key in use: %s", name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_call(client, "pricing_intents.retrieve", "{\"pricingIntentId\":\"424242424\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "unknown intent: %s", name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_call(client, "attachments.retrieve", "{\"attachmentId\":\"424242424\"}", NULL, NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "unknown attachment: %s", name(r));
    payroc_error_free(err);
    err = NULL;
    r = payroc_upload(client, "attachments.upload", "{\"processingAccountId\":\"424242424\"}",
                      "{\"attachment\":{\"type\":\"other\"}}", pr_pdf, sizeof pr_pdf - 1, "a.pdf", "application/pdf",
                      NULL, &out, &err);
    CHECK(r == PAYROC_RESULT_API_NOT_FOUND, "an unknown processing account: %s", name(r));
    payroc_error_free(err);
}

/* ---- the operation table: every name listed is one payroc_call runs ---- */

static void test_operations(payroc_client *client) {
    char *names = payroc_operations(), *at, *end, op[96];
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_config *config = payroc_config_new();
    payroc_paytrace_client *paytrace = NULL;
    int count = 0;
    payroc_config_set_paytrace_url(config, base_url, NULL);
    CHECK(payroc_paytrace_client_new(config, "c-user", "c-password", &paytrace, NULL) == PAYROC_RESULT_OK,
          "paytrace client");
    payroc_config_free(config);
    CHECK(names != NULL && names[0] == '[', "payroc_operations(): %s", names ? names : "NULL");
    /* A flat JSON array of strings without escapes: each name between quotes. */
    for (at = strchr(names, '"'); at != NULL; at = strchr(end + 1, '"')) {
        end = strchr(at + 1, '"');
        snprintf(op, sizeof op, "%.*s", (int)(end - at - 1), at + 1);
        count++;
        /* No parameters and an empty body: a validation error naming what is missing,
         * or (for a list that needs none) a page from the emulator; never "unknown
         * operation". */
        if (strncmp(op, "recurrences.", 12) == 0) {
            r = payroc_paytrace_call(paytrace, op, "{}", "{}", &out, &err);
        } else {
            r = payroc_call(client, op, "{}", "{}", NULL, &out, &err);
        }
        CHECK(r == PAYROC_RESULT_OK || r == PAYROC_RESULT_VALIDATION, "%s: %s %s", op, name(r),
              r == PAYROC_RESULT_OK ? "" : payroc_error_message(err));
        if (r == PAYROC_RESULT_OK) payroc_string_free(out);
        else payroc_error_free(err);
        out = NULL;
        err = NULL;
        /* The other client refuses it, as a caller's mistake. */
        if (strncmp(op, "recurrences.", 12) == 0) {
            r = payroc_call(client, op, "{}", NULL, NULL, &out, &err);
        } else {
            r = payroc_paytrace_call(paytrace, op, "{}", NULL, &out, &err);
        }
        CHECK(r == PAYROC_RESULT_INVALID_ARGUMENT, "%s on the other client: %s", op, name(r));
        payroc_error_free(err);
        err = NULL;
    }
    CHECK(count >= 50, "%d operations listed", count);
    payroc_string_free(names);
    payroc_paytrace_client_free(paytrace);
}

int main(int argc, char **argv) {
    payroc_client *client;
    if (argc < 3) {
        fprintf(stderr, "usage: %s BASE_URL SLOW_BASE_URL\n", argv[0]);
        return 2;
    }
    base_url = argv[1];
    slow_url = argv[2];
    card_expiry_mmyy(4, expiry);
    snprintf(run_tag, sizeof run_tag, "%lx", ((unsigned long)time(NULL) ^ ((unsigned long)getpid() << 16)) & 0xffffffffUL);
    client = make_client(base_url, API_KEY, 10000, 3);

    test_version();
    test_operations(client);
    test_bad_arguments(client);
    test_dot_ids(client);
    test_null_arguments(client);
    test_no_problem();
    test_payments(client);
    test_expired_token(client);
    test_failures();
    test_cloud(client);
    test_never_sent(client);
    test_hostile_server(client);
    test_reply_cap();
    test_cloud_stops(client);
    test_repeat_links_paytrace(client);
    test_payment_features(client);
    test_payment_plans(client);
    test_bank_transfers(client);
    test_funding(client);
    test_settlement(client);
    test_boarding(client);
    test_event_subscriptions(client);
    test_pricing_attachments(client);
    test_webhook_verify();
    test_threads(client);

    payroc_client_free(client);
    printf("c: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
