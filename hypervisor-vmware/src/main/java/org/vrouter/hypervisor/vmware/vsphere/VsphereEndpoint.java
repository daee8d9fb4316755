package org.vrouter.hypervisor.vmware.vsphere;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;

/**
 * Where and as whom to log in to vCenter.
 *
 * @param sdkUrl the SDK endpoint, {@code https://<vcenter>/sdk}
 * @param trustAnyCertificate accept any server certificate (vCenter's self-signed one, a
 *     simulator's); when false the JVM's trust store decides
 * @param callTimeout bound on connecting and on each SOAP call's reply
 */
public record VsphereEndpoint(URI sdkUrl, String user, Secret password, boolean trustAnyCertificate, Duration callTimeout) {
    public VsphereEndpoint {
        requireNonNull(sdkUrl, "sdkUrl is null");
        if (!"https".equals(sdkUrl.getScheme()) || sdkUrl.getHost() == null || sdkUrl.getUserInfo() != null) {
            throw new InvalidParameterException("vcenter_url", "must be https://<host>[:port]/<path> without credentials", sdkUrl);
        }
        // both travel only inside SOAP (XML-escaped), so any character vCenter allows is fine here,
        // including the backslash of a domain-qualified user name
        FieldChecks.requireNonBlank("vcenter_user", user);
        if (requireNonNull(password, "password is null").isEmpty()) {
            throw new InvalidParameterException("vcenter_password", "is empty");
        }
        requireNonNull(callTimeout, "callTimeout is null");
        if (callTimeout.isNegative() || callTimeout.isZero() || callTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new InvalidParameterException("vcenter_call_timeout", "must be positive and under 24 days", callTimeout);
        }
    }

    @Override
    public String toString() {
        return user + "@" + sdkUrl;
    }
}
