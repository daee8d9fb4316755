package org.vrouter.router.address;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One change to the kernel: one line of the {@code ip -batch} input.
 *
 * @param kind what it does
 * @param target what it changes, for reports and errors: the device and the address, route or rule
 * @param arguments the line's words ({@code address replace 203.0.113.20/24 brd + dev eth2}); each
 *     word is an address, a number, a device name or a keyword, so none needs quoting
 */
public record AddressStep(StepKind kind, String target, List<String> arguments) {
    public AddressStep {
        requireNonNull(kind, "kind is null");
        requireNonNull(target, "target is null");
        arguments = List.copyOf(requireNonNull(arguments, "arguments is null"));
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a step needs arguments: " + target);
        }
        for (String word : arguments) {
            if (word.isEmpty() || !word.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '"' && c != '\'' && c != '#' && c != '\\')) {
                throw new IllegalArgumentException("not a plain word on an ip -batch line: '" + word + "' in " + arguments);
            }
        }
    }

    /** The {@code ip -batch} line. */
    public String line() {
        return String.join(" ", arguments);
    }

    @Override
    public String toString() {
        return kind + " " + target;
    }
}
