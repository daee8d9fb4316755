package org.vrouter.router.vpn;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.router.host.Host;
import org.vrouter.router.host.ProgramCall;

/**
 * The L2TP clients' PPP links, as pppd's link scripts record them ({@link L2tpRenderer#IP_UP}): one file per
 * interface in {@link #DIRECTORY} holding {@code <user> <pppd pid>}. Disconnecting a user ends the pppd of
 * each of its links, and only those: other users' sessions are untouched. A pid is signalled only while
 * {@code /proc/<pid>/comm} says {@code pppd}, so a stale record never hits another process.
 */
public final class PppSessions {
    /** Router directory of the link records. */
    public static final String DIRECTORY = "/run/vrouter/ppp-sessions";
    private static final Logger log = LoggerFactory.getLogger(PppSessions.class);
    private static final Pattern RECORD = Pattern.compile("(\\S+) (\\d{1,9})\\s*");
    private static final Pattern CHAP_LINE = Pattern.compile("\"([^\"]*)\" \\* \"([^\"]*)\" \\*");

    private final Host host;

    public PppSessions(Host host) {
        this.host = requireNonNull(host, "host is null");
    }

    /**
     * The users of a rendered {@code chap-secrets} with their passwords (the file this service wrote; other
     * lines are ignored). Never logged.
     */
    static Map<String, String> users(Optional<String> chapSecrets) {
        Map<String, String> users = new HashMap<>();
        chapSecrets.ifPresent(text -> text.lines().forEach(line -> {
            Matcher matcher = CHAP_LINE.matcher(line);
            if (matcher.matches()) {
                users.put(matcher.group(1), matcher.group(2));
            }
        }));
        return users;
    }

    /**
     * Ends the PPP links of {@code users} (SIGTERM to their pppd, which hangs up cleanly) and forgets them.
     *
     * @return the users that had a link
     */
    public List<String> disconnect(Set<String> users) throws IOException {
        List<String> disconnected = new ArrayList<>();
        if (users.isEmpty()) {
            return disconnected;
        }
        for (String link : host.list(DIRECTORY)) {
            String path = DIRECTORY + "/" + link;
            Matcher record = RECORD.matcher(host.readText(path).orElse(""));
            if (!record.matches() || !users.contains(record.group(1))) {
                continue;
            }
            String pid = record.group(2);
            if (host.run(ProgramCall.of("cat", "/proc/" + pid + "/comm")).stdout().strip().equals("pppd")) {
                host.run(ProgramCall.of("kill", "-TERM", pid));
                log.info("vpn: disconnected user {} ({} of pppd {})", record.group(1), link, pid);
                disconnected.add(record.group(1));
            }
            host.delete(path);
        }
        return disconnected;
    }
}
