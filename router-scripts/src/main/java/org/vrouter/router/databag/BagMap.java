package org.vrouter.router.databag;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The unmodifiable sorted map a bag holds. Copying it ({@link #mutableCopy}) and comparing two of them
 * ({@link #equals}) cost no key comparisons, so a merge stays linear in the bag's size even when the
 * keys are expensive to compare (addresses).
 */
final class BagMap<K, V> extends AbstractMap<K, V> {
    private final TreeMap<K, V> map;
    private final Set<Map.Entry<K, V>> entries;

    /** Takes ownership of {@code map}: the caller must not change it afterwards. */
    BagMap(TreeMap<K, V> map) {
        this.map = map;
        this.entries = Collections.unmodifiableMap(map).entrySet();
    }

    /** A modifiable copy with the same order, built without comparing keys. */
    TreeMap<K, V> mutableCopy() {
        return new TreeMap<>(map);
    }

    boolean sameOrder(TreeMap<?, ?> other) {
        return Objects.equals(map.comparator(), other.comparator());
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return entries;
    }

    @Override
    public V get(Object key) {
        return map.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key);
    }

    @Override
    public int size() {
        return map.size();
    }

    /** Two bag maps in the same order are equal when their entries are, pairwise. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof BagMap<?, ?> that) || !sameOrder(that.map)) {
            return super.equals(other);
        }
        if (size() != that.size()) {
            return false;
        }
        Iterator<Map.Entry<K, V>> mine = map.entrySet().iterator();
        for (Map.Entry<?, ?> theirs : that.map.entrySet()) {
            if (!mine.next().equals(theirs)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
