package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;

/**
 * One certificate of a {@link LoadBalancerRule}'s {@code ssl_certs} (newer releases, unverified upstream):
 * PEM text for haproxy's SSL offload. The private key is a {@link Secret}.
 *
 * @param name file name stem, like {@code 203_0_113_20-443}
 */
public record SslCertificate(
        @JsonProperty("name") String name,
        @JsonProperty("cert") String cert,
        @JsonProperty("key") Secret key,
        @JsonProperty("chain") Optional<String> chain) {

    public SslCertificate {
        WireChecks.fileName("name", name);
        pem("cert", WireChecks.required("cert", cert), cert);
        pem("key", WireChecks.required("key", key).reveal(), null);
        requireNonNull(chain, "chain is null");
        chain.ifPresent(value -> pem("chain", value, value));
    }

    /** PEM text: printable characters and line breaks only. */
    private static void pem(String field, String text, String shown) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n' && c != '\r') || c == 0x7f) {
                throw new InvalidParameterException(field, "must be PEM text (no control characters)", shown);
            }
        }
    }
}
