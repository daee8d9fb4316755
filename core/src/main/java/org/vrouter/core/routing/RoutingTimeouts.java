package org.vrouter.core.routing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

import org.vrouter.api.error.InvalidParameterException;

/**
 * Time bounds of {@link VirtualRoutingResource}.
 *
 * <p>The batch bound: CloudStack means {@code each + each × answerCount} <em>seconds</em> but its
 * Joda arithmetic adds milliseconds, so in practice it grants {@code each + 0.6 s × answerCount}
 * (wire-format §5.4). Taken literally, the intended formula would allow 18 hours for a 108-answer
 * start batch, which is no bound at all. We keep the effective shape in explicit units:
 * {@code batchBase + batchPerAnswer × answerCount}, capped at {@code batchMax}. With the defaults
 * (600 s, 1 s, 1 h) a 108-answer batch gets 708 s where CloudStack gives about 665 s.
 *
 * @param script bound for one script or file transfer of a single command, unless the command
 *     carries its own ({@code CheckRouterCommand}: 30 s); CloudStack's {@code VR_SCRIPT_EXEC_TIMEOUT}
 * @param batchBase CloudStack's {@code router.aggregation.command.each.timeout}
 * @param batchPerAnswer added per expected answer of the queued commands
 * @param batchMax upper limit of the batch bound
 */
public record RoutingTimeouts(Duration script, Duration batchBase, Duration batchPerAnswer, Duration batchMax) {
    public RoutingTimeouts {
        positive("script_timeout", script);
        positive("batch_base_timeout", batchBase);
        requireNonNull(batchPerAnswer, "batchPerAnswer is null");
        if (batchPerAnswer.isNegative()) {
            throw new InvalidParameterException("batch_per_answer_timeout", "must not be negative", batchPerAnswer);
        }
        positive("batch_max_timeout", batchMax);
        if (batchMax.compareTo(batchBase) < 0) {
            throw new InvalidParameterException("batch_max_timeout", "must not be below the batch base timeout " + batchBase, batchMax);
        }
    }

    /** 600 s per command; batches 600 s + 1 s per answer, at most one hour. */
    public static RoutingTimeouts defaults() {
        return new RoutingTimeouts(Duration.ofSeconds(600), Duration.ofSeconds(600), Duration.ofSeconds(1), Duration.ofHours(1));
    }

    /** The bound for a batch whose queued commands expect {@code answerCount} answers in all. */
    public Duration batch(int answerCount) {
        Duration bound = batchBase.plus(batchPerAnswer.multipliedBy(Math.max(0, answerCount)));
        return bound.compareTo(batchMax) > 0 ? batchMax : bound;
    }

    private static void positive(String field, Duration value) {
        requireNonNull(value, field + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new InvalidParameterException(field, "must be positive", value);
        }
    }
}
