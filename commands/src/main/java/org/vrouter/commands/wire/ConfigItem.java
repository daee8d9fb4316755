package org.vrouter.commands.wire;

/**
 * One step of applying a command on a CloudStack router: write a file, or run a script. A JSON
 * command becomes two items (the file under {@code /var/cache/cloud/}, then
 * {@code update_config.py <file>}); a batch ({@link ConfigBatch}) strings many together.
 */
public sealed interface ConfigItem permits FileConfigItem, ScriptConfigItem {
}
