package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;

/**
 * CloudStack's password server protocol (router-side §9), for the VM the request comes from (its source
 * address), on any path:
 *
 * <ul>
 *   <li>GET with header {@code DomU_Request: send_my_password}: the VM's pending password, once; later
 *       requests (and a VM with no password) get {@code saved_password};</li>
 *   <li>GET with {@code DomU_Request: saved_password}: the VM acknowledges; its password is no longer
 *       pending; answer {@code saved_password};</li>
 *   <li>anything else (CloudStack's router-side {@code save_password} too: passwords arrive through the
 *       store, never over HTTP): 400 {@code bad_request}.</li>
 * </ul>
 * Passwords never reach a log; the log names the VM.
 */
final class PasswordHandler implements HttpHandler {
    static final String HEADER = "DomU_Request";
    static final String SEND_MY_PASSWORD = "send_my_password";
    static final String SAVED_PASSWORD = "saved_password";
    static final String BAD_REQUEST = "bad_request";
    private static final Logger log = LoggerFactory.getLogger(PasswordHandler.class);

    private final PasswordStore store;

    PasswordHandler(PasswordStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            IpAddress vm = ExchangeSource.of(exchange);
            String request = exchange.getRequestHeaders().getFirst(HEADER);
            if (!exchange.getRequestMethod().equals("GET") || request == null) {
                log.debug("bad request from {}", vm);
                respond(exchange, 400, BAD_REQUEST);
                return;
            }
            switch (request.strip()) {
                case SEND_MY_PASSWORD -> {
                    Optional<Secret> password = store.claim(vm);
                    if (password.isPresent()) {
                        log.info("password sent to VM {}", vm);
                    }
                    respond(exchange, 200, password.map(Secret::reveal).orElse(SAVED_PASSWORD));
                }
                case SAVED_PASSWORD -> {
                    if (store.markServed(vm)) {
                        log.info("VM {} acknowledged its password", vm);
                    }
                    respond(exchange, 200, SAVED_PASSWORD);
                }
                default -> {
                    log.debug("bad request from {}", vm);
                    respond(exchange, 400, BAD_REQUEST);
                }
            }
        }
        finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
