package org.vrouter.router.databag;

import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.IpAddress;
import org.vrouter.api.secret.Secret;

/**
 * The {@code vmpassword} bag: passwords waiting for the password server, by VM address. CloudStack keeps
 * only the last one received; so does the merge. Written root-only.
 */
public record VmPasswordBag(Map<IpAddress, Secret> passwords) implements Databag {
    public VmPasswordBag {
        passwords = BagMaps.sorted(passwords, "passwords");
    }

    public static VmPasswordBag empty() {
        return new VmPasswordBag(Map.of());
    }

    @Override
    public BagKey key() {
        return BagKey.VM_PASSWORD;
    }

    @Override
    public boolean isEmpty() {
        return passwords.isEmpty();
    }

    public Optional<Secret> get(IpAddress vm) {
        return Optional.ofNullable(passwords.get(vm));
    }

    @Override
    public String toString() {
        return "VmPasswordBag" + passwords.keySet();
    }
}
