package org.vrouter.commands;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.commands.to.VmDataEntry;
import org.vrouter.commands.to.VmDataFolder;

/**
 * Publishes one VM's user data and metadata on the router's metadata server: CloudStack's
 * {@code VmDataCommand}, {@code Commands} id {@code vmdata}. On the wire one
 * {@code vm_metadata.json} (type {@code vmdata}) with {@code vm_ip_address} and
 * {@code vm_metadata}, the list of {@code [folder, file, contents]} triples in entry order.
 *
 * <p>{@link #builder} emits the entries in CloudStack's order (management-side §11.3), whatever
 * order its setters are called in: {@code user-data}, {@code service-offering},
 * {@code availability-zone}, {@code local-ipv4}, {@code local-hostname}, the user-data details,
 * {@code public-ipv4}, {@code public-hostname}, {@code instance-id}, {@code vm-id},
 * {@code public-keys}, {@code cloud-identifier}, {@code hypervisor-host-name}, then
 * {@code cloud-domain}, {@code cloud-domain-id} and {@code cloud-name} when set. Items CloudStack
 * always sends are always present; unset ones carry {@code ""} where CloudStack sends null (empty
 * user data deletes the file on the router). No (folder, file) pair appears twice. User data never
 * appears in {@link #toString()}.
 *
 * @param vmName the VM's host name (CloudStack's {@code vmName}; not on the wire)
 * @param executeInSequence CloudStack's flag: run in sequence with the VM's other commands
 */
public record VmDataCommand(
        AccessDetails accessDetails,
        IpAddress vmIpAddress,
        String vmName,
        List<VmDataEntry> entries,
        boolean executeInSequence) implements NetworkElementCommand {

    public VmDataCommand {
        CommandChecks.requireRouter(accessDetails);
        requireNonNull(vmIpAddress, "vmIpAddress is null");
        FieldChecks.requireHostName("vm_name", vmName);
        entries = CommandChecks.list(entries, "vm_metadata");
        Set<String> seen = new HashSet<>();
        CommandChecks.each(entries, "vm_metadata", entry -> {
            if (!seen.add(entry.folder().wireName() + "/" + entry.file())) {
                throw new InvalidParameterException("file", "listed twice in " + entry.folder().wireName(), entry.file());
            }
        });
    }

    /** Starts the entries of VM {@code vmName} at {@code vmIpAddress}, not in sequence. */
    public static Builder builder(AccessDetails accessDetails, IpAddress vmIpAddress, String vmName) {
        return new Builder(accessDetails, vmIpAddress, vmName);
    }

    /** The contents of {@code folder/file}, if present. */
    public Optional<String> contents(VmDataFolder folder, String file) {
        return entries.stream().filter(entry -> entry.folder() == folder && entry.file().equals(file))
                .map(VmDataEntry::contents).findFirst();
    }

    /**
     * Parses CloudStack's user-data details string {@code {k1=v1,k2=v2}} (spaces around items
     * allowed) into ordered metadata items; null or blank gives none.
     *
     * @throws InvalidParameterException naming {@code userdata_details} for an item without {@code =}
     */
    public static Map<String, String> parseUserDataDetails(String details) {
        Map<String, String> items = new LinkedHashMap<>();
        if (details == null || details.isBlank()) {
            return items;
        }
        String body = details.trim();
        if (body.startsWith("{") && body.endsWith("}")) {
            body = body.substring(1, body.length() - 1);
        }
        for (String item : body.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int equals = item.indexOf('=');
            if (equals < 0) {
                throw new InvalidParameterException("userdata_details", "item without '='", item.trim());
            }
            items.put(item.substring(0, equals).trim(), item.substring(equals + 1).trim());
        }
        return items;
    }

    /** Collects a VM's data and lays it out in CloudStack's order; {@link #build()} validates. */
    public static final class Builder {
        private final AccessDetails accessDetails;
        private final IpAddress vmIpAddress;
        private final String vmName;
        private String userData = "";
        private String serviceOffering = "";
        private String availabilityZone = "";
        private final Map<String, String> details = new LinkedHashMap<>();
        private String publicIp = "";
        private String instanceId = "";
        private String vmId = "";
        private String publicKeys = "";
        private String cloudIdentifier = "";
        private String hypervisorHostName = "";
        private final Map<String, String> optional = new LinkedHashMap<>();
        private boolean executeInSequence;

        private Builder(AccessDetails accessDetails, IpAddress vmIpAddress, String vmName) {
            this.accessDetails = requireNonNull(accessDetails, "accessDetails is null");
            this.vmIpAddress = requireNonNull(vmIpAddress, "vmIpAddress is null");
            this.vmName = requireNonNull(vmName, "vmName is null");
            optional.put("cloud-domain", null);
            optional.put("cloud-domain-id", null);
            optional.put("cloud-name", null);
        }

        /** The user data, base64 as the VM owner supplied it. */
        public Builder userData(String base64) {
            this.userData = requireNonNull(base64, "base64 is null");
            return this;
        }

        /** The service offering's display text. */
        public Builder serviceOffering(String displayText) {
            this.serviceOffering = requireNonNull(displayText, "displayText is null");
            return this;
        }

        public Builder availabilityZone(String zoneName) {
            this.availabilityZone = requireNonNull(zoneName, "zoneName is null");
            return this;
        }

        /** User-data details as metadata items, in the map's order (see {@link #parseUserDataDetails}). */
        public Builder userDataDetails(Map<String, String> items) {
            details.putAll(items);
            return this;
        }

        /** The address shown as {@code public-ipv4} and {@code public-hostname}. */
        public Builder publicIp(IpAddress ip) {
            this.publicIp = ip.value();
            return this;
        }

        /** {@code instance-id} and {@code vm-id}: the VM uuid twice, or instance name and numeric id. */
        public Builder ids(String instanceId, String vmId) {
            this.instanceId = requireNonNull(instanceId, "instanceId is null");
            this.vmId = requireNonNull(vmId, "vmId is null");
            return this;
        }

        public Builder publicKeys(String keys) {
            this.publicKeys = requireNonNull(keys, "keys is null");
            return this;
        }

        /** The cloud identifier, {@code CloudStack-{<id>}}. */
        public Builder cloudIdentifier(String identifier) {
            this.cloudIdentifier = requireNonNull(identifier, "identifier is null");
            return this;
        }

        public Builder hypervisorHostName(String hostName) {
            this.hypervisorHostName = requireNonNull(hostName, "hostName is null");
            return this;
        }

        /** {@code cloud-domain} and {@code cloud-domain-id}, when the domain exposes them. */
        public Builder cloudDomain(String name, String id) {
            optional.put("cloud-domain", requireNonNull(name, "name is null"));
            optional.put("cloud-domain-id", requireNonNull(id, "id is null"));
            return this;
        }

        /** {@code cloud-name}: the zone's custom cloud name. */
        public Builder cloudName(String name) {
            optional.put("cloud-name", requireNonNull(name, "name is null"));
            return this;
        }

        public Builder executeInSequence(boolean inSequence) {
            this.executeInSequence = inSequence;
            return this;
        }

        public VmDataCommand build() {
            List<VmDataEntry> entries = new ArrayList<>();
            entries.add(VmDataEntry.userData("user-data", userData));
            entries.add(VmDataEntry.metadata("service-offering", serviceOffering));
            entries.add(VmDataEntry.metadata("availability-zone", availabilityZone));
            entries.add(VmDataEntry.metadata("local-ipv4", vmIpAddress.value()));
            entries.add(VmDataEntry.metadata("local-hostname", vmName));
            details.forEach((file, contents) -> entries.add(VmDataEntry.metadata(file, contents)));
            entries.add(VmDataEntry.metadata("public-ipv4", publicIp));
            entries.add(VmDataEntry.metadata("public-hostname", publicIp));
            entries.add(VmDataEntry.metadata("instance-id", instanceId));
            entries.add(VmDataEntry.metadata("vm-id", vmId));
            entries.add(VmDataEntry.metadata("public-keys", publicKeys));
            entries.add(VmDataEntry.metadata("cloud-identifier", cloudIdentifier));
            entries.add(VmDataEntry.metadata("hypervisor-host-name", hypervisorHostName));
            optional.forEach((file, contents) -> {
                if (contents != null) {
                    entries.add(VmDataEntry.metadata(file, contents));
                }
            });
            return new VmDataCommand(accessDetails, vmIpAddress, vmName, entries, executeInSequence);
        }
    }
}
