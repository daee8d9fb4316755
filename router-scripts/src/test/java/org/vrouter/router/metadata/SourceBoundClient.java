package org.vrouter.router.metadata;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client whose socket is bound to a chosen source address (127.0.0.2, 127.0.0.3: the
 * whole 127/8 is local on Linux), so one test plays several VMs; the request line goes out exactly as
 * written (no normalisation of the path).
 */
final class SourceBoundClient {
    /** Status code and body of a response. */
    record Response(int status, String body) {}

    private SourceBoundClient() {}

    static Response request(String source, InetSocketAddress server, String method, String rawPath, Map<String, String> headers)
            throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            socket.connect(server, 10_000);
            StringBuilder request = new StringBuilder(method + " " + rawPath + " HTTP/1.1\r\nHost: router\r\nConnection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        }
    }

    static Response get(String source, InetSocketAddress server, String rawPath) throws IOException {
        return request(source, server, "GET", rawPath, Map.of());
    }

    private static Response parse(byte[] response) {
        String text = new String(response, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IllegalStateException("not an HTTP response: " + text);
        }
        String status = text.substring(0, text.indexOf("\r\n"));
        return new Response(Integer.parseInt(status.split(" ")[1]), text.substring(end + 4));
    }
}
