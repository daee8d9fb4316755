package org.vrouter.api.vm;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.bootargs.BootArgs;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * A VM with everything needed to start it or to program a router for it: its NICs, boot
 * arguments, template, size and the secrets that travel with it (CloudStack's
 * {@code VirtualMachineProfile}).
 *
 * <p>For a router the guru fills in NICs and boot arguments. For a guest VM the host controller
 * builds one so the router code can write the VM's DHCP entry, password and user data.
 *
 * @param nics in device order; device ids unique, at most one default NIC
 * @param bootArgs empty for guest VMs
 * @param password a password to push to the router (new VM, reset), if any
 * @param userData the VM's user data as CloudStack stores it (base64), if any
 * @param sshPublicKey the public key for {@code metadata/public-keys}, if any
 */
public record VirtualMachineProfile(
        VirtualMachine vm,
        List<Nic> nics,
        BootArgs bootArgs,
        VmTemplate template,
        ServiceOffering serviceOffering,
        Optional<Secret> password,
        Optional<Secret> userData,
        Optional<String> sshPublicKey) {

    public VirtualMachineProfile {
        requireNonNull(vm, "vm is null");
        nics = List.copyOf(nics);
        requireNonNull(bootArgs, "bootArgs is null");
        requireNonNull(template, "template is null");
        requireNonNull(serviceOffering, "serviceOffering is null");
        requireNonNull(password, "password is null");
        requireNonNull(userData, "userData is null");
        requireNonNull(sshPublicKey, "sshPublicKey is null");
        password.ifPresent(secret -> FieldChecks.requireSafeSecret("password", secret.reveal()));
        sshPublicKey.ifPresent(key -> FieldChecks.requireSafeText("ssh_public_key", key));
        Set<Integer> devices = new HashSet<>();
        int defaults = 0;
        for (int i = 0; i < nics.size(); i++) {
            Nic nic = nics.get(i);
            if (!devices.add(nic.deviceId())) {
                throw new InvalidParameterException("nics[" + i + "].device_id", "used by another NIC of the VM", nic.deviceId());
            }
            defaults += nic.defaultNic() ? 1 : 0;
        }
        if (defaults > 1) {
            throw new InvalidParameterException("nics", "more than one default NIC (" + defaults + ")");
        }
    }

    /** A guest VM's profile: no boot arguments, no secrets. */
    public static VirtualMachineProfile of(VirtualMachine vm, List<Nic> nics, VmTemplate template, ServiceOffering serviceOffering) {
        return new VirtualMachineProfile(vm, nics, BootArgs.empty(), template, serviceOffering, Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    /** The same profile with these NICs. */
    public VirtualMachineProfile withNics(List<Nic> newNics) {
        return new VirtualMachineProfile(vm, newNics, bootArgs, template, serviceOffering, password, userData, sshPublicKey);
    }

    /** The same profile with these boot arguments. */
    public VirtualMachineProfile withBootArgs(BootArgs newBootArgs) {
        return new VirtualMachineProfile(vm, nics, newBootArgs, template, serviceOffering, password, userData, sshPublicKey);
    }

    /** The same profile with a password, user data and SSH key (each may be empty). */
    public VirtualMachineProfile withSecrets(Optional<Secret> newPassword, Optional<Secret> newUserData, Optional<String> newSshPublicKey) {
        return new VirtualMachineProfile(vm, nics, bootArgs, template, serviceOffering, newPassword, newUserData, newSshPublicKey);
    }

    /** The NIC in {@code networkId}, if the VM has one there. */
    public Optional<Nic> nicIn(long networkId) {
        return nics.stream().filter(nic -> nic.networkId() == networkId).findFirst();
    }

    /** The default NIC, if any. */
    public Optional<Nic> defaultNic() {
        return nics.stream().filter(Nic::defaultNic).findFirst();
    }
}
