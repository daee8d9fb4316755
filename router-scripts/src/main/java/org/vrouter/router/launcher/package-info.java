/**
 * The router's command line ({@code vrouter update-config}, {@code vr-cfg}, {@code render}, {@code verify}):
 * {@link org.vrouter.router.launcher.RouterMain} is the router distribution's entry point.
 */
package org.vrouter.router.launcher;
