/* Servers inside the C test's own process, so that no test assumes anything of a port
 * it does not hold:
 *  - closed_port: a port bound (held) but not listening, so a connection to it is
 *    refused for as long as the test holds it (nobody else can take it meanwhile);
 *  - canned_server: a tiny HTTP/1.1 server on a thread that answers POST /authorize
 *    with a bearer token and every other request with one fixed reply, for replies
 *    payroc-mock never makes (an error status with no problem body). */
#ifndef PAYROC_TEST_SERVERS_H
#define PAYROC_TEST_SERVERS_H

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

/* A socket bound to 127.0.0.1 on a free port; listening when `backlog` > 0. Returns
 * the descriptor (and the port in *port), or -1. */
static inline int loopback_socket(int backlog, unsigned *port) {
    struct sockaddr_in addr;
    socklen_t len = sizeof addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        (backlog > 0 && listen(fd, backlog) != 0) ||
        getsockname(fd, (struct sockaddr *)&addr, &len) != 0) {
        close(fd);
        return -1;
    }
    *port = ntohs(addr.sin_port);
    return fd;
}

/* A port connections to which are refused while the returned descriptor is open (a
 * bound TCP socket that does not listen answers a SYN with a reset). Writes its base
 * URL to url. Close the descriptor when done. Exits the test if it cannot. */
static inline int closed_port(char *url, size_t n) {
    unsigned port = 0;
    int fd = loopback_socket(0, &port);
    if (fd < 0) {
        perror("closed_port");
        exit(2);
    }
    snprintf(url, n, "http://127.0.0.1:%u", port);
    return fd;
}

struct canned_server {
    int fd;
    char url[64];
    const char *reply; /* the whole HTTP response to every request but /authorize */
    const char *token; /* the response to /authorize (NULL: a token good for a minute) */
    int served;        /* requests answered with `reply` */
    int connections;   /* connections accepted, /authorize included */
    pthread_t thread;
};

/* Reads one request (head and Content-Length body); returns 1 if its path is /authorize. */
static inline int canned_read_request(int fd) {
    char buf[8192];
    size_t got = 0;
    long body = 0;
    int auth;
    const char *end = NULL, *length;
    ssize_t n;
    while (end == NULL && got + 1 < sizeof buf) {
        n = read(fd, buf + got, sizeof buf - 1 - got);
        if (n <= 0) return -1;
        got += (size_t)n;
        buf[got] = '\0';
        end = strstr(buf, "\r\n\r\n");
    }
    if (end == NULL) return -1;
    length = strstr(buf, "content-length:");
    if (length == NULL) length = strstr(buf, "Content-Length:");
    if (length != NULL) body = strtol(length + strlen("content-length:"), NULL, 10);
    body -= (long)(got - (size_t)(end + 4 - buf));
    auth = strncmp(buf, "POST /authorize ", 16) == 0;
    while (body > 0 && (n = read(fd, buf, sizeof buf)) > 0) body -= n;
    return auth;
}

static inline void *canned_serve(void *arg) {
    static const char token[] =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
        "Content-Length: 69\r\n\r\n"
        "{\"access_token\":\"canned-token\",\"token_type\":\"Bearer\",\"expires_in\":60}";
    struct canned_server *s = arg;
    int conn;
    while ((conn = accept(s->fd, NULL, NULL)) >= 0) {
        int auth;
        const char *reply;
        s->connections++;
        auth = canned_read_request(conn);
        reply = auth == 1 ? (s->token != NULL ? s->token : token) : s->reply;
        if (auth >= 0) {
            if (auth == 0) s->served++;
            if (write(conn, reply, strlen(reply)) < 0) perror("canned_server write");
        }
        close(conn);
    }
    return NULL;
}

/* Starts a canned server answering `reply` (set `token` before the first call to
 * change the /authorize answer). */
static inline void canned_server_start(struct canned_server *s, const char *reply) {
    unsigned port = 0;
    s->fd = loopback_socket(16, &port);
    if (s->fd < 0) {
        perror("canned_server");
        exit(2);
    }
    snprintf(s->url, sizeof s->url, "http://127.0.0.1:%u", port);
    s->reply = reply;
    s->token = NULL;
    s->served = 0;
    s->connections = 0;
    pthread_create(&s->thread, NULL, canned_serve, s);
}

/* Stops it: no request may still be in flight. */
static inline void canned_server_stop(struct canned_server *s) {
    shutdown(s->fd, SHUT_RDWR);
    pthread_join(s->thread, NULL);
    close(s->fd);
}

#endif
