package org.vrouter.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.wire.ConfigBatch;
import org.vrouter.commands.wire.ConfigItem;
import org.vrouter.commands.wire.FileConfigItem;
import org.vrouter.commands.wire.ScriptConfigItem;

/** Prints the demo's progress and findings as short, readable lines. */
final class DemoReport {
    private final PrintStream out;

    DemoReport(PrintStream out) {
        this.out = out;
    }

    void header(String backend, Path workDirectory) {
        out.println("vrouter demo: the router of one isolated guest network, from the commands a controller sends");
        out.println("to what travels on CloudStack's wire and what the router renders from it.");
        out.printf("  router %s  control %s  guest %s (gateway %s)  public %s, %s%n", SampleNetwork.ROUTER_NAME,
                SampleNetwork.CONTROL_IP, SampleNetwork.GUEST_CIDR, SampleNetwork.GUEST_IP,
                SampleNetwork.SOURCE_NAT_IP, SampleNetwork.STATIC_NAT_IP);
        out.printf("  VMs %s%n", String.join(", ", SampleNetwork.VMS.stream().map(vm -> vm.name() + " " + vm.ip()).toList()));
        out.printf("  backend %s; files under %s%n", backend, workDirectory);
        out.println();
        out.flush();
    }

    void step(int number, int total, String title) {
        out.printf("[%d/%d] %s%n", number, total, title);
        out.flush();
    }

    void command(NetworkElementCommand command, List<ConfigItem> items) {
        StringBuilder wire = new StringBuilder();
        for (ConfigItem item : items) {
            if (item instanceof FileConfigItem file) {
                wire.append(wire.length() == 0 ? "" : ", ").append(baseName(file.name())).append(" (").append(file.contents().length()).append(" B)");
            }
            else if (item instanceof ScriptConfigItem script && !script.script().equals(ScriptConfigItem.UPDATE_CONFIG)) {
                wire.append(wire.length() == 0 ? "" : ", ").append(script.script());
            }
        }
        out.printf("      %-30s -> %s%n", command.getClass().getSimpleName(), wire.length() == 0 ? "nothing to send" : wire);
        out.flush();
    }

    void batch(ConfigBatch batch, Path file) {
        long files = batch.items().stream().filter(FileConfigItem.class::isInstance).count();
        out.println();
        out.printf("Start batch: one %s for vr_cfg.sh -c: %d files, %d update_config.py calls, %d bytes%n",
                file.getFileName(), files, batch.items().size() - files, batch.render().length());
        out.printf("  written to %s%n", file);
    }

    void loadBalancerConfig(List<String> haproxyLines) {
        if (haproxyLines.isEmpty()) {
            return;
        }
        out.println();
        out.println("haproxy.cfg as rendered for the router (its listen sections):");
        boolean inListen = false;
        for (String text : String.join("\n", haproxyLines).split("\n")) {
            inListen = text.startsWith("listen") || (inListen && text.startsWith("\t"));
            if (inListen) {
                out.println("  " + text.replace("\t", "    "));
            }
        }
    }

    void footer(Path workDirectory) {
        out.println();
        out.printf("Done. Inspect the wire files under %s%n", workDirectory);
    }

    private static String baseName(String fileName) {
        int json = fileName.indexOf(".json");
        return json < 0 ? fileName : fileName.substring(0, json + 5);
    }
}
