/**
 * SSH fixtures for tests, published in core's test-jar: an in-process fake router sshd (Apache
 * MINA) with pluggable commands (a shell in a root directory, an {@code scp -t} sink, fixed
 * replies) and per-run keys.
 */
package org.vrouter.core.testsupport.ssh;
