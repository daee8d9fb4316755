package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An {@code all} ACL rule: every protocol. */
@JsonIgnoreProperties(value = "type", allowGetters = true)
public record AllAclRule(
        @JsonProperty("cidr") CidrList cidr,
        @JsonProperty("allowed") boolean allowed) implements AclRule {

    public AllAclRule {
        WireChecks.nonEmpty("cidr", cidr);
    }

    @Override
    public String type() {
        return "all";
    }
}
