package org.vrouter.api.command;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.validation.FieldChecks;

/**
 * An ordered batch of commands for one host, each under an id (CloudStack uses ids such as
 * {@code checkSsh}, {@code dhcp}, {@code vmdata}), with what to do when one fails.
 *
 * @param entries the commands in execution order; ids are unique
 * @param onError {@link OnError#STOP}: the executor stops at the first failed answer and the rest
 *     get no answer; {@link OnError#CONTINUE}: every command runs
 */
public record Commands(List<Entry> entries, OnError onError) {
    /** What the executor does after a failed answer. */
    public enum OnError {
        STOP,
        CONTINUE
    }

    /** One command of the batch under its id. */
    public record Entry(String id, Command command) {
        public Entry {
            FieldChecks.requireIdentifier("id", id);
            requireNonNull(command, "command is null");
        }
    }

    public Commands {
        entries = List.copyOf(entries);
        requireNonNull(onError, "onError is null");
        Set<String> ids = new HashSet<>();
        for (Entry entry : entries) {
            if (!ids.add(entry.id())) {
                throw new IllegalArgumentException("duplicate command id in batch: " + entry.id());
            }
        }
    }

    /** A batch of one command that stops on error, as CloudStack's {@code new Commands(cmd)}. */
    public static Commands of(String id, Command command) {
        return new Commands(List.of(new Entry(id, command)), OnError.STOP);
    }

    public static Builder builder(OnError onError) {
        return new Builder(onError);
    }

    public int size() {
        return entries.size();
    }

    public List<Command> commands() {
        return entries.stream().map(Entry::command).toList();
    }

    /** The command under {@code id}, if the batch holds one. */
    public Optional<Command> command(String id) {
        return entries.stream().filter(entry -> entry.id().equals(id)).map(Entry::command).findFirst();
    }

    /** Collects entries in order; {@link #build()} validates them. */
    public static final class Builder {
        private final OnError onError;
        private final List<Entry> entries = new ArrayList<>();

        private Builder(OnError onError) {
            this.onError = requireNonNull(onError, "onError is null");
        }

        public Builder add(String id, Command command) {
            entries.add(new Entry(id, command));
            return this;
        }

        public Commands build() {
            return new Commands(entries, onError);
        }
    }
}
