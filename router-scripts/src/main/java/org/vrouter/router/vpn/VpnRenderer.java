package org.vrouter.router.vpn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Renders a {@link VpnInput} to every VPN file: the swanctl files ({@link SwanctlRenderer}) and, with a
 * remote-access server, the xl2tpd and pppd files ({@link L2tpRenderer}). Nothing at all for an empty input.
 * Pure and deterministic.
 */
public final class VpnRenderer {
    private VpnRenderer() {}

    /** @param pppOptionsPath the real path of {@link L2tpRenderer#PPP_OPTIONS}, written into xl2tpd's configuration */
    public static VpnFiles render(VpnInput input, String pppOptionsPath) {
        Map<String, String> files = new LinkedHashMap<>();
        Set<String> secrets = new TreeSet<>();
        if (!input.isEmpty()) {
            SwanctlRenderer.render(input, files, secrets);
            L2tpRenderer.render(input, pppOptionsPath, files, secrets);
        }
        return new VpnFiles(files, secrets);
    }
}
