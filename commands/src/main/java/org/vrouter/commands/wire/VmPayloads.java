package org.vrouter.commands.wire;

import org.vrouter.commands.SavePasswordCommand;
import org.vrouter.commands.VmDataCommand;
import org.vrouter.commands.to.VmDataEntry;
import org.vrouter.commands.wire.payload.VmMetadataEntry;
import org.vrouter.commands.wire.payload.VmMetadataPayload;
import org.vrouter.commands.wire.payload.VmPasswordPayload;

/** Payloads of the per-VM commands: user data and metadata ({@code vmdata}) and passwords ({@code vmpassword}). */
final class VmPayloads {
    private VmPayloads() {}

    /** {@code vm_metadata.json}: the VM's address and its {@code [folder, file, contents]} triples in command order. */
    static VmMetadataPayload vmData(VmDataCommand command) {
        return VmMetadataPayload.of(command.vmIpAddress(), PayloadElements.map("vm_metadata", command.entries(), VmPayloads::triple));
    }

    private static VmMetadataEntry triple(VmDataEntry entry) {
        return VmMetadataEntry.of(entry.folder().wireName(), entry.file(), entry.contents());
    }

    /** {@code vm_password.json}: the VM's address and password; the VM name is not on the wire. */
    static VmPasswordPayload password(SavePasswordCommand command) {
        return VmPasswordPayload.of(command.vmIpAddress(), command.password());
    }
}
