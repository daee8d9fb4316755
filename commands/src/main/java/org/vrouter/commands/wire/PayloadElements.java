package org.vrouter.commands.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Helpers the payload builders share: converting list elements with the element's path in any
 * error ({@code rules[2].protocol}), and requiring values a router needs but a command may lack.
 */
final class PayloadElements {
    private PayloadElements() {}

    /** Converts each element; an {@link InvalidParameterException} is prefixed with {@code field[i].}. */
    static <T, R> List<R> map(String field, List<T> elements, Function<T, R> convert) {
        List<R> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(at(field, i, elements.get(i), convert));
        }
        return List.copyOf(out);
    }

    /** Converts element {@code index} of list {@code field}; an error is prefixed with {@code field[index].}. */
    static <T, R> R at(String field, int index, T element, Function<T, R> convert) {
        try {
            return convert.apply(element);
        }
        catch (InvalidParameterException e) {
            throw e.within(field + "[" + index + "].");
        }
    }

    /** The value a router needs; the error names the wire field and says why it is missing. */
    static <T> T required(String field, Optional<T> value, String why) {
        return value.orElseThrow(() -> new InvalidParameterException(field, "is missing: " + why));
    }

    /** Present values joined with commas, as CloudStack joins DNS servers; empty when none is present. */
    static Optional<String> commaJoined(List<? extends Optional<?>> values) {
        List<String> present = values.stream().filter(Optional::isPresent).map(value -> value.get().toString()).toList();
        return present.isEmpty() ? Optional.empty() : Optional.of(String.join(",", present));
    }
}
