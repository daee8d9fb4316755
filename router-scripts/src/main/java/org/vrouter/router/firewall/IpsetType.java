package org.vrouter.router.firewall;

/** The ipset types the router uses. */
public enum IpsetType {
    /** Networks of any prefix length (egress firewall CIDR lists). */
    HASH_NET("hash:net"),
    /** Single addresses. */
    HASH_IP("hash:ip");

    private final String ipsetName;

    IpsetType(String ipsetName) {
        this.ipsetName = ipsetName;
    }

    /** The name ipset uses: {@code hash:net}. */
    public String ipsetName() {
        return ipsetName;
    }

    static java.util.Optional<IpsetType> fromIpsetName(String name) {
        for (IpsetType type : values()) {
            if (type.ipsetName.equals(name)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
