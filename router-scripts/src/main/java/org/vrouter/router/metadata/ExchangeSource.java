package org.vrouter.router.metadata;

import java.net.InetAddress;

import com.sun.net.httpserver.HttpExchange;

import org.vrouter.api.net.IpAddress;

/** The address a request came from: the only thing that tells the server which VM asks. */
final class ExchangeSource {
    private ExchangeSource() {}

    static IpAddress of(HttpExchange exchange) {
        InetAddress address = exchange.getRemoteAddress().getAddress();
        return IpAddress.ofBytes(address.getAddress());
    }
}
