package org.vrouter.hypervisor.vmware.yavijava;

import static java.util.Objects.requireNonNull;

import java.rmi.RemoteException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.vmware.vim25.ManagedObjectReference;
import com.vmware.vim25.OptionValue;
import com.vmware.vim25.VirtualDevice;
import com.vmware.vim25.VirtualDisk;
import com.vmware.vim25.VirtualEthernetCard;
import com.vmware.vim25.VirtualEthernetCardNetworkBackingInfo;
import com.vmware.vim25.VirtualMachineConfigInfo;
import com.vmware.vim25.VirtualMachinePowerState;
import com.vmware.vim25.mo.Datacenter;
import com.vmware.vim25.mo.DistributedVirtualPortgroup;
import com.vmware.vim25.mo.Folder;
import com.vmware.vim25.mo.HostSystem;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ManagedEntity;
import com.vmware.vim25.mo.Network;
import com.vmware.vim25.mo.ResourcePool;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.VirtualMachine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.vrouter.api.net.MacAddress;
import org.vrouter.api.vm.PowerState;
import org.vrouter.hypervisor.vmware.vsphere.VmInfo;
import org.vrouter.hypervisor.vmware.vsphere.VmNic;
import org.vrouter.hypervisor.vmware.vsphere.VmPlacement;
import org.vrouter.hypervisor.vmware.vsphere.VmSpec;
import org.vrouter.hypervisor.vmware.vsphere.VmTask;
import org.vrouter.hypervisor.vmware.vsphere.VsphereClient;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * {@link VsphereClient} over one yavijava {@link ServiceInstance}. Every object is found by type
 * and name with an {@link InventoryNavigator} below the datacenter (the compute resource's pool
 * below the compute resource), never through a managed-object getter such as
 * {@code Datacenter.getVmFolder()}: the simulator types those references in a way yavijava
 * cannot map. Only standard port groups count as networks; distributed ones are left out.
 */
final class YavijavaClient implements VsphereClient {
    private static final Logger log = LoggerFactory.getLogger(YavijavaClient.class);

    private final ServiceInstance service;
    private final String label;

    YavijavaClient(ServiceInstance service, String label) {
        this.service = requireNonNull(service, "service is null");
        this.label = requireNonNull(label, "label is null");
    }

    @Override
    public Optional<VmInfo> findVm(String datacenter, String name) throws VsphereException {
        Optional<VirtualMachine> vm = vm(datacenter(datacenter), name);
        if (vm.isEmpty()) {
            return Optional.empty();
        }
        String what = "reading VM " + name;
        try {
            VirtualMachineConfigInfo config = vm.get().getConfig();
            VirtualMachinePowerState power = vm.get().getRuntime().getPowerState();
            return Optional.of(new VmInfo(name, power == VirtualMachinePowerState.poweredOn ? PowerState.ON : PowerState.OFF,
                    config.getHardware().getNumCPU(), config.getHardware().getMemoryMB(), nics(config), extraConfig(config)));
        }
        catch (RuntimeException e) {
            // yavijava reads properties lazily and throws unchecked exceptions on replies it cannot parse
            throw new VsphereException(what + " failed: " + e, Optional.empty(), e);
        }
    }

    @Override
    public Set<String> networks(String datacenter) throws VsphereException {
        Set<String> names = new TreeSet<>();
        for (ManagedEntity entity : search(datacenter(datacenter), "Network")) {
            if (entity instanceof Network && !(entity instanceof DistributedVirtualPortgroup)) {
                names.add(entity.getName());
            }
        }
        return names;
    }

    @Override
    public void createVm(VmSpec spec, Duration timeout) throws VsphereException {
        VmPlacement placement = spec.placement();
        Datacenter datacenter = datacenter(placement.datacenter());
        Folder folder = required(datacenter, "Folder", placement.vmFolder(), Folder.class, "VM folder");
        ManagedEntity compute = computeResource(datacenter, placement.computeResource());
        ResourcePool pool = required(compute, "ResourcePool", placement.resourcePool(), ResourcePool.class, "resource pool");
        required(datacenter, "Datastore", placement.datastore(), ManagedEntity.class, "datastore");
        HostSystem host = host(datacenter, placement).orElse(null);
        Map<String, ManagedObjectReference> networks = new HashMap<>();
        for (VmNic nic : spec.nics()) {
            networks.put(nic.portGroup(), required(datacenter, "Network", nic.portGroup(), Network.class, "port group").getMOR());
        }
        String what = "CreateVM_Task of " + spec.name();
        try {
            Tasks.await(folder.createVM_Task(ConfigSpecs.create(spec, networks), pool, host), what, timeout);
        }
        catch (RemoteException e) {
            throw Faults.of(what, e);
        }
        log.info("{}: created VM {} in {} / {}", label, spec.name(), placement.datacenter(), placement.computeResource());
    }

    @Override
    public void run(VmTask task, VmPlacement placement, String name, Duration timeout) throws VsphereException {
        Datacenter datacenter = datacenter(placement.datacenter());
        VirtualMachine vm = vm(datacenter, name).orElseThrow(() -> notFound("VM", name, placement.datacenter()));
        String what = task.vsphereName() + " of " + name;
        try {
            switch (task) {
                case POWER_ON -> Tasks.await(vm.powerOnVM_Task(host(datacenter, placement).orElse(null)), what, timeout);
                case POWER_OFF -> Tasks.await(vm.powerOffVM_Task(), what, timeout);
                case DESTROY -> destroy(vm, what, timeout);
            }
        }
        catch (RemoteException e) {
            throw Faults.of(what, e);
        }
        log.info("{}: {}", label, what);
    }

    /** Detaches the VM's disks first, so a destroy deletes only the VM's own files, never a volume. */
    private static void destroy(VirtualMachine vm, String what, Duration timeout) throws RemoteException, VsphereException {
        Tasks.Deadline deadline = Tasks.deadline(timeout);
        List<VirtualDisk> disks = devices(vm.getConfig()).stream().filter(VirtualDisk.class::isInstance).map(VirtualDisk.class::cast).toList();
        if (!disks.isEmpty()) {
            Tasks.await(vm.reconfigVM_Task(ConfigSpecs.detach(disks)), what + " (detaching its disks)", deadline.remaining());
        }
        Tasks.await(vm.destroy_Task(), what, deadline.remaining());
    }

    @Override
    public void shutdownGuest(String datacenter, String name) throws VsphereException {
        VirtualMachine vm = vm(datacenter(datacenter), name).orElseThrow(() -> notFound("VM", name, datacenter));
        try {
            vm.shutdownGuest();
        }
        catch (RemoteException e) {
            throw Faults.of("ShutdownGuest of " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            service.getServerConnection().logout();
        }
        catch (RuntimeException e) {
            // the session ends on the server's side anyway when it times out
            log.debug("{}: logout failed: {}", label, e.toString());
        }
    }

    private Datacenter datacenter(String name) throws VsphereException {
        return required(service.getRootFolder(), "Datacenter", name, Datacenter.class, "datacenter");
    }

    private Optional<VirtualMachine> vm(Datacenter datacenter, String name) throws VsphereException {
        return find(datacenter, "VirtualMachine", name).map(VirtualMachine.class::cast);
    }

    private Optional<HostSystem> host(Datacenter datacenter, VmPlacement placement) throws VsphereException {
        if (placement.host().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(required(datacenter, "HostSystem", placement.host().get(), HostSystem.class, "host"));
    }

    /** A cluster, else a standalone host's compute resource. */
    private ManagedEntity computeResource(Datacenter datacenter, String name) throws VsphereException {
        Optional<ManagedEntity> cluster = find(datacenter, "ClusterComputeResource", name);
        if (cluster.isPresent()) {
            return cluster.get();
        }
        return required(datacenter, "ComputeResource", name, ManagedEntity.class, "cluster or compute resource");
    }

    private <T extends ManagedEntity> T required(ManagedEntity root, String type, String name, Class<T> kind, String what)
            throws VsphereException {
        return find(root, type, name).filter(kind::isInstance).map(kind::cast).orElseThrow(() -> notFound(what, name, root.getName()));
    }

    private Optional<ManagedEntity> find(ManagedEntity root, String type, String name) throws VsphereException {
        try {
            return Optional.ofNullable(new InventoryNavigator(root).searchManagedEntity(type, name));
        }
        catch (RemoteException e) {
            throw Faults.of("looking up " + type + " " + name, e);
        }
    }

    private List<ManagedEntity> search(ManagedEntity root, String type) throws VsphereException {
        try {
            ManagedEntity[] found = new InventoryNavigator(root).searchManagedEntities(type);
            return found == null ? List.of() : Arrays.asList(found);
        }
        catch (RemoteException e) {
            throw Faults.of("listing " + type + " below " + root.getName(), e);
        }
    }

    private static VsphereException notFound(String what, String name, String where) {
        return new VsphereException(what + " " + name + " not found in " + where, Optional.empty());
    }

    private static List<VirtualDevice> devices(VirtualMachineConfigInfo config) {
        VirtualDevice[] devices = config.getHardware().getDevice();
        return devices == null ? List.of() : Arrays.asList(devices);
    }

    private static List<VmNic> nics(VirtualMachineConfigInfo config) {
        List<VmNic> nics = new ArrayList<>();
        for (VirtualDevice device : devices(config)) {
            if (device instanceof VirtualEthernetCard card && card.getBacking() instanceof VirtualEthernetCardNetworkBackingInfo backing) {
                nics.add(new VmNic(MacAddress.parse("mac_address", card.getMacAddress()), backing.getDeviceName()));
            }
        }
        return nics;
    }

    /** Every entry, the last of a repeated key winning (the simulator appends on reconfigure). */
    private static Map<String, String> extraConfig(VirtualMachineConfigInfo config) {
        Map<String, String> values = new LinkedHashMap<>();
        if (config.getExtraConfig() != null) {
            for (OptionValue option : config.getExtraConfig()) {
                if (option.getKey() != null && option.getValue() != null) {
                    values.put(option.getKey(), option.getValue().toString());
                }
            }
        }
        return values;
    }
}
