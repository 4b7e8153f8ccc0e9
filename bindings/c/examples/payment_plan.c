/* Payroc-managed monthly billing: a payment plan, the customer's card saved as a
 * secure token, a subscription on the plan, one month collected, then the subscription
 * paused (deactivated) and resumed (reactivated). The gateway keeps the schedule and
 * counts the invoices; this plan is "manual", so the point of sale collects each month
 * with subscriptions.pay when the customer comes in (an "automatic" plan is collected
 * by the gateway itself on each due date).
 *
 *   payment_plan [BASE_URL]   (payroc-mock's URL; without it, Payroc's UAT) */
#include "example_setup.h"

#include <string.h>

/* Prints the value (a string or a number) of the first "key" in a reply after the
 * member named `within` (NULL: anywhere), for the demo. */
static void show(const char *label, const char *json, const char *within, const char *key) {
    char pattern[64], value[64] = "";
    const char *at = json;
    if (within != NULL) {
        snprintf(pattern, sizeof pattern, "\"%s\":", within);
        at = strstr(json, pattern);
    }
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = at != NULL ? strstr(at, pattern) : NULL;
    if (at != NULL) {
        at += strlen(pattern);
        if (*at == '"') {
            sscanf(at + 1, "%63[^\"]", value);
        } else {
            sscanf(at, "%63[0-9]", value);
        }
    }
    printf("%s%s\n", label, value);
}

int main(int argc, char **argv) {
    char params[512], body[1024], token[32] = "", expiry[5], today[11], plan_id[32], sub_id[32];
    const char *terminal = env_or("PAYROC_TERMINAL_ID", "1234001");
    const char *at;
    char *out = NULL;
    payroc_error *err = NULL;
    payroc_result r;
    time_t now = time(NULL);
    payroc_client *client = example_client(argc, argv);

    strftime(today, sizeof today, "%Y-%m-%d", gmtime(&now));
    snprintf(plan_id, sizeof plan_id, "TUITION-%lx", (unsigned long)now);
    snprintf(sub_id, sizeof sub_id, "STUDENT-%lx", (unsigned long)now);

    /* 1. The plan: monthly, twelve months, collected by the merchant. */
    snprintf(params, sizeof params, "{\"processingTerminalId\":\"%s\"}", terminal);
    snprintf(body, sizeof body,
             "{\"paymentPlanId\":\"%s\",\"name\":\"Piano lessons\",\"currency\":\"USD\",\"length\":12,"
             "\"type\":\"manual\",\"frequency\":\"monthly\",\"onUpdate\":\"update\",\"onDelete\":\"continue\"}",
             plan_id);
    r = payroc_call(client, "payment_plans.create", params, body, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("payment_plans.create", r, err);
    payroc_string_free(out);
    printf("plan %s: monthly, 12 payments\n", plan_id);

    /* 2. Save the card as a secure token. */
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
    printf("card saved as secure token %s\n", token);

    /* 3. The subscription, from today. */
    snprintf(body, sizeof body,
             "{\"subscriptionId\":\"%s\",\"paymentPlanId\":\"%s\",\"paymentMethod\":{\"type\":\"secureToken\","
             "\"token\":\"%s\"},\"startDate\":\"%s\"}",
             sub_id, plan_id, token, today);
    r = payroc_call(client, "subscriptions.create", params, body, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("subscriptions.create", r, err);
    show("subscription created, first payment due ", out, NULL, "nextDueDate");
    payroc_string_free(out);

    /* 4. This month's payment. */
    snprintf(params, sizeof params, "{\"processingTerminalId\":\"%s\",\"subscriptionId\":\"%s\"}", terminal, sub_id);
    r = payroc_call(client, "subscriptions.pay", params,
                    "{\"order\":{\"amount\":8500,\"description\":\"Piano lessons, month 1\"}}", NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("subscriptions.pay", r, err);
    show("collected payment ", out, NULL, "paymentId");
    show("paid invoices: ", out, NULL, "paidInvoices");
    show("next due: ", out, NULL, "nextDueDate");
    payroc_string_free(out);

    /* 5. Summer break: pause, then resume. */
    r = payroc_call(client, "subscriptions.deactivate", params, NULL, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("subscriptions.deactivate", r, err);
    show("paused: ", out, "currentState", "status");
    payroc_string_free(out);
    r = payroc_call(client, "subscriptions.reactivate", params, NULL, NULL, &out, &err);
    if (r != PAYROC_RESULT_OK) die("subscriptions.reactivate", r, err);
    show("resumed: ", out, "currentState", "status");
    payroc_string_free(out);
    payroc_client_free(client);
    return 0;
}
