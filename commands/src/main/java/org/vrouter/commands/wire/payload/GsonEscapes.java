package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping as CloudStack's Gson writes it (with HTML escaping off), so output matches byte for
 * byte: quote, backslash, {@code \b \t \n \f \r} as short escapes, other control characters as
 * {@code \}{@code u00xx} in lower case, and the line and paragraph separators U+2028/U+2029 escaped.
 * Everything else, including {@code < > & = '}, is written as is.
 */
final class GsonEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] asciiEscapes;

    GsonEscapes() {
        asciiEscapes = standardAsciiEscapesForJSON();
        for (int c = 0; c < 0x20; c++) {
            if (c != '\b' && c != '\t' && c != '\n' && c != '\f' && c != '\r') {
                asciiEscapes[c] = ESCAPE_CUSTOM;
            }
        }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        return asciiEscapes.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        if (ch == 0x2028) {
            return LINE_SEPARATOR;
        }
        if (ch == 0x2029) {
            return PARAGRAPH_SEPARATOR;
        }
        if (ch < 0x20) {
            return new SerializedString(String.format(java.util.Locale.ROOT, "\\u%04x", ch));
        }
        return null;
    }
}
