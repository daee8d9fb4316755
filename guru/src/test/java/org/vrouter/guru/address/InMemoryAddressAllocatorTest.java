package org.vrouter.guru.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InsufficientCapacityException;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.Cidr;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.net.IpRange;

class InMemoryAddressAllocatorTest {
    private static final Cidr CONTROL = Cidr.parse("169.254.0.0/16");
    private static final IpAddress CONTROL_GATEWAY = IpAddress.parse("169.254.0.1");

    private final InMemoryAddressAllocator allocator = new InMemoryAddressAllocator();

    private static AddressPool pod(long podId) {
        return AddressPool.linkLocal(1, OptionalLong.of(podId), CONTROL, CONTROL_GATEWAY);
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text);
    }

    @Test
    void handsOutTheLowestFreeAddressSkippingTheGateway() {
        assertThat(allocator.allocate(pod(3), 12)).isEqualTo(ip("169.254.0.2"));
        assertThat(allocator.allocate(pod(3), 13)).isEqualTo(ip("169.254.0.3"));
    }

    @Test
    void returnsTheHeldAddressWhenAskedAgain() {
        IpAddress first = allocator.allocate(pod(3), 12);
        allocator.allocate(pod(3), 13);

        assertThat(allocator.allocate(pod(3), 12)).isEqualTo(first);
    }

    @Test
    void neverHandsOneAddressToTwoRoutersEvenUnderConcurrency() {
        Set<IpAddress> handedOut = ConcurrentHashMap.newKeySet();
        IntStream.rangeClosed(1, 500).parallel().forEach(router -> handedOut.add(allocator.allocate(pod(3), router)));

        assertThat(handedOut).hasSize(500).doesNotContain(CONTROL_GATEWAY);
    }

    @Test
    void keepsOnePoolPerPod() {
        assertThat(allocator.allocate(pod(3), 12)).isEqualTo(allocator.allocate(pod(4), 13));
        assertThat(pod(3).name()).isEqualTo("link-local/zone-1/pod-3");
        assertThat(AddressPool.linkLocal(1, OptionalLong.empty(), CONTROL, CONTROL_GATEWAY).name()).isEqualTo("link-local/zone-1");
    }

    @Test
    void releasesControlAddressesOnStopButKeepsGuestAddresses() {
        AddressPool guest = AddressPool.guest(204, Cidr.parse("10.1.1.0/24"), Optional.of(ip("10.1.1.1")));
        IpAddress control = allocator.allocate(pod(3), 12);
        IpAddress guestAddress = allocator.allocate(guest, 12);

        allocator.release(AddressPool.Purpose.CONTROL, 12);

        assertThat(allocator.heldBy(pod(3).name(), 12)).isEmpty();
        assertThat(allocator.heldBy(guest.name(), 12)).contains(guestAddress);
        assertThat(allocator.allocate(pod(3), 13)).isEqualTo(control);
        assertThat(allocator.allocate(guest, 13)).isNotEqualTo(guestAddress);
    }

    @Test
    void releasingWhatIsNotHeldDoesNothing() {
        allocator.release(AddressPool.Purpose.GUEST, 99);

        assertThat(allocator.allocate(pod(3), 12)).isEqualTo(ip("169.254.0.2"));
    }

    @Test
    void claimedAddressesAreNeverHandedToAnotherRouter() {
        allocator.claim(pod(3), 12, ip("169.254.0.2"));

        assertThat(allocator.allocate(pod(3), 13)).isEqualTo(ip("169.254.0.3"));
        assertThat(allocator.allocate(pod(3), 12)).isEqualTo(ip("169.254.0.2"));
    }

    @Test
    void rejectsClaimingAnAddressAnotherRouterHolds() {
        allocator.allocate(pod(3), 12);

        assertThatThrownBy(() -> allocator.claim(pod(3), 13, ip("169.254.0.2")))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("held by router 12");
    }

    @Test
    void rejectsClaimingAnExcludedOrForeignAddress() {
        assertThatThrownBy(() -> allocator.claim(pod(3), 12, CONTROL_GATEWAY)).isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> allocator.claim(pod(3), 12, ip("10.0.0.1"))).isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void aNewClaimReplacesTheRoutersPreviousAddress() {
        allocator.allocate(pod(3), 12);
        allocator.claim(pod(3), 12, ip("169.254.9.9"));

        assertThat(allocator.allocate(pod(3), 13)).isEqualTo(ip("169.254.0.2"));
    }

    @Test
    void failsWithInsufficientCapacityWhenThePoolIsFull() {
        AddressPool tiny = AddressPool.podManagement(3, IpRange.parse("range", "192.168.10.100-192.168.10.101"), ip("192.168.10.1"));
        allocator.allocate(tiny, 1);
        allocator.allocate(tiny, 2);

        assertThatThrownBy(() -> allocator.allocate(tiny, 3))
                .isInstanceOfSatisfying(InsufficientCapacityException.class,
                        error -> assertThat(error.resource()).isEqualTo("address in pool management/pod-3"));
    }

    @Test
    void allocatesIpv6GuestAddresses() {
        AddressPool guest = AddressPool.guest(204, Cidr.parse("fd00:1::/64"), Optional.of(ip("fd00:1::1")));

        assertThat(List.of(allocator.allocate(guest, 12), allocator.allocate(guest, 13)))
                .containsExactly(ip("fd00:1::2"), ip("fd00:1::3"));
        assertThat(guest.name()).isEqualTo("guest/network-204/ipv6");
    }

    @Test
    void guestPoolsLeaveOutNetworkAndBroadcastAddresses() {
        AddressPool guest = AddressPool.guest(204, Cidr.parse("10.1.1.0/30"), Optional.empty());
        Set<IpAddress> handedOut = new HashSet<>(List.of(allocator.allocate(guest, 1), allocator.allocate(guest, 2)));

        assertThat(handedOut).containsExactlyInAnyOrder(ip("10.1.1.1"), ip("10.1.1.2"));
        assertThatThrownBy(() -> allocator.allocate(guest, 3)).isInstanceOf(InsufficientCapacityException.class);
    }

    @Test
    void rejectsAPoolNameReusedForAnotherPurpose() {
        allocator.allocate(pod(3), 12);
        AddressPool clash = new AddressPool(AddressPool.Purpose.GUEST, pod(3).name(), IpRange.parse("r", "169.254.0.2-169.254.0.9"), Set.of());

        assertThatThrownBy(() -> allocator.allocate(clash, 13)).isInstanceOf(InvalidParameterException.class);
    }
}
