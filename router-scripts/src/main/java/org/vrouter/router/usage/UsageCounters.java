package org.vrouter.router.usage;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/**
 * Reads and zeroes a router's network usage counters through a {@link Host}: CloudStack's
 * {@code netusage.sh} and {@code vpc_netusage.sh} on the router side. The counting rules belong to the
 * firewall renderers (isolated: {@value #ISOLATED_CHAIN} from {@code INPUT}, {@code FORWARD} and
 * {@code OUTPUT}; VPC: {@code NETWORK_STATS_<public dev>} from {@code FORWARD}), so the firewall converger
 * keeps them; {@link #ensureChain} only makes sure a chain exists before the first converge.
 *
 * <p>{@link #readAndZero} lists and zeroes in one {@code iptables -L -Z} call. Bytes the kernel counts
 * between the listing and the zeroing (one program run, two kernel operations with the nf_tables backend)
 * are lost; CloudStack's get-then-reset loses the bytes of a whole round trip instead.
 */
public final class UsageCounters {
    /** The isolated router's counting chain. */
    public static final String ISOLATED_CHAIN = "NETWORK_STATS";
    private static final String VPC_CHAIN_PREFIX = "NETWORK_STATS_";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Host host;

    public UsageCounters(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /** A VPC router's counting chain for the public interface {@code device}. */
    public static String vpcChain(String device) {
        return VPC_CHAIN_PREFIX + requireNonNull(device, "device is null");
    }

    /** Creates {@code chain} in the filter table unless it exists; idempotent. */
    public void ensureChain(String chain) throws IOException {
        if (list(chain, false).succeeded()) {
            return;
        }
        ProgramResult created = host.run(ProgramCall.of("iptables", "-w", "-N", chain));
        // a converge may have created it meanwhile: only a chain that is still missing is a failure
        if (!created.succeeded() && !list(chain, false).succeeded()) {
            created.requireSuccess();
        }
    }

    /** The counters of {@code chain}; a missing chain fails the program run. */
    public ChainCounters read(String chain) throws IOException {
        return ChainCounters.parse(chain, list(chain, false).requireSuccess().stdout());
    }

    /** The counters of {@code chain} as they were just before this call zeroed them. */
    public ChainCounters readAndZero(String chain) throws IOException {
        return ChainCounters.parse(chain, list(chain, true).requireSuccess().stdout());
    }

    /**
     * The interface that holds {@code publicIp}.
     *
     * @throws InvalidParameterException ({@code public_ip}) when no interface of this router holds it
     */
    public String deviceOf(IpAddress publicIp) throws IOException {
        requireNonNull(publicIp, "publicIp is null");
        String json = host.run(ProgramCall.of("ip", "-j", "-4", "addr", "show")).requireSuccess().stdout();
        for (JsonNode link : json.isBlank() ? MAPPER.createArrayNode() : MAPPER.readTree(json)) {
            for (JsonNode address : link.path("addr_info")) {
                if (publicIp.value().equals(address.path("local").asText())) {
                    return link.path("ifname").asText();
                }
            }
        }
        throw new InvalidParameterException("public_ip", "is not an address of any interface of this router", publicIp);
    }

    private ProgramResult list(String chain, boolean zero) throws IOException {
        List<String> argv = new ArrayList<>(List.of("iptables", "-w", "-L", chain, "-n", "-v", "-x"));
        if (zero) {
            argv.add("-Z");
        }
        return host.run(ProgramCall.of(argv));
    }
}
