/**
 * The router's databags: CloudStack's merged state in {@code /etc/cloudstack/<key>.json} as a typed,
 * immutable model ({@link org.vrouter.router.databag.Databags}), its on-disk form
 * ({@link org.vrouter.router.databag.DatabagStore}) and the pure functions that merge a payload into it
 * ({@link org.vrouter.router.databag.DatabagMerger}).
 */
package org.vrouter.router.databag;
