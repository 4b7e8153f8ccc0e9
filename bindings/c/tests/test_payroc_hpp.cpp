// The C++ test of payroc.hpp: every failure the wrapper throws carries the C error's
// real code and message (the error pointer is read after the C call wrote it, never
// before), and frees it (run under valgrind by scripts/test-c.sh: no leaks).
//
//   test_payroc_hpp BASE_URL   (a payroc-mock started with --api-key c-test-key)
//
// Prints "c++: N passed, M failed" last; exits non-zero on failure.
#include "payroc.hpp"
#include "mock_control.h"
#include "test_dates.h"

#include <cstdio>
#include <cstring>
#include <functional>
#include <string>

static int passed, failed;

#define CHECK(cond, what)                                                                    \
    do {                                                                                     \
        if (cond) {                                                                          \
            passed++;                                                                        \
        } else {                                                                             \
            failed++;                                                                        \
            std::fprintf(stderr, "FAIL %s:%d: %s: %s\n", __FILE__, __LINE__, #cond,            \
                         std::string(what).c_str());                                         \
        }                                                                                    \
    } while (0)

static bool contains(const std::string &text, const char *part) { return text.find(part) != std::string::npos; }

// Runs `step`, which must throw payroc::Error with `code` and a message containing
// `needle` (the C library's own sentence, not the wrapper's fallback).
static void expect_error(const char *label, payroc_result code, const char *needle,
                         const std::function<void()> &step) {
    try {
        step();
        CHECK(false, std::string(label) + ": did not throw");
    } catch (const payroc::Error &e) {
        const std::string message = e.what();
        CHECK(e.code() == code, std::string(label) + ": " + e.code_name());
        CHECK(!contains(message, "unknown error"), std::string(label) + ": " + message);
        CHECK(contains(message, needle), std::string(label) + ": '" + message + "' lacks '" + needle + "'");
    }
}

static void test_config_failures() {
    expect_error("request_timeout_ms(0)", PAYROC_RESULT_INVALID_ARGUMENT, "above 0",
                 [] { payroc::Config().request_timeout_ms(0); });
    expect_error("connect_timeout_ms(0)", PAYROC_RESULT_INVALID_ARGUMENT, "above 0",
                 [] { payroc::Config().connect_timeout_ms(0); });
    expect_error("retries(0)", PAYROC_RESULT_INVALID_ARGUMENT, "max_attempts",
                 [] { payroc::Config().retries(0); });
    expect_error("environment(77)", PAYROC_RESULT_INVALID_ARGUMENT, "unknown environment",
                 [] { payroc::Config().environment(static_cast<payroc_environment>(77)); });
    expect_error("api_key with invalid UTF-8", PAYROC_RESULT_INVALID_ARGUMENT, "UTF-8",
                 [] { payroc::Config().api_key("key\xff"); });
    expect_error("base_urls with invalid UTF-8", PAYROC_RESULT_INVALID_ARGUMENT, "UTF-8",
                 [] { payroc::Config().base_urls("http://127.0.0.1/v1\xff", "http://127.0.0.1"); });
}

static void test_client_failures() {
    expect_error("Client without an API key", PAYROC_RESULT_INVALID_ARGUMENT, "API key", [] {
        payroc::Config config;
        const payroc::Client client(config);
    });
    expect_error("Client over plain http to a remote host", PAYROC_RESULT_INVALID_ARGUMENT, "http", [] {
        payroc::Config config;
        config.api_key("c-test-key").base_urls("http://payments.example.com/v1", "http://payments.example.com");
        const payroc::Client client(config);
    });
    expect_error("PaytraceClient without credentials", PAYROC_RESULT_INVALID_ARGUMENT, "credentials", [] {
        payroc::Config config;
        const payroc::PaytraceClient client(config, "", "");
    });
}

static void test_calls(const std::string &base) {
    payroc::Config config;
    config.api_key("c-test-key").base_urls(base + "/v1", base).retries(1);
    const payroc::Client client(config);

    auto missing = client.try_call("payments.retrieve", R"({"paymentId":"NOSUCHPAY1"})", std::nullopt);
    CHECK(!missing.ok(), "a missing payment was found");
    if (!missing.ok()) {
        CHECK(missing.error().code() == PAYROC_RESULT_API_NOT_FOUND, missing.error().code_name());
        CHECK(missing.error().http_status() == 404, std::to_string(missing.error().http_status()));
        CHECK(missing.error().problem_json().has_value(), "no problem JSON on a 404");
        CHECK(contains(missing.error().what(), "404"), missing.error().what());
    }
    expect_error("call() of an invalid body", PAYROC_RESULT_VALIDATION, "order",
                 [&] { client.call("payments.create", std::nullopt, R"({"channel":"web","order":{}})"); });
    try {
        client.call("payments.create", std::nullopt, R"({"channel":"web","order":{}})");
    } catch (const payroc::Error &e) {
        CHECK(!e.fields().empty(), "no field errors");
        for (const auto &field : e.fields()) CHECK(!field.path.empty() || !field.message.empty(), "empty field");
    }
    char expiry[5];
    card_expiry_mmyy(4, expiry);
    const std::string token = client.call("secure_tokens.create", R"({"processingTerminalId":"1234001"})",
                                          R"({"source":{"type":"card","cardDetails":{"entryMethod":"keyed",)"
                                          R"("keyedData":{"dataFormat":"plainText","cardNumber":"4539858876047062",)"
                                          R"("expiryDate":")" + std::string(expiry) + R"("},"cardholderName":"Sarah Hopper"}}})");
    CHECK(contains(token, "\"token\""), token);

    // A payment made whose 201 cannot be read: the Error says so and carries the key
    // to retry with; the retry returns the payment instead of charging again.
    const std::string order = R"({"channel":"web","processingTerminalId":"1234001","order":{"orderId":"CPP-GARBLE-1",)"
                              R"("amount":1500,"currency":"USD"},"paymentMethod":{"type":"secureToken","token":")" +
                              token.substr(token.find("\"token\":\"") + 9, 12) + R"("}})";
    CHECK(mock_control(base.c_str(), "POST", "/_mock/faults/next",
                       R"([{"fault":"commitThenGarble","method":"POST","pathPrefix":"/v1/payments"}])") / 100 == 2,
          "cannot queue a fault");
    auto garbled = client.try_call("payments.create", std::nullopt, order);
    CHECK(!garbled.ok(), "a garbled reply was a success");
    if (!garbled.ok()) {
        const payroc::Error &e = garbled.error();
        CHECK(e.code() == PAYROC_RESULT_API_DECODE, e.code_name());
        CHECK(e.maybe_processed(), "a 201 said not processed");
        CHECK(e.raw_body().has_value() && contains(*e.raw_body(), "paymentId"), e.raw_body().value_or("no raw body"));
        CHECK(e.idempotency_key().has_value(), "no idempotency key");
        if (e.idempotency_key()) {
            const std::string payment = client.call("payments.create", std::nullopt, order, e.idempotency_key());
            CHECK(contains(payment, "CPP-GARBLE-1"), payment);
        }
    }
}

int main(int argc, char **argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
        return 2;
    }
    try {
        test_config_failures();
        test_client_failures();
        test_calls(argv[1]);
    } catch (const payroc::Error &e) {
        CHECK(false, std::string("unexpected ") + e.code_name() + ": " + e.what());
    }
    std::printf("c++: %d passed, %d failed\n", passed, failed);
    return failed == 0 ? 0 : 1;
}
