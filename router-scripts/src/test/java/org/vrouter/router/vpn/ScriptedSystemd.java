package org.vrouter.router.vpn;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.vrouter.router.host.ProgramCall;
import org.vrouter.router.host.ProgramResult;

/** systemctl as far as the VPN service uses it, for a scripted host: units are active once started, inactive once stopped. */
final class ScriptedSystemd {
    private final Set<String> active = new HashSet<>();

    ProgramResult answer(ProgramCall call) {
        List<String> argv = call.argv();
        if (argv.get(0).equals("systemctl")) {
            String unit = argv.get(argv.size() - 1);
            switch (argv.get(1)) {
                case "start", "restart" -> active.add(unit);
                case "stop" -> active.remove(unit);
                case "is-active" -> {
                    return new ProgramResult(argv, active.contains(unit) ? 0 : 3, "", "");
                }
                default -> { }
            }
        }
        return ProgramResult.success(argv);
    }

    boolean isActive(String unit) {
        return active.contains(unit);
    }
}
