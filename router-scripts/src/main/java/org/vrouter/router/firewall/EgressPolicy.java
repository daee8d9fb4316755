package org.vrouter.router.firewall;

/**
 * What an isolated router does with guest traffic to the public side that no egress rule matches:
 * the network offering's default egress policy ({@code default_egress_policy} on the wire, true =
 * ALLOW; also the access detail {@code firewall.egress.default}). The egress rules are the
 * exceptions, so their action is the opposite of the policy.
 */
public enum EgressPolicy {
    /** Unmatched traffic leaves; egress rules drop. */
    ALLOW("ACCEPT", "DROP"),
    /** Unmatched traffic is dropped; egress rules accept. */
    DENY("DROP", "ACCEPT");

    private final String defaultTarget;
    private final String ruleTarget;

    EgressPolicy(String defaultTarget, String ruleTarget) {
        this.defaultTarget = defaultTarget;
        this.ruleTarget = ruleTarget;
    }

    /** The policy for CloudStack's {@code default_egress_policy} flag. */
    public static EgressPolicy fromDefaultEgressPolicy(boolean allow) {
        return allow ? ALLOW : DENY;
    }

    /** The target of the last rule of {@code FW_EGRESS_RULES}. */
    String defaultTarget() {
        return defaultTarget;
    }

    /** The target of the egress rules. */
    String ruleTarget() {
        return ruleTarget;
    }
}
