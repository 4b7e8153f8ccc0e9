/* A helper for the C tests: one request to payroc-mock's controls (`/_mock/...`) over
 * a plain socket, so the tests need no HTTP library. */
#ifndef PAYROC_MOCK_CONTROL_H
#define PAYROC_MOCK_CONTROL_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* One request to payroc-mock's controls (loopback, no auth, never faulted) over a
 * plain socket: returns the HTTP status, or -1 when the exchange failed. */
static inline int mock_control(const char *base_url, const char *method, const char *path,
                               const char *body) {
    char request[1024], response[512];
    struct sockaddr_in addr;
    unsigned port = 0;
    int fd, status = -1;
    ssize_t n;
    size_t got = 0;
    if (sscanf(base_url, "http://127.0.0.1:%u", &port) != 1) return -1;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0) {
        int len = snprintf(request, sizeof request,
                           "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                           "Content-Length: %zu\r\n\r\n%s",
                           method, path, strlen(body), body);
        if (write(fd, request, (size_t)len) == len) {
            while (got + 1 < sizeof response &&
                   (n = read(fd, response + got, sizeof response - 1 - got)) > 0) {
                got += (size_t)n;
            }
            response[got] = '\0';
            if (sscanf(response, "HTTP/%*s %d", &status) != 1) status = -1;
        }
    }
    close(fd);
    return status;
}

/* As mock_control, and hands back the response body (heap, NUL-terminated, for free())
 * in *body_out (NULL when the exchange failed). For GET /_mock/counters, /_mock/ledger
 * and /_mock/requests. */
static inline int mock_fetch(const char *base_url, const char *method, const char *path,
                             const char *body, char **body_out) {
    char request[1024];
    struct sockaddr_in addr;
    unsigned port = 0;
    int fd, status = -1, len;
    size_t got = 0, cap = 65536;
    char *response, *grown;
    const char *start;
    ssize_t n;
    *body_out = NULL;
    if (sscanf(base_url, "http://127.0.0.1:%u", &port) != 1) return -1;
    len = snprintf(request, sizeof request,
                   "%s %s HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                   "Content-Length: %zu\r\n\r\n%s",
                   method, path, strlen(body), body);
    if (len < 0 || (size_t)len >= sizeof request) return -1;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    response = (char *)malloc(cap);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || response == NULL) {
        free(response);
        if (fd >= 0) close(fd);
        return -1;
    }
    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) == 0 &&
        write(fd, request, (size_t)len) == len) {
        while ((n = read(fd, response + got, cap - 1 - got)) > 0) {
            got += (size_t)n;
            if (got + 1 == cap) {
                grown = (char *)realloc(response, cap * 2);
                if (grown == NULL) break;
                response = grown;
                cap *= 2;
            }
        }
        response[got] = '\0';
        if (sscanf(response, "HTTP/%*s %d", &status) != 1) status = -1;
        start = strstr(response, "\r\n\r\n");
        if (start != NULL) {
            start += 4;
            memmove(response, start, strlen(start) + 1);
            *body_out = response;
            response = NULL;
        }
    }
    free(response);
    close(fd);
    return status;
}

#endif
