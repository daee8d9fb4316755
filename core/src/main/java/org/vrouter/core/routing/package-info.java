/**
 * From router command to router: {@link org.vrouter.core.routing.VirtualRoutingResource} turns a
 * {@code NetworkElementCommand} into CloudStack's files and script calls and runs them on the
 * router through a {@link org.vrouter.core.channel.RouterChannel};
 * {@link org.vrouter.core.routing.RouterCommandDispatcher} is every hypervisor resource's command
 * switch over its {@link org.vrouter.core.routing.RouterVmDriver}.
 */
package org.vrouter.core.routing;
