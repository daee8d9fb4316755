package org.vrouter.router.daemon;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One request to {@code vrouterd}, as one line of text:
 * <pre>
 * VERB [--root DIR] [--defer-config] -- [ARG...]
 * </pre>
 * Words are separated by single spaces; no word is empty or holds a control character. {@code VERB} is
 * {@code update-config} (the arguments of {@code update_config.py}: {@code FILE [false]}), {@code vr-cfg}
 * (those of {@code vr_cfg.sh}: {@code -c FILE}), {@code redundancy-state} (those of {@code vrouter
 * redundancy-state}, which keepalived's notify hook sends: {@code PRIMARY|BACKUP|FAULT [--stopping]}) or
 * {@code ping} (no {@code --}, no arguments).
 * {@code --root} names the router (an absolute directory; the daemon's first router when absent),
 * {@code --defer-config} stands for {@code DEFER_CONFIG} in the client's environment (update-config
 * only). {@code --} ends the options and is required before the arguments, so an argument is never
 * taken for an option.
 *
 * @param verb what to run
 * @param root the router's root directory, when the request names one
 * @param deferConfig whether DHCP and metadata converges are deferred
 * @param args the entry point's arguments, in order
 */
public record DaemonRequest(Verb verb, Optional<Path> root, boolean deferConfig, List<String> args) {
    /** Longest request line accepted, in bytes, line end included. */
    public static final int MAX_LINE_BYTES = 8192;

    /** What a request asks for. */
    public enum Verb {
        /** {@code update_config.py FILE [false]}. */
        UPDATE_CONFIG("update-config"),
        /** {@code vr_cfg.sh -c FILE}. */
        VR_CFG("vr-cfg"),
        /** keepalived's notify hook: {@code PRIMARY|BACKUP|FAULT [--stopping]}, one VRRP transition. */
        REDUNDANCY_STATE("redundancy-state"),
        /** Whether the daemon serves: always status 0, nothing on stderr. */
        PING("ping");

        private final String word;

        Verb(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        static Optional<Verb> of(String word) {
            return Arrays.stream(values()).filter(verb -> verb.word.equals(word)).findFirst();
        }
    }

    public DaemonRequest {
        requireNonNull(verb, "verb is null");
        requireNonNull(root, "root is null");
        args = List.copyOf(args);
        root.ifPresent(directory -> requireWord("root", directory.toString()));
        args.forEach(arg -> requireWord("args", arg));
        if (verb == Verb.PING && (root.isPresent() || deferConfig || !args.isEmpty())) {
            throw new IllegalArgumentException("a ping has no root, flag or arguments");
        }
    }

    /** A word of a request line: not empty, no space, no control character. */
    private static void requireWord(String field, String word) {
        if (word.isEmpty() || word.chars().anyMatch(c -> c == ' ' || Character.isISOControl(c))) {
            throw new IllegalArgumentException(field + ": not a request word (empty, or a space or control character): '" + word + "'");
        }
    }

    /**
     * Reads a request line (without its line end).
     *
     * @throws MalformedRequestException when it does not follow the grammar of the class comment
     */
    public static DaemonRequest parse(String line) throws MalformedRequestException {
        if (line.isEmpty()) {
            throw new MalformedRequestException("empty request");
        }
        for (int i = 0; i < line.length(); i++) {
            if (Character.isISOControl(line.charAt(i))) {
                throw new MalformedRequestException("control character in the request at offset " + i);
            }
        }
        List<String> words = List.of(line.split(" ", -1));
        if (words.contains("")) {
            throw new MalformedRequestException("words must be separated by single spaces");
        }
        Verb verb = Verb.of(words.get(0)).orElseThrow(() -> new MalformedRequestException("unknown request '" + words.get(0)
                + "' (expected update-config, vr-cfg, redundancy-state or ping)"));
        if (verb == Verb.PING) {
            if (words.size() > 1) {
                throw new MalformedRequestException("ping takes no arguments");
            }
            return new DaemonRequest(verb, Optional.empty(), false, List.of());
        }
        return options(verb, words.subList(1, words.size()));
    }

    private static DaemonRequest options(Verb verb, List<String> words) throws MalformedRequestException {
        Optional<Path> root = Optional.empty();
        boolean defer = false;
        int i = 0;
        for (; i < words.size() && !words.get(i).equals("--"); i++) {
            String word = words.get(i);
            if (word.equals("--root") && i + 1 < words.size() && root.isEmpty()) {
                root = Optional.of(root(words.get(++i)));
            }
            else if (word.equals("--defer-config") && verb == Verb.UPDATE_CONFIG && !defer) {
                defer = true;
            }
            else {
                throw new MalformedRequestException("unexpected '" + word + "' before -- in a " + verb.word() + " request");
            }
        }
        if (i == words.size()) {
            throw new MalformedRequestException("a " + verb.word() + " request needs -- before its arguments");
        }
        return new DaemonRequest(verb, root, defer, new ArrayList<>(words.subList(i + 1, words.size())));
    }

    private static Path root(String word) throws MalformedRequestException {
        try {
            Path root = Path.of(word);
            if (!root.isAbsolute()) {
                throw new MalformedRequestException("--root must be an absolute directory: " + word);
            }
            return root.normalize();
        }
        catch (InvalidPathException e) {
            throw new MalformedRequestException("--root is not a path: " + word);
        }
    }

    /** The request as its line (without the line end). */
    public String line() {
        if (verb == Verb.PING) {
            return verb.word();
        }
        StringBuilder line = new StringBuilder(verb.word());
        root.ifPresent(directory -> line.append(" --root ").append(directory));
        if (deferConfig) {
            line.append(" --defer-config");
        }
        line.append(" --");
        args.forEach(arg -> line.append(' ').append(arg));
        return line.toString();
    }
}
