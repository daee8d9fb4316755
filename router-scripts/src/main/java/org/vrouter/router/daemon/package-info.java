/**
 * {@code vrouterd}: the long-lived process that serves a router's entry points over a Unix socket,
 * keeping the databags in memory between requests, and the line protocol its thin clients speak.
 */
package org.vrouter.router.daemon;
