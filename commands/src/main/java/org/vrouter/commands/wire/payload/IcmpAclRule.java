package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An {@code icmp} ACL rule; type and code are 0 to 255, or -1 for "any". */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record IcmpAclRule(
        @JsonProperty("icmp_type") int icmpType,
        @JsonProperty("icmp_code") int icmpCode,
        @JsonProperty("cidr") CidrList cidr,
        @JsonProperty("allowed") boolean allowed) implements AclRule {

    public IcmpAclRule {
        WireChecks.icmp("icmp_type", icmpType);
        WireChecks.icmp("icmp_code", icmpCode);
        WireChecks.nonEmpty("cidr", cidr);
    }

    @Override
    public String type() {
        return "icmp";
    }
}
