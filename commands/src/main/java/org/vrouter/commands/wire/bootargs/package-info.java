/**
 * CloudStack's boot-argument line ({@code " template=domP name=r-12-VM ..."}): parsing, rendering
 * (plain and XenServer PV-args form), typed access and the {@code cmd_line} map of
 * {@code cmd_line.json}.
 */
package org.vrouter.commands.wire.bootargs;
