/**
 * CloudStack's boot-argument line ({@code " template=domP name=r-12-VM ..."}): parsing, rendering
 * (plain and XenServer PV-args form), typed access and the {@code cmd_line} map of
 * {@code cmd_line.json}. One type for every side: the guru builds it into a
 * {@code VirtualMachineProfile}, the start command's TO carries it, the router reads it back.
 */
package org.vrouter.api.bootargs;
