package org.vrouter.router.vpc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.converge.ConvergeRequest;
import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.CmdLineBag;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.firewall.Firewall;
import org.vrouter.router.firewall.FirewallApplier;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.Host;

/**
 * The {@code firewall} service of every router type: a VPC router's ({@code type=vpcrouter}) network
 * ACLs and NAT, mapped by {@link VpcFirewallInputs}, rendered by {@link VpcFirewallRenderer} and applied
 * by {@link FirewallApplier} (ipsets first, then one {@code iptables-restore} of the changed chains,
 * validated with {@code --test}; persisted to {@code /etc/iptables/rules.v4}); any other router type is
 * handed to the service it wraps (the isolated routers' firewall). One service name for all types, so an
 * operator finds the firewall under {@code firewall} whatever the router.
 *
 * <p>No memory of its own: the applier compares with the ruleset it last applied and runs no process
 * when nothing changed; rendering is linear and cheap. Repair starts from the kernel
 * ({@code iptables-save}, {@code ipset save}). Replacing an ACL is one transaction: its chains are
 * rewritten by the one restore, and its ipsets are named after their content (see {@code AclChains}).
 * Thread-safety: calls are serialised by the converge.
 */
public final class VpcFirewallService implements ServiceConverger {
    private static final Set<BagKey> INPUTS = EnumSet.of(BagKey.CMD_LINE, BagKey.IPS, BagKey.GUEST_NETWORK, BagKey.NETWORK_ACL,
            BagKey.STATIC_ROUTES, BagKey.FORWARDING_RULES, BagKey.LOAD_BALANCER, BagKey.FIREWALL_RULES, BagKey.REMOTE_ACCESS_VPN,
            BagKey.SITE_2_SITE_VPN);

    private final ServiceConverger otherRouters;
    private final Host host;
    private final FirewallApplier applier;
    private final VpcFirewallRenderer renderer = new VpcFirewallRenderer();
    private final Set<BagKey> inputs;

    /**
     * @param otherRouters the firewall service of the other router types; its name and dependencies are this service's
     * @param applier the router's firewall applier (share it with {@code otherRouters}: one owner of the kernel's rules)
     */
    public VpcFirewallService(ServiceConverger otherRouters, Host host, FirewallApplier applier) {
        this.otherRouters = requireNonNull(otherRouters, "otherRouters is null");
        this.host = requireNonNull(host, "host is null");
        this.applier = requireNonNull(applier, "applier is null");
        Set<BagKey> union = EnumSet.copyOf(INPUTS);
        union.addAll(otherRouters.inputs());
        this.inputs = Set.copyOf(union);
    }

    @Override
    public String name() {
        return otherRouters.name();
    }

    @Override
    public Set<BagKey> inputs() {
        return inputs;
    }

    @Override
    public Set<String> dependsOn() {
        return otherRouters.dependsOn();
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        if (!isVpc(databags)) {
            return otherRouters.apply(databags);
        }
        List<String> warnings = new ArrayList<>();
        Firewall firewall = renderer.render(VpcFirewallInputs.from(databags, warnings::add));
        return result(applier.apply(firewall).summary(), warnings);
    }

    /** Other routers keep the wrapped service's change-aware apply (it cleans up stale conntrack entries). */
    @Override
    public ServiceResult apply(ConvergeRequest request) throws IOException {
        if (!isVpc(request.databags())) {
            return otherRouters.apply(request);
        }
        return apply(request.databags());
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        if (!isVpc(databags)) {
            return otherRouters.repair(databags);
        }
        List<String> warnings = new ArrayList<>();
        Firewall firewall = renderer.render(VpcFirewallInputs.from(databags, warnings::add));
        return result(applier.repair(firewall).summary(), warnings);
    }

    @Override
    public ServiceRendering render(Databags databags) {
        if (!isVpc(databags)) {
            return otherRouters.render(databags);
        }
        List<String> warnings = new ArrayList<>();
        Firewall firewall = renderer.render(VpcFirewallInputs.from(databags, warnings::add));
        return ServiceRendering.rendered(name(), String.join("; ", warnings), FirewallApplier.files(firewall));
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        if (!isVpc(databags)) {
            return otherRouters.verify(databags);
        }
        Firewall firewall = renderer.render(VpcFirewallInputs.from(databags, warning -> { }));
        List<String> differences = new ArrayList<>(applier.verify(firewall).lines());
        for (Map.Entry<String, String> file : FirewallApplier.files(firewall).entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        return ServiceDrift.of(name(), differences);
    }

    private static boolean isVpc(Databags databags) {
        return databags.cmdLine().routerType().filter(CmdLineBag.VPC_ROUTER::equals).isPresent();
    }

    private static ServiceResult result(Optional<String> change, List<String> warnings) {
        return change.map(detail -> ServiceResult.applied(detail, warnings)).orElseGet(() -> ServiceResult.unchanged(warnings));
    }
}
