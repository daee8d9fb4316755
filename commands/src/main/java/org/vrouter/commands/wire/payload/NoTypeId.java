package org.vrouter.commands.wire.payload;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A Jackson mix-in for {@link Payload} that turns its type id off: {@link PayloadCodec} reads a payload of a
 * known record type straight into that record, checking {@code type} with {@link TypeField} instead.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
interface NoTypeId {}
