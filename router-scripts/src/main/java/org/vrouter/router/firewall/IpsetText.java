package org.vrouter.router.firewall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.api.net.Cidr;

/**
 * The {@code ipset save}/{@code ipset restore} text of the router's sets: the persisted file, the
 * update payload (fill a temporary set, swap it in) and the destroy payload; and reading
 * {@code ipset save} back. Every payload line remembers the set it is about.
 */
final class IpsetText {
    /** A payload: its lines and, per line, the set it concerns. */
    record Payload(List<String> lines, List<String> sets) {
        String text() {
            StringBuilder out = new StringBuilder();
            lines.forEach(line -> out.append(line).append('\n'));
            return out.toString();
        }

        boolean isEmpty() {
            return lines.isEmpty();
        }

        Optional<String> setAt(int number) {
            return number >= 1 && number <= sets.size() ? Optional.of(sets.get(number - 1)) : Optional.empty();
        }
    }

    private IpsetText() {}

    /** The sets in {@code ipset restore} format, for {@code /etc/iptables/ipsets}: create and add lines. */
    static String render(Collection<Ipset> sets) {
        StringBuilder out = new StringBuilder();
        for (Ipset set : sets) {
            out.append("create ").append(set.name()).append(' ').append(set.createOptions()).append('\n');
            for (Cidr entry : set.entries()) {
                out.append("add ").append(set.name()).append(' ').append(Ipset.entryText(entry)).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * Fills each set into a temporary set and swaps it in, so no rule ever sees a half-filled set;
     * the target is created first if it does not exist.
     */
    static Payload update(List<Ipset> sets) {
        List<String> lines = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        int index = 0;
        for (Ipset set : sets) {
            String temporary = Ipset.TEMPORARY_PREFIX + index++;
            String options = set.createOptions();
            add(lines, owners, set, "destroy " + temporary + " -exist");
            add(lines, owners, set, "create " + temporary + " " + options);
            for (Cidr entry : set.entries()) {
                add(lines, owners, set, "add " + temporary + " " + Ipset.entryText(entry));
            }
            add(lines, owners, set, "create " + set.name() + " " + options + " -exist");
            add(lines, owners, set, "swap " + temporary + " " + set.name());
            add(lines, owners, set, "destroy " + temporary);
        }
        return new Payload(List.copyOf(lines), List.copyOf(owners));
    }

    private static void add(List<String> lines, List<String> owners, Ipset set, String line) {
        lines.add(line);
        owners.add(set.name());
    }

    /** Destroys sets (which must no longer be referenced by any rule). */
    static Payload destroy(List<String> names) {
        List<String> lines = new ArrayList<>();
        for (String name : names) {
            lines.add("destroy " + name + " -exist");
        }
        return new Payload(List.copyOf(lines), List.copyOf(names));
    }

    /**
     * Reads {@code ipset save} output (or a persisted file). Sets of other types (hash:ip,port...)
     * are not the router's and are left out.
     *
     * @throws IllegalArgumentException naming the line that is not ipset save syntax
     */
    static Map<String, Ipset> parse(String text) {
        Map<String, Ipset.Family> families = new LinkedHashMap<>();
        Map<String, IpsetType> types = new LinkedHashMap<>();
        Map<String, List<Cidr>> entries = new LinkedHashMap<>();
        String[] lines = text.split("\n");
        for (int index = 0; index < lines.length; index++) {
            String[] words = lines[index].strip().split("\\s+");
            if (words.length < 2 || words[0].startsWith("#")) {
                continue;
            }
            if (words[0].equals("create") && words.length >= 3) {
                Optional<IpsetType> type = IpsetType.fromIpsetName(words[2]);
                if (type.isPresent() && !words[1].startsWith(Ipset.TEMPORARY_PREFIX)) {
                    types.put(words[1], type.get());
                    families.put(words[1], family(words));
                    entries.put(words[1], new ArrayList<>());
                }
            }
            else if (words[0].equals("add") && words.length >= 3) {
                List<Cidr> members = entries.get(words[1]);
                if (members != null) {
                    members.add(entry(words[2], index + 1));
                }
            }
            else {
                throw new IllegalArgumentException("ipset save line " + (index + 1) + " is not 'create' or 'add': " + lines[index]);
            }
        }
        Map<String, Ipset> sets = new LinkedHashMap<>();
        for (Map.Entry<String, IpsetType> set : types.entrySet()) {
            String name = set.getKey();
            sets.put(name, new Ipset(name, set.getValue(), families.get(name), entries.get(name)));
        }
        return sets;
    }

    private static Ipset.Family family(String[] words) {
        for (int i = 3; i + 1 < words.length; i++) {
            if (words[i].equals("family")) {
                return words[i + 1].equals("inet6") ? Ipset.Family.INET6 : Ipset.Family.INET;
            }
        }
        return Ipset.Family.INET;
    }

    private static Cidr entry(String text, int line) {
        String cidr = text.contains("/") ? text : text + (text.contains(":") ? "/128" : "/32");
        return Cidr.parse("ipset save line " + line, cidr);
    }
}
