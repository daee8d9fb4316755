/**
 * The vrouter command line: demo, update-config, vr-cfg, render.
 */
package org.vrouter.cli;
