package org.vrouter.commands.wire.payload;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;

/**
 * A comma-separated CIDR list as CloudStack sends it in one JSON string ({@code "10.0.1.0/24,::/0"}),
 * IPv4 and IPv6 mixed. Used for ACL {@code cidr}, port-forwarding {@code source_cidr_list} and
 * site-to-site {@code peer_guest_cidr_list}.
 *
 * <p>Empty elements ({@code "a,,b"}, a trailing comma) are dropped on parse, as CloudStack's router
 * does; the list is written back without them. An empty list is the empty string.
 */
public record CidrList(List<Cidr> cidrs) {
    public CidrList {
        requireNonNull(cidrs, "cidrs is null");
        cidrs = List.copyOf(cidrs);
    }

    public static CidrList of(Cidr... cidrs) {
        return new CidrList(List.of(cidrs));
    }

    /** Parses the wire text, naming {@code field} in the error. */
    public static CidrList parse(String field, String text) {
        if (text == null) {
            throw new InvalidParameterException(field, "is missing");
        }
        List<Cidr> out = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            if (!part.isEmpty()) {
                out.add(Cidr.parse(field, part));
            }
        }
        return new CidrList(out);
    }

    public boolean isEmpty() {
        return cidrs.isEmpty();
    }

    /** The wire text: the CIDRs joined by commas. */
    @Override
    public String toString() {
        return cidrs.stream().map(Cidr::toString).collect(Collectors.joining(","));
    }
}
