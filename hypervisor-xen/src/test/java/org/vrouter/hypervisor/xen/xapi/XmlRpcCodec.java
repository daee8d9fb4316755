package org.vrouter.hypervisor.xen.xapi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * XML-RPC as the XenAPI speaks it, both ways: a {@code methodCall} parsed into a name and parameters,
 * and a value written as a {@code methodResponse}.
 *
 * <p>Decoded values: a {@code <value>} without a type element or with {@code <string>} is a String;
 * {@code <i4>}/{@code <int>} an Integer (so a handler can refuse it where XenAPI wants int64 as a
 * string); {@code <boolean>} a Boolean; {@code <double>} a Double; {@code <dateTime.iso8601>} an
 * Instant; {@code <base64>} a byte[]; {@code <struct>} a Map in member order; {@code <array>} a List.
 * Encoded values: strings bare inside {@code <value>} (as xapi writes them), Boolean, Double,
 * Instant ({@code 20190101T00:00:00Z}), Map and Collection; anything else is a programming error.
 */
final class XmlRpcCodec {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HH:mm:ss");

    /** A decoded {@code methodCall}. */
    record MethodCall(String method, List<Object> parameters) {}

    private XmlRpcCodec() {}

    /**
     * Parses a {@code methodCall}.
     *
     * @throws IllegalArgumentException when the body is not an XML-RPC method call
     */
    static MethodCall parseCall(byte[] body) {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
        }
        catch (Exception e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!root.getTagName().equals("methodCall")) {
            throw new IllegalArgumentException("not a methodCall: <" + root.getTagName() + ">");
        }
        String method = child(root, "methodName").getTextContent().trim();
        List<Object> parameters = new ArrayList<>();
        Element params = optionalChild(root, "params");
        if (params != null) {
            for (Element param : children(params, "param")) {
                parameters.add(decode(child(param, "value")));
            }
        }
        return new MethodCall(method, parameters);
    }

    /** A {@code methodResponse} carrying {@code value}. */
    static byte[] response(Object value) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<methodResponse><params><param>");
        encode(value, xml);
        xml.append("</param></params></methodResponse>\n");
        return xml.toString().getBytes(UTF_8);
    }

    private static Object decode(Element value) {
        List<Element> typed = elements(value);
        if (typed.isEmpty()) {
            return value.getTextContent();
        }
        Element type = typed.get(0);
        String text = type.getTextContent();
        switch (type.getTagName()) {
            case "string":
                return text;
            case "i4":
            case "int":
                return Integer.valueOf(text.trim());
            case "boolean":
                return text.trim().equals("1");
            case "double":
                return Double.valueOf(text.trim());
            case "dateTime.iso8601":
                return LocalDateTime.parse(text.trim().replace("Z", ""), DATE).toInstant(ZoneOffset.UTC);
            case "base64":
                return Base64.getMimeDecoder().decode(text.trim());
            case "struct":
                Map<String, Object> struct = new LinkedHashMap<>();
                for (Element member : children(type, "member")) {
                    struct.put(child(member, "name").getTextContent(), decode(child(member, "value")));
                }
                return struct;
            case "array":
                List<Object> array = new ArrayList<>();
                Element data = child(type, "data");
                for (Element item : children(data, "value")) {
                    array.add(decode(item));
                }
                return array;
            default:
                throw new IllegalArgumentException("unknown XML-RPC type <" + type.getTagName() + ">");
        }
    }

    private static void encode(Object value, StringBuilder xml) {
        xml.append("<value>");
        if (value instanceof String text) {
            escape(text, xml);
        }
        else if (value instanceof Boolean flag) {
            xml.append("<boolean>").append(flag ? 1 : 0).append("</boolean>");
        }
        else if (value instanceof Double number) {
            xml.append("<double>").append(number).append("</double>");
        }
        else if (value instanceof Instant instant) {
            xml.append("<dateTime.iso8601>").append(DATE.format(instant.atOffset(ZoneOffset.UTC))).append("Z</dateTime.iso8601>");
        }
        else if (value instanceof Map<?, ?> map) {
            xml.append("<struct>");
            for (Map.Entry<?, ?> member : map.entrySet()) {
                xml.append("<member><name>");
                escape((String) member.getKey(), xml);
                xml.append("</name>");
                encode(member.getValue(), xml);
                xml.append("</member>");
            }
            xml.append("</struct>");
        }
        else if (value instanceof Collection<?> items) {
            xml.append("<array><data>");
            for (Object item : items) {
                encode(item, xml);
            }
            xml.append("</data></array>");
        }
        else {
            throw new IllegalArgumentException("the XenAPI test server cannot encode " + (value == null ? "null" : value.getClass().getName()));
        }
        xml.append("</value>");
    }

    private static void escape(String text, StringBuilder xml) {
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> xml.append("&amp;");
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                default -> xml.append(c);
            }
        }
    }

    private static Element child(Element parent, String name) {
        Element found = optionalChild(parent, name);
        if (found == null) {
            throw new IllegalArgumentException("<" + parent.getTagName() + "> has no <" + name + ">");
        }
        return found;
    }

    private static Element optionalChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        return elements(parent).stream().filter(element -> element.getTagName().equals(name)).toList();
    }

    private static List<Element> elements(Element parent) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                result.add((Element) nodes.item(i));
            }
        }
        return result;
    }
}
