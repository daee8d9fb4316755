package org.vrouter.hypervisor.vmware;

import java.net.URI;
import java.rmi.RemoteException;
import java.util.List;

import com.vmware.vim25.FileBackedVirtualDiskSpec;
import com.vmware.vim25.HostNetworkPolicy;
import com.vmware.vim25.HostPortGroupSpec;
import com.vmware.vim25.mo.Datacenter;
import com.vmware.vim25.mo.HostSystem;
import com.vmware.vim25.mo.InventoryNavigator;
import com.vmware.vim25.mo.ServiceInstance;
import com.vmware.vim25.mo.Task;

/**
 * What an operator prepares on vCenter before routers start, done on the simulator with yavijava
 * directly: standard port groups on the host's {@code vSwitch0} and volume disks on the datastore.
 */
final class SimulatorInventory implements AutoCloseable {
    private final ServiceInstance service;

    private SimulatorInventory(ServiceInstance service) {
        this.service = service;
    }

    static SimulatorInventory connect(URI sdkUrl) throws Exception {
        return new SimulatorInventory(new ServiceInstance(sdkUrl.toURL(), VcSimulator.USER, VcSimulator.PASSWORD, true, 10_000, 10_000));
    }

    /** Adds standard port groups {@code names} to {@code vSwitch0} of {@code host}. */
    void addPortGroups(String host, List<String> names) throws RemoteException {
        HostSystem system = (HostSystem) new InventoryNavigator(service.getRootFolder()).searchManagedEntity("HostSystem", host);
        for (String name : names) {
            HostPortGroupSpec spec = new HostPortGroupSpec();
            spec.setName(name);
            spec.setVswitchName("vSwitch0");
            spec.setVlanId(0);
            spec.setPolicy(new HostNetworkPolicy());
            system.getHostNetworkSystem().addPortGroup(spec);
        }
    }

    /** Creates a 1 MiB thin disk at {@code datastorePath} ({@code [LocalDS_0] volumes/root-1.vmdk}). */
    void createDisk(String datastorePath) throws Exception {
        Datacenter datacenter = (Datacenter) new InventoryNavigator(service.getRootFolder()).searchManagedEntity("Datacenter",
                VcSimulator.DATACENTER);
        FileBackedVirtualDiskSpec spec = new FileBackedVirtualDiskSpec();
        spec.setDiskType("thin");
        spec.setAdapterType("lsiLogic");
        spec.setCapacityKb(1024);
        Task task = service.getVirtualDiskManager().createVirtualDisk_Task(datastorePath, datacenter, spec);
        String result = task.waitForTask();
        if (!Task.SUCCESS.equals(result)) {
            throw new IllegalStateException("creating " + datastorePath + ": " + task.getTaskInfo().getError().getLocalizedMessage());
        }
    }

    @Override
    public void close() {
        service.getServerConnection().logout();
    }
}
