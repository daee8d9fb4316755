/**
 * The CloudStack wire: how a command becomes files and script calls on a router
 * ({@link org.vrouter.commands.wire.CommandCodec}, one {@link org.vrouter.commands.wire.CommandMapping} per
 * command class, {@link org.vrouter.commands.wire.ConfigItem}), and how many commands travel as one
 * {@code VR-<uuid>.cfg} batch ({@link org.vrouter.commands.wire.ConfigBatch}). {@code docs/wire-format.md}
 * describes it and lists every mapping.
 */
package org.vrouter.commands.wire;
