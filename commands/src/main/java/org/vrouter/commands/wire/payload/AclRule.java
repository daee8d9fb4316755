package org.vrouter.commands.wire.payload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One rule of a {@link NetworkAclPayload}, discriminated by its JSON {@code type}, which CloudStack writes
 * first: {@code tcp} and {@code udp} ({@link PortAclRule}), {@code icmp} ({@link IcmpAclRule}),
 * {@code protocol} (an IP protocol number, {@link ProtocolAclRule}) and {@code all} ({@link AllAclRule}).
 * Every rule matches a comma-separated CIDR list and either allows or drops.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "type", visible = true)
@JsonSubTypes({
        @JsonSubTypes.Type(value = PortAclRule.class, names = {"tcp", "udp"}),
        @JsonSubTypes.Type(value = IcmpAclRule.class, name = "icmp"),
        @JsonSubTypes.Type(value = ProtocolAclRule.class, name = "protocol"),
        @JsonSubTypes.Type(value = AllAclRule.class, name = "all")})
@JsonPropertyOrder({"type"})
public sealed interface AclRule permits PortAclRule, IcmpAclRule, ProtocolAclRule, AllAclRule {
    /** The rule {@code type} values, as CloudStack writes them. */
    List<String> TYPES = List.of("tcp", "udp", "icmp", "protocol", "all");

    /** The JSON {@code type}: {@code tcp}, {@code udp}, {@code icmp}, {@code protocol} or {@code all}. */
    @JsonProperty("type")
    String type();

    /** The source (ingress) or destination (egress) CIDRs; never empty. */
    @JsonProperty("cidr")
    CidrList cidr();

    /** True: accept; false: drop. */
    @JsonProperty("allowed")
    boolean allowed();
}
