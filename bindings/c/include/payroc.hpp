// payroc.hpp — a header-only C++17 wrapper of payroc.h: handles are freed by
// destructors (move-only RAII types), failures are thrown as payroc::Error, or
// returned as payroc::Result<T> (expected-style) by the try_* functions, which never
// throw. Thread safety is the C API's: a Client may be used from many threads at once.
#ifndef PAYROC_HPP
#define PAYROC_HPP

#include "payroc.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace payroc {

/// One field error: the JSON path (`order.amount`), a sentence and a short code.
struct FieldError {
    std::string path;
    std::string message;
    std::string code;
};

namespace detail {
template <class H, void (*Free)(H *)>
struct Deleter {
    void operator()(H *handle) const noexcept { Free(handle); }
};
using OwnedError = std::unique_ptr<payroc_error, Deleter<payroc_error, payroc_error_free>>;
}  // namespace detail

/// A failed call: the result code and everything the C error object held (copied,
/// so the C object is freed at once).
class Error : public std::runtime_error {
public:
    /// Takes over `error` (may be NULL) and frees it, also if copying it throws.
    Error(payroc_result code, payroc_error *error) : Error(code, detail::OwnedError(error)) {}

    payroc_result code() const noexcept { return code_; }
    const char *code_name() const noexcept { return payroc_result_name(code_); }
    /// The HTTP status of an API error, 0 otherwise.
    std::uint16_t http_status() const noexcept { return http_status_; }
    /// The server's problem details as JSON, if it sent any.
    const std::optional<std::string> &problem_json() const noexcept { return problem_json_; }
    const std::vector<FieldError> &fields() const noexcept { return fields_; }
    /// Whether the request may have taken effect: retry with the same idempotency key.
    bool maybe_processed() const noexcept { return maybe_processed_; }
    /// The idempotency key the call carried, to retry it with, if it carried one.
    const std::optional<std::string> &idempotency_key() const noexcept { return idempotency_key_; }
    /// For a success reply that could not be read: what could be read of it.
    const std::optional<std::string> &raw_body() const noexcept { return raw_body_; }

private:
    // The owner lives until this constructor returns: every read below is of a live error.
    Error(payroc_result code, detail::OwnedError error)
        : std::runtime_error(message_of(error.get())), code_(code),
          http_status_(payroc_error_http_status(error.get())),
          maybe_processed_(payroc_error_maybe_processed(error.get())) {
        const payroc_error *e = error.get();
        if (const char *problem = payroc_error_problem_json(e)) problem_json_ = problem;
        if (const char *key = payroc_error_idempotency_key(e)) idempotency_key_ = key;
        if (const char *body = payroc_error_raw_body(e)) raw_body_ = body;
        for (size_t i = 0; i < payroc_error_field_count(e); ++i) {
            fields_.push_back({text_of(payroc_error_field_path(e, i)), text_of(payroc_error_field_message(e, i)),
                               text_of(payroc_error_field_code(e, i))});
        }
    }

    static std::string message_of(const payroc_error *error) {
        const char *message = payroc_error_message(error);
        return message != nullptr ? message : "payroc: unknown error";
    }
    static std::string text_of(const char *text) { return text != nullptr ? text : ""; }

    payroc_result code_;
    std::uint16_t http_status_;
    bool maybe_processed_;
    std::optional<std::string> problem_json_;
    std::optional<std::string> idempotency_key_;
    std::optional<std::string> raw_body_;
    std::vector<FieldError> fields_;
};

/// A value or an Error, for code that does not use exceptions at the till.
template <class T>
class Result {
public:
    Result(T value) : state_(std::move(value)) {}
    Result(Error error) : state_(std::move(error)) {}

    bool ok() const noexcept { return std::holds_alternative<T>(state_); }
    explicit operator bool() const noexcept { return ok(); }
    /// The value; throws the Error when there is none.
    T &value() {
        if (!ok()) throw std::get<Error>(state_);
        return std::get<T>(state_);
    }
    /// The error; only valid when !ok().
    const Error &error() const { return std::get<Error>(state_); }

private:
    std::variant<T, Error> state_;
};

namespace detail {
inline const char *c_str(const std::optional<std::string> &text) {
    return text ? text->c_str() : nullptr;
}

/// Turns a C call's result into the owned string or an Error.
template <class F>
Result<std::string> owned_string(F &&call) noexcept {
    char *out = nullptr;
    payroc_error *error = nullptr;
    payroc_result code = call(&out, &error);
    if (code != PAYROC_RESULT_OK) return Error(code, error);
    std::string text(out);
    payroc_string_free(out);
    return text;
}

/// Runs a C call that takes `payroc_error **error_out` last (`call(&error)`), and
/// throws its Error on failure. The call runs, and writes the error, before the error
/// pointer is read: never `check(f(..., &e), e)`, whose arguments C++ may evaluate in
/// either order.
template <class F>
void check(F &&call) {
    payroc_error *error = nullptr;
    const payroc_result code = call(&error);
    if (code != PAYROC_RESULT_OK) throw Error(code, error);
}
}  // namespace detail

/// Client settings; see the payroc_config_set_* functions.
class Config {
public:
    Config() : handle_(payroc_config_new()) {
        if (!handle_) throw std::bad_alloc();
    }
    Config &api_key(const std::string &key) { return set(payroc_config_set_api_key, key.c_str()); }
    Config &environment(payroc_environment env) {
        return set(payroc_config_set_environment, static_cast<std::uint32_t>(env));
    }
    Config &base_urls(const std::string &api_url, const std::string &identity_url) {
        detail::check([&](payroc_error **e) {
            return payroc_config_set_base_urls(handle_.get(), api_url.c_str(), identity_url.c_str(), e);
        });
        return *this;
    }
    Config &request_timeout_ms(std::uint64_t ms) { return set(payroc_config_set_request_timeout_ms, ms); }
    Config &connect_timeout_ms(std::uint64_t ms) { return set(payroc_config_set_connect_timeout_ms, ms); }
    Config &retries(std::uint32_t max_attempts, std::uint64_t max_elapsed_ms = 0) {
        detail::check([&](payroc_error **e) {
            return payroc_config_set_retries(handle_.get(), max_attempts, max_elapsed_ms, e);
        });
        return *this;
    }
    Config &max_response_bytes(std::uint64_t bytes) { return set(payroc_config_set_max_response_bytes, bytes); }
    Config &user_agent(const std::string &agent) { return set(payroc_config_set_user_agent, agent.c_str()); }
    Config &paytrace_url(const std::string &url) { return set(payroc_config_set_paytrace_url, url.c_str()); }
    Config &paytrace_integrator_id(const std::string &id) {
        return set(payroc_config_set_paytrace_integrator_id, id.c_str());
    }
    const payroc_config *get() const noexcept { return handle_.get(); }

private:
    template <class F, class A>
    Config &set(F setter, A arg) {
        detail::check([&](payroc_error **e) { return setter(handle_.get(), arg, e); });
        return *this;
    }
    std::unique_ptr<payroc_config, detail::Deleter<payroc_config, payroc_config_free>> handle_;
};

/// A cancel switch for Cloud waits; trigger() is safe from any thread.
class Cancel {
public:
    Cancel() : handle_(payroc_cancel_new()) {
        if (!handle_) throw std::bad_alloc();
    }
    void trigger() const noexcept { payroc_cancel_trigger(handle_.get()); }
    bool triggered() const noexcept { return payroc_cancel_is_triggered(handle_.get()); }
    const payroc_cancel *get() const noexcept { return handle_.get(); }

private:
    std::unique_ptr<payroc_cancel, detail::Deleter<payroc_cancel, payroc_cancel_free>> handle_;
};

/// The Payroc API client. Safe to share between threads (by reference).
class Client {
public:
    explicit Client(const Config &config) {
        payroc_client *client = nullptr;
        detail::check([&](payroc_error **e) { return payroc_client_new(config.get(), &client, e); });
        handle_.reset(client);
    }

    /// payroc_call, never throwing.
    Result<std::string> try_call(const std::string &operation, const std::optional<std::string> &params,
                                 const std::optional<std::string> &body,
                                 const std::optional<std::string> &idempotency_key = std::nullopt) const noexcept {
        return detail::owned_string([&](char **out, payroc_error **e) {
            return payroc_call(handle_.get(), operation.c_str(), detail::c_str(params), detail::c_str(body),
                               detail::c_str(idempotency_key), out, e);
        });
    }

    /// payroc_call: the response JSON, or throws payroc::Error.
    std::string call(const std::string &operation, const std::optional<std::string> &params,
                     const std::optional<std::string> &body,
                     const std::optional<std::string> &idempotency_key = std::nullopt) const {
        return try_call(operation, params, body, idempotency_key).value();
    }

    /// payroc_cloud_run_sale, never throwing (deadline 0: none; cancel may be null).
    Result<std::string> try_cloud_run_sale(const std::string &serial_number, const std::string &request,
                                           std::uint64_t deadline_ms, const Cancel *cancel = nullptr,
                                           const std::optional<std::string> &idempotency_key = std::nullopt) const
        noexcept {
        return detail::owned_string([&](char **out, payroc_error **e) {
            return payroc_cloud_run_sale(handle_.get(), serial_number.c_str(), request.c_str(),
                                         detail::c_str(idempotency_key), deadline_ms,
                                         cancel ? cancel->get() : nullptr, out, e);
        });
    }

    /// payroc_cloud_run_sale: the sale JSON, or throws payroc::Error.
    std::string cloud_run_sale(const std::string &serial_number, const std::string &request,
                               std::uint64_t deadline_ms, const Cancel *cancel = nullptr) const {
        return try_cloud_run_sale(serial_number, request, deadline_ms, cancel).value();
    }

    /// payroc_cloud_wait: the instruction as it ended, or throws payroc::Error.
    std::string cloud_wait(payroc_instruction_kind kind, const std::string &instruction_id,
                           std::uint64_t deadline_ms, const Cancel *cancel = nullptr) const {
        return detail::owned_string([&](char **out, payroc_error **e) {
                   return payroc_cloud_wait(handle_.get(), kind, instruction_id.c_str(), deadline_ms,
                                            cancel ? cancel->get() : nullptr, out, e);
               })
            .value();
    }

private:
    std::unique_ptr<payroc_client, detail::Deleter<payroc_client, payroc_client_free>> handle_;
};

/// The PayTrace recurring-payments client.
class PaytraceClient {
public:
    PaytraceClient(const Config &config, const std::string &username, const std::string &password) {
        payroc_paytrace_client *client = nullptr;
        detail::check([&](payroc_error **e) {
            return payroc_paytrace_client_new(config.get(), username.c_str(), password.c_str(), &client, e);
        });
        handle_.reset(client);
    }

    /// payroc_paytrace_call, never throwing.
    Result<std::string> try_call(const std::string &operation, const std::optional<std::string> &params,
                                 const std::optional<std::string> &body) const noexcept {
        return detail::owned_string([&](char **out, payroc_error **e) {
            return payroc_paytrace_call(handle_.get(), operation.c_str(), detail::c_str(params),
                                        detail::c_str(body), out, e);
        });
    }

    /// payroc_paytrace_call: the response JSON, or throws payroc::Error.
    std::string call(const std::string &operation, const std::optional<std::string> &params,
                     const std::optional<std::string> &body) const {
        return try_call(operation, params, body).value();
    }

private:
    std::unique_ptr<payroc_paytrace_client, detail::Deleter<payroc_paytrace_client, payroc_paytrace_client_free>>
        handle_;
};

}  // namespace payroc

#endif  // PAYROC_HPP
