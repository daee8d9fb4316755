package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which file of the requesting VM a metadata URL names: CloudStack's {@code /var/www/html/latest/.htaccess}
 * rewrites (router-side §8), with the VM chosen by the server from the source address, never from the URL.
 *
 * <ul>
 *   <li>{@code /latest/meta-data/} (and {@code /latest/meta-data}): the VM's {@code meta-data} index;</li>
 *   <li>{@code /latest/meta-data/<name>}: {@code metadata/<vm>/<name>};</li>
 *   <li>{@code /latest/<name>}: {@code userdata/<vm>/<name>}, else {@code metadata/<vm>/<name>} (CloudStack
 *       adds a {@code ^<name>$} rule for every file it writes, user data and metadata alike), so
 *       {@code /latest/user-data} is the user data and {@code /latest/instance-id} works too.</li>
 * </ul>
 * The words {@code latest}, {@code meta-data} and {@code user-data} match in any case (the rules' NC flag);
 * the query string is ignored. Anything else names nothing: a name that is not a plain file name (the
 * wire's rule: letters, digits, {@code . _ -}, no {@code ..}), any percent-escape or backslash, deeper
 * paths. So no request reaches outside the VM's own two directories.
 */
final class MetadataRequest {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final String USER_DATA = "user-data";

    /** The folders to look in, in order, and the file name. */
    record Lookup(List<String> folders, String name) {
        Lookup {
            folders = List.copyOf(requireNonNull(folders, "folders is null"));
            requireNonNull(name, "name is null");
        }
    }

    private MetadataRequest() {}

    /** The file a raw request path (not decoded, without the query) names, or empty for none. */
    static Optional<Lookup> parse(String rawPath) {
        if (rawPath == null || rawPath.indexOf('%') >= 0 || rawPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        String[] segments = rawPath.split("/", -1);
        if (segments.length < 3 || !segments[0].isEmpty() || !segments[1].equalsIgnoreCase("latest")) {
            return Optional.empty();
        }
        boolean metaData = segments[2].equalsIgnoreCase(MetadataPaths.MANIFEST);
        if (segments.length == 3) {
            if (metaData) {
                return index();
            }
            String name = segments[2].equalsIgnoreCase(USER_DATA) ? USER_DATA : segments[2];
            return named(List.of(MetadataPaths.USERDATA, MetadataPaths.METADATA), name);
        }
        if (segments.length == 4 && metaData) {
            return segments[3].isEmpty() ? index() : named(List.of(MetadataPaths.METADATA), segments[3]);
        }
        return Optional.empty();
    }

    private static Optional<Lookup> index() {
        return Optional.of(new Lookup(List.of(MetadataPaths.METADATA), MetadataPaths.MANIFEST));
    }

    private static Optional<Lookup> named(List<String> folders, String name) {
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            return Optional.empty();
        }
        return Optional.of(new Lookup(folders, name));
    }
}
