/**
 * CloudStack's JSON databag payloads, one record per file type that travels to a router
 * ({@code <name>.json.<uuid>}), their {@link org.vrouter.commands.wire.payload.DatabagType} catalogue
 * and the strict {@link org.vrouter.commands.wire.payload.PayloadCodec}: the single source of truth of the wire.
 */
package org.vrouter.commands.wire.payload;
