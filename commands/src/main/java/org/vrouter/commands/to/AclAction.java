package org.vrouter.commands.to;

/**
 * What a network ACL rule does with matching packets. CloudStack's API calls these Allow and Deny;
 * the rule string the resource builds (and so the wire) says {@code ACCEPT} / {@code DROP}, which
 * {@link #wireName()} returns; {@code network_acl.json} carries it as {@code "allowed": true|false}.
 *
 * <p>Kept apart from api's {@code NetworkAclItem.Action} on purpose: that one is the domain's
 * Allow/Deny with CloudStack's API spelling, this one the rule-string spelling the TO puts on the
 * wire.
 */
public enum AclAction {
    ALLOW("ACCEPT"),
    DENY("DROP");

    private final String wireName;

    AclAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public boolean allowed() {
        return this == ALLOW;
    }
}
