package org.vrouter.router.monitor;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.router.converge.ServiceConverger;
import org.vrouter.router.converge.ServiceDrift;
import org.vrouter.router.converge.ServiceRendering;
import org.vrouter.router.converge.ServiceResult;
import org.vrouter.router.databag.BagKey;
import org.vrouter.router.databag.Databags;
import org.vrouter.router.host.FileDrift;
import org.vrouter.router.host.FileMode;
import org.vrouter.router.host.Host;

/**
 * The {@code monitor} service: the {@code monitorservice} bag ({@link MonitorInputs}) rendered to
 * CloudStack's monitor files ({@link MonitorRenderer}), each written when its bytes differ. Files only: cron
 * reads {@code /etc/cron.d/} by itself, and the check scripts ({@code monitorServices.py}, not part of
 * vrouter) read the others when they run. Until the bag holds settings there is nothing to render, and
 * nothing is written (not a skip: the service applies to every router).
 */
public final class MonitorService implements ServiceConverger {
    public static final String NAME = "monitor";

    private final Host host;

    public MonitorService(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<BagKey> inputs() {
        return Set.of(BagKey.MONITOR_SERVICE);
    }

    @Override
    public ServiceResult apply(Databags databags) throws IOException {
        MonitorInputs.Result mapped = MonitorInputs.from(databags);
        Optional<MonitorFiles> files = mapped.input().map(MonitorRenderer::render);
        if (files.isEmpty()) {
            return ServiceResult.unchanged(List.of());
        }
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.get().files().entrySet()) {
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (host.read(file.getKey()).filter(current -> Arrays.equals(current, content)).isEmpty()) {
                host.write(file.getKey(), content, FileMode.PUBLIC);
                written.add(file.getKey());
            }
        }
        List<String> warnings = warnings(mapped, files.get());
        return written.isEmpty() ? ServiceResult.unchanged(warnings) : ServiceResult.applied(String.join(", ", written) + " written", warnings);
    }

    @Override
    public ServiceResult repair(Databags databags) throws IOException {
        return apply(databags);
    }

    @Override
    public ServiceRendering render(Databags databags) {
        MonitorInputs.Result mapped = MonitorInputs.from(databags);
        return mapped.input().map(MonitorRenderer::render)
                .map(files -> ServiceRendering.rendered(NAME, String.join("; ", warnings(mapped, files)), files.files()))
                .orElseGet(() -> ServiceRendering.rendered(NAME, "", Map.of()));
    }

    @Override
    public ServiceDrift verify(Databags databags) throws IOException {
        Optional<MonitorFiles> files = MonitorInputs.from(databags).input().map(MonitorRenderer::render);
        if (files.isEmpty()) {
            return ServiceDrift.of(NAME, List.of());
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, String> file : files.get().files().entrySet()) {
            FileDrift.of(host, file.getKey(), file.getValue().getBytes(StandardCharsets.UTF_8)).ifPresent(differences::add);
        }
        return ServiceDrift.of(NAME, differences);
    }

    private static List<String> warnings(MonitorInputs.Result mapped, MonitorFiles files) {
        List<String> warnings = new ArrayList<>(mapped.warnings());
        warnings.addAll(files.warnings());
        return warnings;
    }
}
