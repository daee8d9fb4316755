package org.vrouter.hypervisor.vmware.yavijava;

import java.net.MalformedURLException;
import java.rmi.RemoteException;
import java.util.Optional;

import com.vmware.vim25.mo.ServiceInstance;

import org.vrouter.hypervisor.vmware.vsphere.VsphereClient;
import org.vrouter.hypervisor.vmware.vsphere.VsphereConnector;
import org.vrouter.hypervisor.vmware.vsphere.VsphereEndpoint;
import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * Logs in to vCenter with yavijava and returns a {@link VsphereClient} for the session.
 * Requirements of the library, met by the module's dependencies: {@code jaxb-api} on the class
 * path (yavijava calls {@code javax.xml.bind.DatatypeConverter} at login; the JDK dropped JAXB in
 * 11), and a vCenter whose replies hold no element unknown to vSphere 6.0's API (yavijava's
 * reader fails on any: newer vCenters announce newer managers, and the test simulator hides them).
 * Thread-safe: each call makes its own session.
 */
public final class YavijavaConnector implements VsphereConnector {
    @Override
    public VsphereClient connect(VsphereEndpoint endpoint) throws VsphereException {
        String what = "login to " + endpoint.sdkUrl() + " as " + endpoint.user();
        int timeout = (int) endpoint.callTimeout().toMillis();
        try {
            ServiceInstance service = new ServiceInstance(endpoint.sdkUrl().toURL(), endpoint.user(), endpoint.password().reveal(),
                    endpoint.trustAnyCertificate(), timeout, timeout);
            return new YavijavaClient(service, endpoint.toString());
        }
        catch (RemoteException e) {
            throw Faults.of(what, e);
        }
        catch (MalformedURLException e) {
            throw new VsphereException(what + " failed: " + e.getMessage(), Optional.empty(), e);
        }
    }
}
