package org.vrouter.hypervisor.vmware.yavijava;

import java.rmi.RemoteException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vmware.vim25.DuplicateName;
import com.vmware.vim25.FileFault;
import com.vmware.vim25.InvalidArgument;
import com.vmware.vim25.InvalidPowerState;
import com.vmware.vim25.InvalidVmConfig;
import com.vmware.vim25.LocalizableMessage;
import com.vmware.vim25.LocalizedMethodFault;
import com.vmware.vim25.MethodFault;
import com.vmware.vim25.ws.SoapFaultException;

import org.vrouter.hypervisor.vmware.vsphere.VsphereException;

/**
 * Turns what yavijava throws or a task reports into a {@link VsphereException} whose message
 * carries the fault: its type, vCenter's message and the fields that say what was wrong (the file,
 * the property, the power state). Stateless.
 */
final class Faults {
    private static final Pattern FAULT_STRING = Pattern.compile("<faultstring>([^<]*)</faultstring>");
    private static final Pattern FAULT_TYPE = Pattern.compile("<detail><\\w+ [^>]*xsi:type=\"(\\w+)\"");

    private Faults() {}

    /** {@code what} failed with {@code error} (a call's exception). */
    static VsphereException of(String what, RemoteException error) {
        if (error instanceof MethodFault fault) {
            return new VsphereException(what + " failed: " + describe(fault, Optional.empty()), Optional.of(type(fault)), error);
        }
        if (error instanceof SoapFaultException soap) {
            return new VsphereException(what + " failed: " + Optional.ofNullable(soap.getFaultString()).orElse(soap.getFaultCode()),
                    Optional.empty(), error);
        }
        Optional<String> type = unmappedFault(error, FAULT_TYPE);
        Optional<String> message = unmappedFault(error, FAULT_STRING);
        if (type.isPresent() || message.isPresent()) {
            return new VsphereException(what + " failed: " + type.orElse("fault") + message.map(text -> ": " + text).orElse(""), type, error);
        }
        return new VsphereException(what + " failed: " + connectionProblem(error), Optional.empty(), error);
    }

    /** The innermost cause (a time-out, a refused connection), which says more than yavijava's wrapper. */
    private static String connectionProblem(RemoteException error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == error ? String.valueOf(error.getMessage()) : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /**
     * yavijava cannot map every fault a server sends (the simulator's {@code InvalidLoginFault}
     * among them) and wraps the SOAP fault's XML in an exception message instead; this reads the
     * fault's type or text back out of it.
     */
    private static Optional<String> unmappedFault(Throwable error, Pattern pattern) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            Matcher matcher = pattern.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return Optional.of(matcher.group(1).strip());
            }
        }
        return Optional.empty();
    }

    /** {@code what} (a task) ended in error {@code error}. */
    static VsphereException ofTask(String what, LocalizedMethodFault error) {
        if (error == null) {
            return new VsphereException(what + " failed without a fault", Optional.empty());
        }
        MethodFault fault = error.getFault();
        Optional<String> message = Optional.ofNullable(error.getLocalizedMessage()).filter(text -> !text.isBlank());
        if (fault == null) {
            return new VsphereException(what + " failed: " + message.orElse("no fault given"), Optional.empty());
        }
        return new VsphereException(what + " failed: " + describe(fault, message), Optional.of(type(fault)));
    }

    private static String type(MethodFault fault) {
        return fault.getClass().getSimpleName();
    }

    private static String describe(MethodFault fault, Optional<String> localized) {
        List<String> parts = new ArrayList<>();
        // the simulator's localized message is only the Go type name: no news beyond the type
        localized.filter(text -> !text.endsWith("." + type(fault))).ifPresent(parts::add);
        if (fault.getFaultMessage() != null) {
            for (LocalizableMessage message : fault.getFaultMessage()) {
                Optional.ofNullable(message.getMessage()).filter(text -> !text.isBlank()).ifPresent(parts::add);
            }
        }
        details(fault).ifPresent(parts::add);
        return type(fault) + (parts.isEmpty() ? "" : ": " + String.join("; ", parts));
    }

    private static Optional<String> details(MethodFault fault) {
        if (fault instanceof FileFault file) {
            return Optional.ofNullable(file.getFile()).map(name -> "file " + name);
        }
        if (fault instanceof InvalidArgument argument) {
            return Optional.ofNullable(argument.getInvalidProperty()).map(property -> "invalid property " + property);
        }
        if (fault instanceof InvalidPowerState power) {
            return Optional.ofNullable(power.getExistingState()).map(state -> "the VM is " + state);
        }
        if (fault instanceof DuplicateName duplicate) {
            return Optional.ofNullable(duplicate.getName()).map(name -> "name " + name + " is taken");
        }
        if (fault instanceof InvalidVmConfig config) {
            return Optional.ofNullable(config.getProperty()).map(property -> "invalid property " + property);
        }
        return Optional.empty();
    }
}
