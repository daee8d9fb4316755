package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one service would get from the databags, for {@code vrouter render}: the files it would write
 * (router path to content, in write order), or why it renders nothing. Nothing is applied to produce it.
 *
 * @param detail why the service was skipped or could not render; notes (rules left out) otherwise
 * @param files empty unless {@link State#RENDERED}
 */
public record ServiceRendering(String service, State state, String detail, Map<String, String> files) {
    /** Whether the service rendered. */
    public enum State {
        RENDERED,
        /** The service does not apply to this router. */
        SKIPPED,
        /** The databags do not make a valid input for it (the detail names the field). */
        FAILED
    }

    public ServiceRendering {
        requireNonNull(service, "service is null");
        requireNonNull(state, "state is null");
        requireNonNull(detail, "detail is null");
        files = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(files, "files is null")));
        if (state != State.RENDERED && !files.isEmpty()) {
            throw new IllegalArgumentException("a " + state + " rendering has no files");
        }
    }

    public static ServiceRendering rendered(String service, String notes, Map<String, String> files) {
        return new ServiceRendering(service, State.RENDERED, notes, files);
    }

    public static ServiceRendering skipped(String service, String reason) {
        return new ServiceRendering(service, State.SKIPPED, reason, Map.of());
    }

    public static ServiceRendering failed(String service, String reason) {
        return new ServiceRendering(service, State.FAILED, reason, Map.of());
    }
}
