package org.vrouter.guru;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.dc.HypervisorType;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.RedundantState;

class RedundantRoleTest {
    private static DomainRouter router(long id) {
        return Fixtures.router(id, HypervisorType.KVM, 204).redundant(true).build();
    }

    @Test
    void firstRouterOfANetworkStartsAsPrimary() {
        assertThat(RedundantRole.initialState(router(12), List.of())).isEqualTo(RedundantState.PRIMARY);
    }

    @Test
    void routerListedFirstStartsAsPrimary() {
        assertThat(RedundantRole.initialState(router(12), List.of(router(12), router(13)))).isEqualTo(RedundantState.PRIMARY);
    }

    @Test
    void peerOfAnExistingRouterStartsAsBackup() {
        assertThat(RedundantRole.initialState(router(13), List.of(router(12)))).isEqualTo(RedundantState.BACKUP);
        assertThat(RedundantRole.initialState(router(13), List.of(router(12), router(13)))).isEqualTo(RedundantState.BACKUP);
    }

    @Test
    void lowestIdIsFirstWhateverTheListOrder() {
        assertThat(RedundantRole.initialState(router(12), List.of(router(13), router(12)))).isEqualTo(RedundantState.PRIMARY);
        assertThat(RedundantRole.initialState(router(13), List.of(router(13), router(12)))).isEqualTo(RedundantState.BACKUP);
    }

    @Test
    void vpcPasswordIsTheUnsignedDecimalSha512OfTheVpcUuid() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(Fixtures.vpc(true).uuid().getBytes(StandardCharsets.US_ASCII));

        String password = RedundantRole.vpcRouterPassword(Fixtures.vpc(true)).reveal();

        assertThat(password).isEqualTo(new BigInteger(1, digest).toString()).matches("[0-9]{150,155}");
    }
}
