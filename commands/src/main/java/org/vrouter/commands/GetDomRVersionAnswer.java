package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

import org.vrouter.api.command.Answer;
import org.vrouter.api.error.InvalidParameterException;

/**
 * The answer to a {@link GetDomRVersionCommand}: CloudStack's {@code GetDomRVersionAnswer}, the
 * router template's version and its scripts' version. A successful answer has both; a failed one
 * neither.
 */
public record GetDomRVersionAnswer(boolean success, String details, Optional<String> templateVersion, Optional<String> scriptsVersion)
        implements Answer {

    public GetDomRVersionAnswer {
        requireNonNull(details, "details is null");
        requireNonNull(templateVersion, "templateVersion is null");
        requireNonNull(scriptsVersion, "scriptsVersion is null");
        if (success != templateVersion.isPresent() || success != scriptsVersion.isPresent()) {
            throw new InvalidParameterException("versions", "a successful answer has both versions, a failed one neither");
        }
    }

    /**
     * Parses {@code get_template_version.sh} output, {@code <template version>&<scripts version>}:
     * exactly two non-blank parts (surrounding whitespace trimmed), else a failed answer whose
     * details quote the output.
     */
    public static GetDomRVersionAnswer fromScriptOutput(String output) {
        requireNonNull(output, "output is null");
        String[] parts = output.trim().split("&", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            return failure("unexpected output of get_template_version.sh (expected <template>&<scripts>): " + output.trim());
        }
        return new GetDomRVersionAnswer(true, output.trim(), Optional.of(parts[0].trim()), Optional.of(parts[1].trim()));
    }

    public static GetDomRVersionAnswer failure(String details) {
        return new GetDomRVersionAnswer(false, details, Optional.empty(), Optional.empty());
    }
}
