package org.vrouter.commands.to;

/**
 * What a network ACL rule does with matching packets. CloudStack's API calls these Allow and Deny;
 * the rule string the resource builds (and so the wire) says {@code ACCEPT} / {@code DROP}, which
 * {@link #wireName()} returns; {@code network_acl.json} carries it as {@code "allowed": true|false}.
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
