/**
 * The CloudStack wire: how a command becomes files and script calls on a router ({@link org.vrouter.commands.wire.ConfigItem}),
 * and how many commands travel as one {@code VR-<uuid>.cfg} batch ({@link org.vrouter.commands.wire.ConfigBatch}).
 */
package org.vrouter.commands.wire;
