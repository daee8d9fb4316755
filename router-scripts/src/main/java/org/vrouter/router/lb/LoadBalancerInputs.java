package org.vrouter.router.lb;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.commands.wire.payload.LoadBalancerRule;
import org.vrouter.router.databag.Databags;

/**
 * Maps the {@code loadbalancer} databag into haproxy's {@link LoadBalancerInput}: a pure function. The
 * configuration is the {@code configuration} lines of the bag's first rule, as CloudStack's router takes
 * it (the management side renders the whole {@code haproxy.cfg} into that one rule); an empty bag is
 * {@link LoadBalancerInput#none()}, which stops haproxy.
 */
public final class LoadBalancerInputs {
    private LoadBalancerInputs() {}

    /**
     * @throws InvalidParameterException naming {@code loadbalancer[0].configuration[i]} for a line haproxy
     *     would misread
     */
    public static LoadBalancerInput from(Databags bags) {
        List<LoadBalancerRule> rules = requireNonNull(bags, "bags is null").loadBalancer().rules();
        if (rules.isEmpty()) {
            return LoadBalancerInput.none();
        }
        try {
            return new LoadBalancerInput(rules.get(0).configuration());
        }
        catch (InvalidParameterException e) {
            throw e.within("loadbalancer[0].");
        }
    }
}
