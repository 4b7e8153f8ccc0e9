/* A repeat payment with a secure token: save the card, run the first payment of a
 * monthly series (standing instructions "first"), keep the series JSON the way a
 * scheduler would store it, and charge the next month with it ("subsequent").
 *
 *   repeat_payment [BASE_URL]   (payroc-mock's URL; without it, Payroc's UAT) */
#include "example_setup.h"

#include <string.h>

int main(int argc, char **argv) {
    char params[2048], body[2048], token[32] = "", series[1024], expiry[5];
    const char *terminal = env_or("PAYROC_TERMINAL_ID", "1234001");
    const char *at, *end;
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    payroc_client *client = example_client(argc, argv);

    /* 1. Save the card as a secure token. */
    snprintf(params, sizeof params, "{\"processingTerminalId\":\"%s\"}", terminal);
    test_card_expiry(expiry);
    snprintf(body, sizeof body,
             "{\"source\":{\"type\":\"card\",\"cardDetails\":{\"entryMethod\":\"keyed\","
             "\"keyedData\":{\"dataFormat\":\"plainText\",\"cardNumber\":\"4539858876047062\","
             "\"expiryDate\":\"%s\",\"cvv\":\"123\"},\"cardholderName\":\"Sarah Hopper\"}}}",
             expiry);
    r = payroc_call(client, "secure_tokens.create", params, body, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("secure_tokens.create", r, err);
    at = strstr(out, "\"token\":\"");
    if (at != NULL) sscanf(at + 9, "%31[0-9]", token);
    payroc_string_free(out);
    printf("saved the card as secure token %s\n", token);

    /* 2. The first payment of the series. */
    snprintf(body, sizeof body,
             "{\"channel\":\"web\",\"processingTerminalId\":\"%s\",\"order\":{\"orderId\":"
             "\"SUB-C-0001\",\"amount\":2999,\"currency\":\"USD\"},\"paymentMethod\":{\"type\":"
             "\"secureToken\",\"token\":\"%s\"}}",
             terminal, token);
    r = payroc_call(client, "repeat_payments.start", "{\"processingModel\":\"recurring\"}", body, NULL,
                    &out, &err);
    if (r != PAYROC_RESULT_OK) die("repeat_payments.start", r, err);
    at = strstr(out, "\"series\":{");
    end = at ? strstr(at, ",\"seriesError\"") : NULL;
    if (at == NULL || end == NULL) {
        printf("the first payment did not start a series: %s\n", out);
        payroc_string_free(out);
        payroc_client_free(client);
        return 1;
    }
    at += strlen("\"series\":");
    snprintf(series, sizeof series, "%.*s", (int)(end - at), at);
    payroc_string_free(out);
    printf("first payment approved; series to store: %s\n", series);

    /* 3. Next month: the stored series and a new order. */
    snprintf(body, sizeof body,
             "{\"series\":%s,\"order\":{\"orderId\":\"SUB-C-0002\",\"amount\":2999,\"currency\":\"USD\"}}",
             series);
    r = payroc_call(client, "repeat_payments.charge", NULL, body, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("repeat_payments.charge", r, err);
    printf("subsequent payment: %s\n",
           strstr(out, "\"responseCode\":\"A\"") != NULL ? "APPROVED" : "NOT APPROVED");
    payroc_string_free(out);
    payroc_client_free(client);
    return 0;
}
