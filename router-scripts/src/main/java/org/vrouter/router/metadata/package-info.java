/**
 * User data, metadata and passwords for guest VMs: the {@code vmdata} bag rendered per VM under
 * {@code /var/www/html/}, the {@code vmpassword} bag kept in a root-only store, and the small HTTP server
 * ({@link org.vrouter.router.metadata.MetadataServer}) that serves both to each VM by its source address.
 */
package org.vrouter.router.metadata;
