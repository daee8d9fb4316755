/** {@code vrouter demo}: one isolated network driven end to end through the library, on the simulator. */
package org.vrouter.cli.demo;
