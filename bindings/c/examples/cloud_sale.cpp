// A sale on a Payroc Cloud device from C++, with the RAII wrapper payroc.hpp: the
// handles free themselves, failures arrive as payroc::Error (or, with try_*, as a
// payroc::Result to inspect without exceptions).
//
//   cloud_sale_cpp [BASE_URL]   (payroc-mock's URL; without it, Payroc's UAT)
#include "payroc.hpp"

#include <cstdlib>
#include <iostream>
#include <string>

static std::string env_or(const char *name, const std::string &fallback) {
    const char *value = std::getenv(name);
    return value != nullptr && *value != '\0' ? value : fallback;
}

int main(int argc, char **argv) {
    try {
        payroc::Config config;
        config.api_key(env_or("PAYROC_API_KEY", ""));
        if (argc > 1) config.base_urls(std::string(argv[1]) + "/v1", argv[1]);
        const payroc::Client client(config);

        // An invalid request never leaves the till: every field path comes back.
        auto invalid = client.try_cloud_run_sale("DEMO-DEVICE-1", R"({"order":{"amount":0}})", 1000);
        if (!invalid) {
            std::cout << "rejected before sending (" << invalid.error().code_name() << "):\n";
            for (const auto &field : invalid.error().fields()) {
                std::cout << "  " << field.path << ": " << field.message << "\n";
            }
        }

        payroc::Cancel cancel;  // a UI thread could call cancel.trigger()
        const std::string request = R"({"processingTerminalId":")" + env_or("PAYROC_TERMINAL_ID", "1234001") +
                                    R"(","order":{"orderId":"POS-CPP-0001","amount":1875,"currency":"USD"}})";
        const std::string sale =
            client.cloud_run_sale(env_or("PAYROC_DEVICE_SERIAL", "DEMO-DEVICE-1"), request, 120000, &cancel);
        const bool approved = sale.find(R"("approved":true)") != std::string::npos;
        std::cout << (approved ? "APPROVED" : "NOT APPROVED") << "\n";
        return approved ? 0 : 1;
    } catch (const payroc::Error &e) {
        std::cerr << e.code_name() << ": " << e.what() << "\n";
        return 1;
    }
}
