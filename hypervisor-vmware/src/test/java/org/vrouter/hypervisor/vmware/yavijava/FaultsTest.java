package org.vrouter.hypervisor.vmware.yavijava;

import static org.assertj.core.api.Assertions.assertThat;

import java.rmi.RemoteException;

import com.vmware.vim25.FileNotFound;
import com.vmware.vim25.InvalidLogin;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.VirtualMachinePowerState;

import org.junit.jupiter.api.Test;

import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

class FaultsTest {
    @Test
    void aFailedTaskCarriesTheFaultTypeVcentersMessageAndTheFile() {
        FileNotFound fault = new FileNotFound();
        fault.setFile("[LocalDS_0] root-1.vmdk");

        VsphereException e = Faults.ofTask("CreateVM_Task of r-1-VM", localized(fault, "File [LocalDS_0] root-1.vmdk was not found"));

        assertThat(e.getMessage()).isEqualTo("CreateVM_Task of r-1-VM failed: FileNotFound: File [LocalDS_0] root-1.vmdk was not found; "
                + "file [LocalDS_0] root-1.vmdk");
        assertThat(e.fault()).contains("FileNotFound");
    }

    @Test
    void dropsTheSimulatorsLocalizedMessageThatOnlyRepeatsTheType() {
        InvalidPowerState fault = new InvalidPowerState();
        fault.setExistingState(VirtualMachinePowerState.poweredOn);

        VsphereException e = Faults.ofTask("PowerOnVM_Task of r-1-VM", localized(fault, "*types.InvalidPowerState"));

        assertThat(e.getMessage()).isEqualTo("PowerOnVM_Task of r-1-VM failed: InvalidPowerState: the VM is poweredOn");
    }

    @Test
    void namesAMappedFaultThrownByACall() {
        VsphereException e = Faults.of("login to https://vc/sdk as admin", new InvalidLogin());

        assertThat(e.getMessage()).isEqualTo("login to https://vc/sdk as admin failed: InvalidLogin");
        assertThat(e.fault()).contains("InvalidLogin");
    }

    @Test
    void readsTheTypeAndTextOfAFaultYavijavaCouldNotMap() {
        RemoteException unmapped = new RemoteException("Exception in SoapClient.invoke:", new RuntimeException("Could not map the soap fault from:\n"
                + "<faultcode>ServerFaultCode</faultcode><faultstring>Login failure</faultstring><detail><InvalidLoginFault xmlns=\"urn:vim25\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"InvalidLogin\"></InvalidLoginFault></detail>"));

        VsphereException e = Faults.of("login to https://vc/sdk as admin", unmapped);

        assertThat(e.getMessage()).isEqualTo("login to https://vc/sdk as admin failed: InvalidLogin: Login failure");
        assertThat(e.fault()).contains("InvalidLogin");
    }

    @Test
    void keepsTheMessageOfAConnectionFailure() {
        VsphereException e = Faults.of("login to https://vc/sdk as admin", new RemoteException("Connection refused"));

        assertThat(e.getMessage()).isEqualTo("login to https://vc/sdk as admin failed: Connection refused");
        assertThat(e.fault()).isEmpty();
    }

    @Test
    void namesTheInnermostCauseOfATransportFailure() {
        RemoteException wrapped = new RemoteException("An error occurred getting a response from the connection at url https://vc/sdk",
                new java.net.SocketTimeoutException("Read timed out"));

        VsphereException e = Faults.of("PowerOnVM_Task of r-1-VM", wrapped);

        assertThat(e.getMessage()).isEqualTo("PowerOnVM_Task of r-1-VM failed: SocketTimeoutException: Read timed out");
    }

    private static LocalizedMethodFault localized(com.vmware.vim25.MethodFault fault, String message) {
        LocalizedMethodFault localized = new LocalizedMethodFault();
        localized.setFault(fault);
        localized.setLocalizedMessage(message);
        return localized;
    }
}
