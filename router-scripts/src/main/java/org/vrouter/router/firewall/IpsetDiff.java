package org.vrouter.router.firewall;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Which sets differ between two states: added, removed and changed (type or entries), names sorted. */
public record IpsetDiff(List<String> added, List<String> removed, List<String> changed) {
    public IpsetDiff {
        added = List.copyOf(requireNonNull(added, "added is null"));
        removed = List.copyOf(requireNonNull(removed, "removed is null"));
        changed = List.copyOf(requireNonNull(changed, "changed is null"));
    }

    /** What turns {@code from} into {@code to}, both keyed by set name. */
    public static IpsetDiff between(Map<String, Ipset> from, Map<String, Ipset> to) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        for (Ipset set : to.values()) {
            Ipset old = from.get(set.name());
            if (old == null) {
                added.add(set.name());
            }
            else if (!old.equals(set)) {
                changed.add(set.name());
            }
        }
        for (String name : from.keySet()) {
            if (!to.containsKey(name)) {
                removed.add(name);
            }
        }
        added.sort(null);
        changed.sort(null);
        removed.sort(null);
        return new IpsetDiff(added, removed, changed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    @Override
    public String toString() {
        if (isEmpty()) {
            return "no difference";
        }
        StringBuilder text = new StringBuilder("ipsets:");
        added.forEach(name -> text.append(" +").append(name));
        removed.forEach(name -> text.append(" -").append(name));
        changed.forEach(name -> text.append(" ~").append(name));
        return text.toString();
    }
}
