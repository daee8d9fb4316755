/**
 * Bringing the router to the state its databags describe: the {@link org.vrouter.router.converge.Converger}
 * contract the update pipeline calls once per update or batch, with per-service outcomes.
 */
package org.vrouter.router.converge;
