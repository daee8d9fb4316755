package org.vrouter.api.network;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.validation.FieldChecks;

/**
 * The template a network is created from: which {@link Provider} implements each {@link Service},
 * whether routers come in redundant pairs, the default egress policy and the router sizing.
 *
 * @param serviceProviders each offered service and its provider; a service not in the map is not offered
 * @param redundantRouter whether routers are deployed as a VRRP pair
 * @param egressDefaultPolicy what happens to egress traffic no rule matches
 * @param routerServiceOfferingId the service offering for routers of this offering, if it names one
 * @param systemOnly whether only the system may use the offering; elements do not implement such networks
 */
public record NetworkOffering(
        long id,
        String uuid,
        String name,
        Map<Service, Provider> serviceProviders,
        boolean redundantRouter,
        EgressPolicy egressDefaultPolicy,
        OptionalLong routerServiceOfferingId,
        boolean systemOnly) {

    public NetworkOffering {
        FieldChecks.requirePositive("network_offering_id", id);
        FieldChecks.requireIdentifier("network_offering_uuid", uuid);
        FieldChecks.requireSafeText("network_offering_name", FieldChecks.requireNonBlank("network_offering_name", name));
        serviceProviders = copyServiceProviders(serviceProviders);
        requireNonNull(egressDefaultPolicy, "egressDefaultPolicy is null");
        requireNonNull(routerServiceOfferingId, "routerServiceOfferingId is null");
        routerServiceOfferingId.ifPresent(offering -> FieldChecks.requirePositive("router_service_offering_id", offering));
    }

    private static Map<Service, Provider> copyServiceProviders(Map<Service, Provider> serviceProviders) {
        requireNonNull(serviceProviders, "serviceProviders is null");
        Map<Service, Provider> copy = new LinkedHashMap<>();
        for (Map.Entry<Service, Provider> entry : serviceProviders.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                throw new InvalidParameterException("service_provider", "null service or provider in " + serviceProviders);
            }
            copy.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Whether the offering includes {@code service}, whatever the provider. */
    public boolean provides(Service service) {
        return serviceProviders.containsKey(service);
    }

    /** The provider of {@code service}, if the offering includes it. */
    public Optional<Provider> provider(Service service) {
        return Optional.ofNullable(serviceProviders.get(service));
    }

    /** Whether {@code provider} implements {@code service} in this offering. */
    public boolean isProvidedBy(Service service, Provider provider) {
        return provider.equals(serviceProviders.get(service));
    }

    /** The services {@code provider} implements in this offering. */
    public Set<Service> servicesOf(Provider provider) {
        return serviceProviders.entrySet().stream()
                .filter(entry -> entry.getValue().equals(provider))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
