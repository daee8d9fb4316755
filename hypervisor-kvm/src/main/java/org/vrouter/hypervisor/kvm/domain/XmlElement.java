package org.vrouter.hypervisor.kvm.domain;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A small typed XML tree: element names and attribute names are fixed by our code and checked,
 * every value (attribute or text) is escaped when rendered, so a value can never become markup.
 * This is the only way domain XML is produced in this module: no string concatenation of values.
 *
 * <p>Mutable while built, not thread-safe; {@link #render()} is deterministic (attributes and
 * children in insertion order, two-space indentation, a final newline).
 */
public final class XmlElement {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlElement> children = new ArrayList<>();
    private Optional<String> text = Optional.empty();

    private XmlElement(String name) {
        this.name = requireName(name);
    }

    /** A new element named {@code name}. @throws IllegalArgumentException when the name is not an XML name */
    public static XmlElement of(String name) {
        return new XmlElement(name);
    }

    /** Sets attribute {@code name} to {@code value} (escaped on rendering). */
    public XmlElement attribute(String name, String value) {
        attributes.put(requireName(name), requireXmlChars(requireNonNull(value, "value is null")));
        return this;
    }

    /** Sets attribute {@code name} to the decimal form of {@code value}. */
    public XmlElement attribute(String name, long value) {
        return attribute(name, Long.toString(value));
    }

    /** Sets the text content (escaped on rendering); an element has text or children, not both. */
    public XmlElement text(String value) {
        if (!children.isEmpty()) {
            throw new IllegalStateException("<" + name + "> has children and cannot take text");
        }
        this.text = Optional.of(requireXmlChars(requireNonNull(value, "value is null")));
        return this;
    }

    /** Sets the text content to the decimal form of {@code value}. */
    public XmlElement text(long value) {
        return text(Long.toString(value));
    }

    /** Appends {@code child} and returns this element. */
    public XmlElement child(XmlElement child) {
        if (text.isPresent()) {
            throw new IllegalStateException("<" + name + "> has text and cannot take children");
        }
        children.add(requireNonNull(child, "child is null"));
        return this;
    }

    /** Appends a new child named {@code name} and returns the child. */
    public XmlElement add(String name) {
        XmlElement child = new XmlElement(name);
        child(child);
        return child;
    }

    /** Appends a new child named {@code name} with text {@code value} and returns this element. */
    public XmlElement add(String name, String value) {
        add(name).text(value);
        return this;
    }

    /** The element as an XML fragment (no declaration). */
    public String render() {
        StringBuilder out = new StringBuilder();
        render(out, 0);
        return out.toString();
    }

    private void render(StringBuilder out, int depth) {
        out.append("  ".repeat(depth)).append('<').append(name);
        attributes.forEach((key, value) -> out.append(' ').append(key).append("='").append(escape(value)).append('\''));
        if (text.isPresent()) {
            out.append('>').append(escape(text.get())).append("</").append(name).append(">\n");
        }
        else if (children.isEmpty()) {
            out.append("/>\n");
        }
        else {
            out.append(">\n");
            children.forEach(child -> child.render(out, depth + 1));
            out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        }
    }

    /** {@code value} with the five XML special characters as entities: safe in text and in either kind of quoted attribute. */
    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&apos;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String requireName(String name) {
        requireNonNull(name, "name is null");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an XML name: '" + name + "'");
        }
        return name;
    }

    /** Rejects characters XML 1.0 cannot carry at all (most control characters), which no escaping can save. */
    private static String requireXmlChars(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException("character U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " cannot appear in XML: '"
                        + value.replaceAll("\\p{Cntrl}", "?") + "'");
            }
        }
        return value;
    }

    @Override
    public String toString() {
        return render();
    }
}
