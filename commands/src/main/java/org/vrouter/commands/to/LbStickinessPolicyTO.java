package org.vrouter.commands.to;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

import org.vrouter.api.error.InvalidParameterException;

/**
 * The session stickiness of a load balancer rule: CloudStack's {@code StickinessPolicyTO}, which is
 * a method name ({@code LbCookie}, {@code AppCookie}, {@code Source}) and a list of parameter pairs.
 * Here each method is its own record with typed, validated parameters, so a policy that exists is
 * one haproxy accepts. A rule has at most one active policy; CloudStack drops revoked ones before
 * building the transfer object, and so does the caller here.
 *
 * <p>{@link #fromCloudStack} reads CloudStack's form with the checks of its
 * {@code validateHAProxyLBRule} (made strict where CloudStack would let haproxy fail, and rejecting
 * unknown parameter names); {@link #params()} gives the pairs back.
 */
public sealed interface LbStickinessPolicyTO permits LbCookieStickinessTO, AppCookieStickinessTO, SourceStickinessTO {
    /** CloudStack's method name: {@code LbCookie}, {@code AppCookie} or {@code Source}. */
    String methodName();

    /** The parameters as CloudStack's name/value pairs, in a stable order; defaults included. */
    List<Map.Entry<String, String>> params();

    /**
     * Builds a policy from CloudStack's method name (any case) and parameter pairs (names in any
     * case; a flag parameter is on when present, whatever its value, as in CloudStack).
     *
     * @throws InvalidParameterException naming the parameter when a name or value is invalid
     */
    static LbStickinessPolicyTO fromCloudStack(String methodName, List<Map.Entry<String, String>> params) {
        requireNonNull(params, "params is null");
        if (methodName == null) {
            throw new InvalidParameterException("stickiness_method", "is missing");
        }
        if (methodName.equalsIgnoreCase(LbCookieStickinessTO.METHOD_NAME)) {
            return LbCookieStickinessTO.fromParams(params);
        }
        if (methodName.equalsIgnoreCase(AppCookieStickinessTO.METHOD_NAME)) {
            return AppCookieStickinessTO.fromParams(params);
        }
        // CloudStack's capability list names the source method "SourceBased"
        if (methodName.equalsIgnoreCase(SourceStickinessTO.METHOD_NAME) || methodName.equalsIgnoreCase("SourceBased")) {
            return SourceStickinessTO.fromParams(params);
        }
        throw new InvalidParameterException("stickiness_method", "unknown method (expected LbCookie, AppCookie or Source)", methodName);
    }
}
