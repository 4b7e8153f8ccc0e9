/* A sale on a Payroc Cloud payment device: submit the instruction, wait for the
 * customer (at most two minutes; a cancel switch the till's "cancel" button could
 * trigger from its UI thread), then print the approval or the decline.
 *
 *   cloud_sale [BASE_URL]   (payroc-mock's URL; without it, Payroc's UAT with
 *                            PAYROC_API_KEY, PAYROC_TERMINAL_ID, PAYROC_DEVICE_SERIAL) */
#include "example_setup.h"

#include <string.h>

/* The value of "key" in a JSON text, or "?" (a real POS uses its JSON parser). */
static void field(const char *json, const char *key, char *out, size_t n) {
    char pattern[64];
    const char *at;
    size_t len = 0;
    snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
    at = json ? strstr(json, pattern) : NULL;
    if (at == NULL) {
        snprintf(out, n, "?");
        return;
    }
    at += strlen(pattern);
    while (at[len] && at[len] != '"' && len + 1 < n) {
        out[len] = at[len];
        len++;
    }
    out[len] = '\0';
}

int main(int argc, char **argv) {
    char request[512], payment_id[64], approval[64], message[128];
    char *sale = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_client *client = example_client(argc, argv);
    payroc_cancel *cancel = payroc_cancel_new();

    snprintf(request, sizeof request,
             "{\"processingTerminalId\":\"%s\",\"order\":{\"orderId\":\"POS-C-0001\","
             "\"amount\":2450,\"currency\":\"USD\"}}",
             env_or("PAYROC_TERMINAL_ID", "1234001"));
    /* The idempotency key is made once inside and reused by every retry; pass your own
     * (a UUID v4 stored with the order) to retry safely after a crash. */
    r = payroc_cloud_run_sale(client, env_or("PAYROC_DEVICE_SERIAL", "DEMO-DEVICE-1"), request,
                              NULL, 120000, cancel, &sale, &err);
    if (r != PAYROC_RESULT_OK) die("payroc_cloud_run_sale", r, err);

    field(sale, "paymentId", payment_id, sizeof payment_id);
    field(sale, "approvalCode", approval, sizeof approval);
    field(sale, "responseMessage", message, sizeof message);
    if (strstr(sale, "\"approved\":true") != NULL) {
        printf("APPROVED payment %s, approval code %s (%s)\n", payment_id, approval, message);
    } else {
        printf("NOT APPROVED: %s\n", sale);
    }
    payroc_string_free(sale);
    payroc_cancel_free(cancel);
    payroc_client_free(client);
    return 0;
}
