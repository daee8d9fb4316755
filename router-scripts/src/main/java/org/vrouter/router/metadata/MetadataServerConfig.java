package org.vrouter.router.metadata;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;

/**
 * What the {@link MetadataServer} listens on: the file {@value MetadataPaths#SERVER_CONFIG}, written by the
 * converge ({@link MetadataServerService}) and re-read by the running server, one listener per line
 * ({@code metadata 10.1.1.1 80}, {@code password 10.1.1.1 8080}); {@code #} starts a comment.
 *
 * @param listeners sorted, each once
 */
public record MetadataServerConfig(List<Listener> listeners) {
    private static final String HEADER = "# vrouter metadata and password server: <metadata|password> <address> <port>\n";

    public MetadataServerConfig {
        listeners = List.copyOf(new TreeSet<>(requireNonNull(listeners, "listeners is null")));
    }

    /** Both services on every address, on their default ports. */
    public static MetadataServerConfig on(List<IpAddress> addresses) {
        List<Listener> listeners = new ArrayList<>();
        for (IpAddress address : addresses) {
            for (Listener.Kind kind : Listener.Kind.values()) {
                listeners.add(Listener.of(kind, address));
            }
        }
        return new MetadataServerConfig(listeners);
    }

    /**
     * Reads the file's text.
     *
     * @throws InvalidParameterException naming the line that is not a listener
     */
    public static MetadataServerConfig parse(String text) {
        List<Listener> listeners = new ArrayList<>();
        String[] lines = requireNonNull(text, "text is null").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] words = line.split("\\s+");
            String field = "line " + (i + 1);
            if (words.length != 3) {
                throw new InvalidParameterException(field, "expected '<metadata|password> <address> <port>'", line);
            }
            listeners.add(new Listener(kind(field, words[0]), IpAddress.parse(field, words[1]), port(field, words[2])));
        }
        return new MetadataServerConfig(listeners);
    }

    /** The file's text. */
    public String text() {
        StringBuilder text = new StringBuilder(HEADER);
        listeners.forEach(listener -> text.append(listener).append('\n'));
        return text.toString();
    }

    private static Listener.Kind kind(String field, String word) {
        try {
            return Listener.Kind.valueOf(word.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new InvalidParameterException(field, "unknown listener kind (metadata or password)", word);
        }
    }

    private static int port(String field, String word) {
        try {
            return Integer.parseInt(word);
        }
        catch (NumberFormatException e) {
            throw new InvalidParameterException(field, "not a port number", word);
        }
    }
}
