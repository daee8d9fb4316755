/** Command, Answer and Commands: the base types of everything sent to hosts and routers. */
package org.vrouter.api.command;
