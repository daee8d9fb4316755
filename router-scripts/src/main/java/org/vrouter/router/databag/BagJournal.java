package org.vrouter.router.databag;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The journal beside a bag file ({@link BagKey#journalPath()}): the changes recorded since the file was
 * last written whole, one compact JSON object per line.
 *
 * <pre>
 * {"base":"sha256:3f5a…"}
 * {"set":{"10.1.1.5":{…}},"remove":["10.1.1.9"]}
 * </pre>
 *
 * The first line names the bag file the records apply to: the SHA-256 of its bytes ({@code "none"} when
 * there was no file). Each record sets top-level members to their absolute new values and removes members
 * by name; replaying the records in order on that file's members gives the bag.
 *
 * <p>Crash safety. A whole write (or a compaction) writes the file first and deletes the journal after,
 * so a crash in between leaves a journal beside a file that already holds everything. Records hold
 * absolute values, so replaying them on the compaction of their own journal is idempotent: each member is
 * set to the value it already has. That is not enough after a whole write of a newer state: a record could
 * set a member back to an older value. Hence the base: a journal whose base is not the file on disk began
 * on an earlier file, is stale, and is ignored.
 */
final class BagJournal {
    /** Records at most; the next change writes the bag file whole. */
    static final int MAX_RECORDS = 1_000;
    /** A journal may always grow to this size, however small its bag. */
    static final int MIN_LIMIT_BYTES = 64 * 1024;

    /** One record: members set to a new value (in the order found) and members removed. */
    record Change(Map<String, JsonNode> set, List<String> remove) {
        Change {
            set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
            remove = List.copyOf(remove);
        }

        boolean isEmpty() {
            return set.isEmpty() && remove.isEmpty();
        }
    }

    /** A journal as read: the bag file it applies to and its records, oldest first. */
    record Contents(String base, List<Change> records) {
        Contents {
            requireNonNull(base, "base is null");
            records = List.copyOf(records);
        }
    }

    private static final String NO_FILE = "none";
    private static final HexFormat HEX = HexFormat.of();

    private final DatabagJson json;

    BagJournal(DatabagJson json) {
        this.json = requireNonNull(json, "json is null");
    }

    /** The journal's size limit for a bag file of {@code fileSize} bytes: an eighth of it, at least 64 KiB. */
    static long limit(long fileSize) {
        return Math.max(MIN_LIMIT_BYTES, fileSize / 8);
    }

    /** The base naming a bag file's bytes, or no file. */
    static String base(Optional<byte[]> file) {
        if (file.isEmpty()) {
            return NO_FILE;
        }
        try {
            return "sha256:" + HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(file.get()));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** The first line of a journal over the bag file with that base. */
    byte[] header(String base) {
        ObjectNode header = json.object();
        header.put("base", base);
        return line(header);
    }

    /** One record's line. */
    byte[] line(Change change) {
        ObjectNode record = json.object();
        ObjectNode set = record.putObject("set");
        change.set().forEach(set::set);
        ArrayNode remove = record.putArray("remove");
        change.remove().forEach(remove::add);
        return line(record);
    }

    private byte[] line(ObjectNode node) {
        return (json.compact(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Journal bytes with one more line. */
    static byte[] append(byte[] journal, byte[] line) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(journal.length + line.length);
        out.writeBytes(journal);
        out.writeBytes(line);
        return out.toByteArray();
    }

    /**
     * Reads a journal.
     *
     * @throws IllegalArgumentException naming the line, when it is not one this class writes
     */
    Contents parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        ObjectNode header = object(lines[0], 1);
        JsonNode base = header.get("base");
        if (header.size() != 1 || base == null || !base.isTextual()) {
            throw new IllegalArgumentException("line 1: expected {\"base\": \"...\"}");
        }
        List<Change> records = new ArrayList<>(lines.length - 1);
        for (int i = 1; i < lines.length; i++) {
            records.add(change(object(lines[i], i + 1), i + 1));
        }
        return new Contents(base.textValue(), records);
    }

    private ObjectNode object(String line, int number) {
        try {
            return json.parseObject(line);
        }
        catch (JsonProcessingException e) {
            // the parser's message quotes the content, which may be a password
            throw new IllegalArgumentException("line " + number + ": malformed JSON at column " + e.getLocation().getColumnNr(), e);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("line " + number + ": not a JSON object", e);
        }
    }

    private static Change change(ObjectNode record, int number) {
        JsonNode set = record.get("set");
        JsonNode remove = record.get("remove");
        if (record.size() != 2 || set == null || !set.isObject() || remove == null || !remove.isArray()) {
            throw new IllegalArgumentException("line " + number + ": expected {\"set\": {...}, \"remove\": [...]}");
        }
        Map<String, JsonNode> values = new LinkedHashMap<>();
        set.properties().forEach(member -> values.put(requireMember(member.getKey(), number), member.getValue()));
        List<String> names = new ArrayList<>();
        for (JsonNode name : remove) {
            if (!name.isTextual()) {
                throw new IllegalArgumentException("line " + number + ": remove: not a list of member names");
            }
            names.add(requireMember(name.textValue(), number));
        }
        return new Change(values, names);
    }

    private static String requireMember(String name, int number) {
        if (name.equals("id")) {
            throw new IllegalArgumentException("line " + number + ": a record cannot change the bag's id");
        }
        return name;
    }

    /** Replays records, oldest first, on a bag file's top-level members. */
    static void apply(List<Change> records, ObjectNode root) {
        for (Change change : records) {
            change.set().forEach(root::set);
            change.remove().forEach(root::remove);
        }
    }

    /**
     * The change from one bag's members to another's: a member is set when its value is not the same
     * objects as before (identity, as {@link BagText} caches by; an equal copy is only set needlessly), and
     * removed when it is gone. Both lists are in their bag's order, so the members they share at the start
     * and at the end are compared in step and only the rest goes through a map; only the members set are
     * rendered.
     */
    static Change delta(List<BagText.Member> before, List<BagText.Member> after) {
        BitSet changed = new BitSet(after.size());
        int start = 0;
        while (start < before.size() && start < after.size() && before.get(start).name().equals(after.get(start).name())) {
            changed.set(start, !same(before.get(start).value(), after.get(start).value()));
            start++;
        }
        int endBefore = before.size();
        int endAfter = after.size();
        while (endBefore > start && endAfter > start && before.get(endBefore - 1).name().equals(after.get(endAfter - 1).name())) {
            changed.set(endAfter - 1, !same(before.get(endBefore - 1).value(), after.get(endAfter - 1).value()));
            endBefore--;
            endAfter--;
        }
        Map<String, BagText.Value> previous = new HashMap<>((endBefore - start) * 4 / 3 + 1);
        before.subList(start, endBefore).forEach(member -> previous.put(member.name(), member.value()));
        for (int i = start; i < endAfter; i++) {
            BagText.Value old = previous.remove(after.get(i).name());
            changed.set(i, old == null || !same(old, after.get(i).value()));
        }
        Map<String, JsonNode> set = new LinkedHashMap<>();
        changed.stream().forEach(i -> set.put(after.get(i).name(), tree(after.get(i).value())));
        List<String> removed = before.subList(start, endBefore).stream().map(BagText.Member::name).filter(previous::containsKey).toList();
        return new Change(set, removed);
    }

    private static boolean same(BagText.Value before, BagText.Value after) {
        if (before instanceof BagText.Entry old && after instanceof BagText.Entry now) {
            return old.source() == now.source();
        }
        if (before instanceof BagText.Entries<?> old && after instanceof BagText.Entries<?> now) {
            if (old.sources().size() != now.sources().size()) {
                return false;
            }
            for (int i = 0; i < old.sources().size(); i++) {
                if (old.sources().get(i) != now.sources().get(i)) {
                    return false;
                }
            }
            return true;
        }
        return before instanceof BagText.Tree old && after instanceof BagText.Tree now && old.node().equals(now.node());
    }

    private static JsonNode tree(BagText.Value value) {
        if (value instanceof BagText.Entry entry) {
            return entry.tree().get();
        }
        if (value instanceof BagText.Entries<?> entries) {
            return array(entries);
        }
        return ((BagText.Tree) value).node();
    }

    private static <E> ArrayNode array(BagText.Entries<E> entries) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode(entries.sources().size());
        entries.sources().forEach(source -> array.add(entries.tree().apply(source)));
        return array;
    }
}
