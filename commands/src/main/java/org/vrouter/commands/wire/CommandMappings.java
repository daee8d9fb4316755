package org.vrouter.commands.wire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.vrouter.commands.CheckRouterCommand;
import org.vrouter.commands.GetDomRVersionCommand;
import org.vrouter.commands.NetworkElementCommand;
import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.wire.payload.DatabagType;
import org.vrouter.commands.wire.payload.VmPasswordPayload;

/**
 * The registry of every command the codec can send, in the order the wire-format documentation
 * lists them. One line per command class; the payload building lives with its concept.
 */
final class CommandMappings {
    private static final Map<Class<?>, CommandMapping<?>> BY_CLASS = index(List.of(
            CommandMapping.payload(SavePasswordCommand.class, DatabagType.VM_PASSWORD,
                    command -> VmPasswordPayload.of(command.vmIpAddress(), command.password()), ""),
            CommandMapping.query(CheckRouterCommand.class,
                    command -> ScriptConfigItem.of("checkrouter.sh"), "output `Status: PRIMARY|BACKUP|FAULT`"),
            CommandMapping.query(GetDomRVersionCommand.class,
                    command -> ScriptConfigItem.of("get_template_version.sh"), "output `<template version>&<scripts version>`")));

    private CommandMappings() {}

    static Optional<CommandMapping<?>> find(Class<?> commandClass) {
        return Optional.ofNullable(BY_CLASS.get(commandClass));
    }

    static List<CommandMapping<?>> all() {
        return List.copyOf(BY_CLASS.values());
    }

    private static Map<Class<?>, CommandMapping<?>> index(List<CommandMapping<?>> mappings) {
        Map<Class<?>, CommandMapping<?>> byClass = new LinkedHashMap<>();
        for (CommandMapping<?> mapping : mappings) {
            if (byClass.put(mapping.commandClass(), mapping) != null) {
                throw new IllegalStateException("two mappings for " + mapping.commandClass().getName());
            }
        }
        return byClass;
    }

    static boolean handles(Class<? extends NetworkElementCommand> commandClass) {
        return BY_CLASS.containsKey(commandClass);
    }
}
