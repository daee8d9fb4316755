package org.vrouter.commands.wire;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.Payload;

/**
 * Generates the command table of {@code docs/wire-format.md} from {@link CommandCodec#mappings()} and
 * the payload records: for each command what it becomes on the router, and for each file type its
 * name, JSON type, databag and wire field names. Field names come from the records' {@code @JsonProperty}
 * annotations, nested elements as {@code list[].field}, so the table cannot disagree with the codec.
 */
final class WireFormatTable {
    /** The {@code ConfigBase} fields every payload ends with; the page describes them once. */
    private static final Set<String> COMMON_FIELDS = Set.of("type", "delete_from_processed_cache");

    private WireFormatTable() {}

    /** The generated markdown, without the surrounding markers; ends without a newline. */
    static String render() {
        List<String> lines = new ArrayList<>();
        lines.add("| Command | On the router | File (in `/var/cache/cloud/`) | JSON `type` | Databag | Fields | Notes |");
        lines.add("|---|---|---|---|---|---|---|");
        Set<DatabagType> produced = new LinkedHashSet<>();
        for (CommandMapping<?> mapping : CommandCodec.mappings()) {
            String command = code(mapping.commandClass().getSimpleName());
            if (mapping.kind() == CommandMapping.Kind.PAYLOADS) {
                for (DatabagType type : mapping.produces()) {
                    produced.add(type);
                    lines.add(row(command, steps(mapping), typeColumns(type, code(type.fileName() + ".<uuid>")), mapping.note()));
                }
            }
            else {
                lines.add(row(command, steps(mapping), "— | — | — | —", mapping.note()));
            }
        }
        lines.add("");
        lines.add("File types the payload codec reads and writes that no command above produces (the router builds `cmd_line.json` "
                + "from the boot arguments; the others belong to CloudStack commands vrouter does not model yet):");
        lines.add("");
        lines.add("| File (in `/var/cache/cloud/`; `.<uuid>` added when sent) | JSON `type` | Databag | Fields |");
        lines.add("|---|---|---|---|");
        for (DatabagType type : DatabagType.values()) {
            if (!produced.contains(type)) {
                lines.add("| " + typeColumns(type, code(type.fileName())) + " |");
            }
        }
        return String.join("\n", lines);
    }

    private static String row(String command, String steps, String typeColumns, String note) {
        // a pipe ends a table cell even inside a code span unless escaped
        return "| " + command + " | " + steps + " | " + typeColumns + " | " + note.replace("|", "\\|") + " |";
    }

    private static String steps(CommandMapping<?> mapping) {
        return switch (mapping.kind()) {
            case PAYLOADS -> "file, " + code(ScriptConfigItem.UPDATE_CONFIG)
                    + mapping.scripts().stream().map(script -> ", " + code(script)).collect(Collectors.joining());
            case NOTHING -> "nothing";
            case QUERY -> "query: " + mapping.scripts().stream().map(WireFormatTable::code).collect(Collectors.joining(", "));
            case RESOURCE -> "refused (resource's own)";
        };
    }

    private static String typeColumns(DatabagType type, String fileName) {
        String file = fileName + (type.isVrouterExtension() ? " (vrouter only)" : "");
        String bag = type.databagKey().map(WireFormatTable::code).orElse("— (not saved)");
        String fields = fieldNames(type.payloadClass()).stream().map(WireFormatTable::code).collect(Collectors.joining(", "));
        return file + " | " + code(type.jsonType()) + " | " + bag + " | " + fields;
    }

    /** The wire names of a payload's own fields in write order, nested elements as {@code list[].field}. */
    static List<String> fieldNames(Class<? extends Payload> payload) {
        List<String> names = new ArrayList<>();
        for (String name : structureFields(payload, "")) {
            if (!COMMON_FIELDS.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<String> structureFields(Class<?> type, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        if (type.isSealed() && type.isInterface()) {
            jsonName(type, "type").ifPresent(name -> names.add(prefix + name));
            for (Class<?> subtype : type.getPermittedSubclasses()) {
                names.addAll(structureFields(subtype, prefix));
            }
            return List.copyOf(names);
        }
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            if (property != null) {
                names.addAll(valueFields(component.getGenericType(), prefix + property.value()));
            }
        }
        return List.copyOf(names);
    }

    /** A value's names: itself for a leaf (text, number, map), its fields for a nested structure. */
    private static List<String> valueFields(Type type, String name) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type argument = parameterized.getActualTypeArguments()[0];
            if (raw == Optional.class) {
                return valueFields(argument, name);
            }
            if (raw == List.class) {
                return valueFields(argument, name + "[]");
            }
            if (Map.class.isAssignableFrom(raw)) {
                return List.of(name);
            }
        }
        if (type instanceof Class<?> value && isStructure(value)) {
            return structureFields(value, name + ".");
        }
        return List.of(name);
    }

    /** A nested JSON object: a payload-package record with annotated fields, or a sealed family of them. */
    private static boolean isStructure(Class<?> type) {
        if (!type.getPackageName().equals(Payload.class.getPackageName())) {
            return false;
        }
        if (type.isSealed() && type.isInterface()) {
            return true;
        }
        return type.isRecord() && Arrays.stream(type.getRecordComponents())
                .anyMatch(component -> component.getAccessor().isAnnotationPresent(JsonProperty.class));
    }

    private static Optional<String> jsonName(Class<?> type, String method) {
        try {
            Method accessor = type.getMethod(method);
            return Optional.ofNullable(accessor.getAnnotation(JsonProperty.class)).map(JsonProperty::value);
        }
        catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}
