/**
 * The vrouter command line: the demo, and the router-side subcommands of router-scripts' launcher.
 */
package org.vrouter.cli;
