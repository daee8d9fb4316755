package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A {@code protocol} ACL rule: any IP protocol by number, 0 to 255 (41 is IPv6-in-IPv4). */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record ProtocolAclRule(
        @JsonProperty("protocol") int protocol,
        @JsonProperty("cidr") CidrList cidr,
        @JsonProperty("allowed") boolean allowed) implements AclRule {

    public ProtocolAclRule {
        WireChecks.protocolNumber("protocol", protocol);
        WireChecks.nonEmpty("cidr", cidr);
    }

    @Override
    public String type() {
        return "protocol";
    }
}
