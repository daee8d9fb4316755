package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes a bag file from its top-level members in {@link DatabagJson}'s text form. A caching instance
 * keeps the text of every entry it wrote, keyed by the entry object's identity: bags are immutable and a
 * merge shares the entries it leaves alone, so writing a bag of 10,000 entries after one changed renders
 * one entry and copies the rest. An entry seen for the first time is rendered, never assumed; the cache
 * holds only the entries of the last text written per bag.
 */
final class BagText {
    private static final int TOP = 2;
    private static final int ELEMENT = 4;
    private static final byte[] OPEN = bytes("{\n");
    private static final byte[] CLOSE = bytes("\n}");
    private static final byte[] SEPARATOR = bytes(",\n");
    private static final byte[] NEWLINE = bytes("\n");
    private static final byte[] EMPTY = new byte[0];

    /** One top-level member of a bag file; a later member of the same name replaces an earlier one. */
    record Member(String name, Value value) {
        Member {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** How a member's value is written. */
    sealed interface Value permits Tree, Entry, Entries {}

    /** A value written from its tree each time (small, one-off values). */
    record Tree(JsonNode node) implements Value {
        Tree {
            requireNonNull(node, "node is null");
        }
    }

    /** A value written from one immutable entry; its text is cached by the entry's identity. */
    record Entry(Object source, Supplier<JsonNode> tree) implements Value {
        Entry {
            requireNonNull(source, "source is null");
            requireNonNull(tree, "tree is null");
        }
    }

    /** An array of immutable entries, each element's text cached by the entry's identity. */
    record Entries<E>(List<E> sources, Function<E, JsonNode> tree) implements Value {
        Entries {
            sources = List.copyOf(sources);
            requireNonNull(tree, "tree is null");
        }
    }

    /** Cached text of one entry, written under a member name at an indentation. */
    private record Fragment(String member, int indent, byte[] text) {
        boolean fits(String name, int at) {
            return member.equals(name) && indent == at;
        }
    }

    private final boolean caching;
    private final Map<BagKey, Map<Object, Fragment>> fragments = new EnumMap<>(BagKey.class);

    /** @param caching whether to keep the entries' text between writes (a long-lived store) */
    BagText(boolean caching) {
        this.caching = caching;
    }

    /** The bytes of a bag file holding these members, keys sorted. */
    synchronized byte[] render(BagKey key, List<Member> members) {
        Member[] sorted = members.toArray(new Member[0]);
        // stable: of several members with one name, the last stays last and wins
        Arrays.sort(sorted, Comparator.comparing(Member::name));
        Map<Object, Fragment> previous = fragments.getOrDefault(key, Map.of());
        Map<Object, Fragment> next = new IdentityHashMap<>(caching ? previous.size() + 16 : 0);
        byte[][] texts = new byte[sorted.length][];
        int count = 0;
        int size = OPEN.length + CLOSE.length;
        for (int i = 0; i < sorted.length; i++) {
            if (i + 1 < sorted.length && sorted[i + 1].name().equals(sorted[i].name())) {
                continue;
            }
            texts[count] = member(sorted[i], previous, next);
            size += texts[count++].length + (count > 1 ? SEPARATOR.length : 0);
        }
        if (caching) {
            fragments.put(key, next);
        }
        if (count == 0) {
            return bytes("{}");
        }
        ByteBuffer out = ByteBuffer.allocate(size).put(OPEN);
        for (int i = 0; i < count; i++) {
            out.put(i == 0 ? EMPTY : SEPARATOR).put(texts[i]);
        }
        return out.put(CLOSE).array();
    }

    /** {@code   "name": value}, at the indentation of a top-level member. */
    private byte[] member(Member member, Map<Object, Fragment> previous, Map<Object, Fragment> next) {
        if (member.value() instanceof Entry entry) {
            return fragment(entry.source(), member.name(), TOP, () -> {
                StringBuilder text = head(member.name());
                DatabagJson.write(entry.tree().get(), TOP, text);
                return text;
            }, previous, next);
        }
        if (member.value() instanceof Entries<?> entries) {
            return elements(member.name(), entries, previous, next);
        }
        StringBuilder text = head(member.name());
        DatabagJson.write(((Tree) member.value()).node(), TOP, text);
        return bytes(text.toString());
    }

    private <E> byte[] elements(String name, Entries<E> entries, Map<Object, Fragment> previous, Map<Object, Fragment> next) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(head(name).toString()));
        if (entries.sources().isEmpty()) {
            out.writeBytes(bytes("[]"));
            return out.toByteArray();
        }
        out.writeBytes(bytes("[\n"));
        for (int i = 0; i < entries.sources().size(); i++) {
            E source = entries.sources().get(i);
            out.writeBytes(fragment(source, name, ELEMENT, () -> {
                StringBuilder text = new StringBuilder(256);
                DatabagJson.pad(ELEMENT, text);
                DatabagJson.write(entries.tree().apply(source), ELEMENT, text);
                return text;
            }, previous, next));
            out.writeBytes(i + 1 < entries.sources().size() ? SEPARATOR : NEWLINE);
        }
        out.writeBytes(bytes("  ]"));
        return out.toByteArray();
    }

    private static StringBuilder head(String name) {
        StringBuilder head = new StringBuilder(256);
        DatabagJson.pad(TOP, head);
        DatabagJson.quote(name, head);
        return head.append(": ");
    }

    private byte[] fragment(Object source, String name, int indent, Supplier<StringBuilder> text, Map<Object, Fragment> previous,
            Map<Object, Fragment> next) {
        Fragment fragment = previous.get(source);
        if (fragment == null || !fragment.fits(name, indent)) {
            fragment = next.get(source);
        }
        if (fragment == null || !fragment.fits(name, indent)) {
            fragment = new Fragment(name, indent, bytes(text.get().toString()));
        }
        if (caching) {
            next.put(source, fragment);
        }
        return fragment.text();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
