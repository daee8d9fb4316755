package org.vrouter.guru;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.vrouter.api.network.Vpc;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.secret.Secret;

/** The VRRP facts of a redundant router's boot arguments: its first role and, in a VPC, the shared password. */
final class RedundantRole {
    private RedundantRole() {}

    /**
     * {@code PRIMARY} when the network (VPC: the VPC) has no router yet or this router is its first
     * one (lowest id, the head of the router DAO's ascending list), else {@code BACKUP}. Keepalived
     * settles the real roles once both routers run; this only picks who starts as primary.
     */
    static RedundantState initialState(DomainRouter router, List<DomainRouter> existingRouters) {
        long first = existingRouters.stream().mapToLong(DomainRouter::id).min().orElse(router.id());
        return first == router.id() ? RedundantState.PRIMARY : RedundantState.BACKUP;
    }

    /**
     * CloudStack's VRRP password of a redundant VPC pair ({@code router_password}): the SHA-512 of
     * the VPC uuid read as an unsigned number, in decimal. Both routers compute the same value.
     */
    static Secret vpcRouterPassword(Vpc vpc) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(vpc.uuid().getBytes(StandardCharsets.UTF_8));
            return Secret.of(new BigInteger(1, digest).toString());
        }
        catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-512 (MessageDigest javadoc)
            throw new IllegalStateException("SHA-512 is not available", e);
        }
    }
}
