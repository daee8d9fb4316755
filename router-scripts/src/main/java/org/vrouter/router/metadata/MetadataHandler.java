package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.net.IpAddress;

/**
 * Serves a VM its own user data and metadata ({@link MetadataRequest}), read from the rendered tree on
 * each request: the VM is the request's source address, so a VM can read no other VM's files and an
 * address with no data gets 404. GET and HEAD only.
 */
final class MetadataHandler implements HttpHandler {
    private static final Logger log = LoggerFactory.getLogger(MetadataHandler.class);
    private static final byte[] NOT_FOUND = "Not Found\n".getBytes(StandardCharsets.UTF_8);

    private final Path webRoot;

    /** @param webRoot the real directory of {@value MetadataPaths#WEB_ROOT} */
    MetadataHandler(Path webRoot) {
        this.webRoot = requireNonNull(webRoot, "webRoot is null");
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "Method Not Allowed\n".getBytes(StandardCharsets.UTF_8));
                return;
            }
            IpAddress vm = ExchangeSource.of(exchange);
            String path = exchange.getRequestURI().getRawPath();
            Optional<byte[]> content = MetadataRequest.parse(path).flatMap(lookup -> read(vm, lookup));
            log.debug("{} {} from {}: {}", method, path, vm, content.isPresent() ? 200 : 404);
            if (content.isPresent()) {
                respond(exchange, 200, content.get());
            }
            else {
                respond(exchange, 404, NOT_FOUND);
            }
        }
        finally {
            exchange.close();
        }
    }

    private Optional<byte[]> read(IpAddress vm, MetadataRequest.Lookup lookup) {
        for (String folder : lookup.folders()) {
            Path directory = webRoot.resolve(folder).resolve(vm.toString());
            Path file = directory.resolve(lookup.name());
            // the name is a plain file name; the checks below only guard against a link planted in the tree
            if (!file.normalize().getParent().equals(directory) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                return Optional.of(Files.readAllBytes(file));
            }
            catch (NoSuchFileException e) {
                // removed by a converge since the check: as if it had never been there
                continue;
            }
            catch (IOException e) {
                log.warn("cannot read {} for VM {}", file, vm, e);
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
        if (!head && body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
