/**
 * How the management side reaches a router: {@link org.vrouter.core.channel.RouterChannel} (put a
 * file, run a command line) and its SSH implementation {@link org.vrouter.core.channel.SshRouterChannel}.
 */
package org.vrouter.core.channel;
