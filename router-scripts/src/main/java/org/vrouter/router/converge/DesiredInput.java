package org.vrouter.router.converge;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * What a service makes of the databags: its input, with the entries it left out, or the reason it does
 * not apply to this router.
 *
 * @param input empty when the service is skipped
 * @param skipReason why the service is skipped; empty when there is an input
 * @param warnings one line per databag entry left out of the input
 */
record DesiredInput<I>(Optional<I> input, String skipReason, List<String> warnings) {
    DesiredInput {
        requireNonNull(input, "input is null");
        requireNonNull(skipReason, "skipReason is null");
        warnings = List.copyOf(requireNonNull(warnings, "warnings is null"));
        if (input.isPresent() == !skipReason.isEmpty()) {
            throw new IllegalArgumentException("an input or a reason to skip, exactly one");
        }
    }

    static <I> DesiredInput<I> of(I input, List<String> warnings) {
        return new DesiredInput<>(Optional.of(input), "", warnings);
    }

    static <I> DesiredInput<I> skip(String reason) {
        return new DesiredInput<>(Optional.empty(), reason, List.of());
    }
}
