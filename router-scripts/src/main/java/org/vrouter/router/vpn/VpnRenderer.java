package org.vrouter.router.vpn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Renders a {@link VpnInput} to every VPN file: the swanctl files ({@link SwanctlRenderer}) and, with a
 * remote-access server, the xl2tpd and pppd files ({@link L2tpRenderer}). Nothing at all for an empty input.
 * Pure and deterministic.
 */
public final class VpnRenderer {
    private VpnRenderer() {}

    /**
     * The rendering of a router that serves the VPN ({@link VpnRole#ACTIVE}).
     *
     * @param realPath the real path of a router path (the host's {@code resolve}): xl2tpd and pppd are given
     *     the paths of the files they read and the scripts they run
     */
    public static VpnFiles render(VpnInput input, UnaryOperator<String> realPath) {
        return render(input, VpnRole.ACTIVE, realPath);
    }

    /**
     * @param role whether the router serves the VPN now: a {@link VpnRole#STANDBY} rendering loads the same
     *     connections without a start action
     * @param realPath as {@link #render(VpnInput, UnaryOperator)}
     */
    public static VpnFiles render(VpnInput input, VpnRole role, UnaryOperator<String> realPath) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        Set<String> scripts = new TreeSet<>();
        if (!input.isEmpty()) {
            SwanctlRenderer.render(input, role, files, secrets);
            L2tpRenderer.render(input, realPath, files, secrets, scripts);
        }
        return new VpnFiles(files, secrets, scripts);
    }
}
