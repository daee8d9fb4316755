package org.vrouter.testkit.architecture;

import java.util.Map;
import java.util.Set;

/**
 * The dependency rules of docs/architecture.md section 2, as data: for each module, the vrouter
 * modules its main code may depend on (directly in its pom, or by importing their packages).
 * Transitive use of api through commands is allowed everywhere commands is.
 */
final class ModuleRules {
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("api", Set.of()),
            Map.entry("commands", Set.of("api")),
            Map.entry("core", Set.of("api", "commands")),
            Map.entry("element-virtualrouter", Set.of("api", "commands")),
            Map.entry("guru", Set.of("api", "commands")),
            Map.entry("hypervisor-kvm", Set.of("api", "commands", "core")),
            Map.entry("hypervisor-xen", Set.of("api", "commands", "core")),
            Map.entry("hypervisor-vmware", Set.of("api", "commands", "core")),
            Map.entry("hypervisor-netns", Set.of("api", "commands", "core", "router-scripts")),
            // the router side runs alone on a router: wire payload types (and the api values they use) only
            Map.entry("router-scripts", Set.of("api", "commands")),
            Map.entry("testkit", Set.of("api", "commands", "core", "element-virtualrouter", "guru",
                    "hypervisor-kvm", "hypervisor-xen", "hypervisor-vmware", "hypervisor-netns", "router-scripts")),
            Map.entry("cli", Set.of("api", "commands", "core", "element-virtualrouter", "guru",
                    "hypervisor-kvm", "hypervisor-xen", "hypervisor-vmware", "hypervisor-netns", "router-scripts", "testkit")));

    /** Third-party artifacts (groupId:artifactId) api may use: the SPI stays thin. */
    static final Set<String> API_THIRD_PARTY = Set.of("org.slf4j:slf4j-api");

    /** Root Java package of each module. */
    static final Map<String, String> PACKAGES = Map.ofEntries(
            Map.entry("api", "org.vrouter.api"),
            Map.entry("commands", "org.vrouter.commands"),
            Map.entry("core", "org.vrouter.core"),
            Map.entry("element-virtualrouter", "org.vrouter.element"),
            Map.entry("guru", "org.vrouter.guru"),
            Map.entry("hypervisor-kvm", "org.vrouter.hypervisor.kvm"),
            Map.entry("hypervisor-xen", "org.vrouter.hypervisor.xen"),
            Map.entry("hypervisor-vmware", "org.vrouter.hypervisor.vmware"),
            Map.entry("hypervisor-netns", "org.vrouter.hypervisor.netns"),
            Map.entry("router-scripts", "org.vrouter.router"),
            Map.entry("testkit", "org.vrouter.testkit"),
            Map.entry("cli", "org.vrouter.cli"));

    private ModuleRules() {}
}
