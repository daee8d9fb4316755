package org.vrouter.hypervisor.kvm.libvirt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.libvirt.Connect;
import org.libvirt.Domain;
import org.libvirt.DomainInfo;
import org.libvirt.Error;
import org.libvirt.ErrorCallback;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One libvirt connection ({@code qemu:///system}, {@code qemu+ssh://host/system},
 * {@code test:///default}) through libvirt-java, with domains addressed by name. Every failure is a
 * {@link LibvirtOperationException} naming the operation and the domain with libvirt's message;
 * libvirt's habit of printing every error to stderr is switched off (the exception still comes).
 *
 * <p>Thread-safe: libvirt connections are. Each call looks the domain up afresh, so a domain
 * removed behind our back is simply missing.
 */
public final class LibvirtConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LibvirtConnection.class);
    /** Held for the JVM's lifetime: libvirt keeps a pointer to it. */
    private static final ErrorCallback SILENT = new ErrorCallback();
    private static final String NO_DOMAIN = "VIR_ERR_NO_DOMAIN";

    private final Connect connect;
    private final String uri;

    private LibvirtConnection(Connect connect, String uri) {
        this.connect = connect;
        this.uri = uri;
    }

    /**
     * Opens a read-write connection to {@code uri}.
     *
     * @throws LibvirtOperationException when libvirt refuses (unknown driver, no daemon, no permission)
     * @throws UnsatisfiedLinkError when libvirt's library ({@code libvirt0}) is not installed
     */
    public static LibvirtConnection open(String uri) {
        requireNonNull(uri, "uri is null");
        try {
            Connect.setErrorCallback(SILENT);
            Connect connect = new Connect(uri, false);
            connect.setConnectionErrorCallback(SILENT);
            log.info("connected to libvirt at {}", uri);
            return new LibvirtConnection(connect, uri);
        }
        catch (LibvirtException e) {
            throw failure("connect to " + uri, "-", e);
        }
    }

    public String uri() {
        return uri;
    }

    /** The state of domain {@code name}; empty when libvirt has no such domain. */
    public Optional<DomainState> state(String name) {
        return withDomain("getInfo", name, domain -> stateOf(domain.getInfo().state));
    }

    /** Whether domain {@code name} exists and is persistent (defined); false when missing. */
    public boolean isPersistent(String name) {
        return withDomain("isPersistent", name, domain -> domain.isPersistent() == 1).orElse(false);
    }

    /** The names of every domain, running or defined, sorted. */
    public List<String> domainNames() {
        try {
            TreeSet<String> names = new TreeSet<>(List.of(connect.listDefinedDomains()));
            for (int id : connect.listDomains()) {
                try {
                    names.add(connect.domainLookupByID(id).getName());
                }
                catch (LibvirtException e) {
                    if (!isMissing(e)) {
                        throw e;
                    }
                }
            }
            return new ArrayList<>(names);
        }
        catch (LibvirtException e) {
            throw failure("listDomains", "*", e);
        }
    }

    /** Creates and starts a transient domain from {@code xml} ({@code domainCreateXML}): it vanishes when it stops. */
    public void createTransient(String name, String xml) {
        try {
            connect.domainCreateXML(xml, 0);
        }
        catch (LibvirtException e) {
            throw failure("domainCreateXML", name, e);
        }
    }

    /** Defines a persistent domain from {@code xml} and starts it ({@code domainDefineXML} + {@code create}). */
    public void defineAndStart(String name, String xml) {
        Domain domain;
        try {
            domain = connect.domainDefineXML(xml);
        }
        catch (LibvirtException e) {
            throw failure("domainDefineXML", name, e);
        }
        try {
            domain.create();
        }
        catch (LibvirtException e) {
            throw failure("create", name, e);
        }
    }

    /** Asks the guest to shut down (ACPI); returns at once. */
    public void shutdown(String name) {
        require("shutdown", name, domain -> {
            domain.shutdown();
            return true;
        });
    }

    /** Powers the domain off at once. */
    public void destroy(String name) {
        require("destroy", name, domain -> {
            domain.destroy();
            return true;
        });
    }

    /** Removes a persistent domain's definition (a running one keeps running, as transient). */
    public void undefine(String name) {
        require("undefine", name, domain -> {
            domain.undefine();
            return true;
        });
    }

    /** The live XML of the domain. */
    public String xml(String name) {
        return require("getXMLDesc", name, domain -> domain.getXMLDesc(0));
    }

    /** Hot-plugs the device in {@code xml} into the running domain. */
    public void attachDevice(String name, String xml) {
        require("attachDevice", name, domain -> {
            domain.attachDevice(xml);
            return true;
        });
    }

    /** Hot-unplugs the device in {@code xml} from the running domain. */
    public void detachDevice(String name, String xml) {
        require("detachDevice", name, domain -> {
            domain.detachDevice(xml);
            return true;
        });
    }

    /** Sends one QEMU guest-agent command ({@code qemuAgentCommand}) and returns the agent's JSON reply. */
    public String agentCommand(String name, String json, int timeoutSeconds) {
        return require("qemuAgentCommand", name, domain -> domain.qemuAgentCommand(json, timeoutSeconds, 0));
    }

    @Override
    public void close() {
        try {
            connect.close();
        }
        catch (LibvirtException e) {
            throw failure("close " + uri, "-", e);
        }
    }

    @Override
    public String toString() {
        return "LibvirtConnection[" + uri + "]";
    }

    @FunctionalInterface
    private interface DomainCall<T> {
        T apply(Domain domain) throws LibvirtException;
    }

    private <T> T require(String operation, String name, DomainCall<T> call) {
        return withDomain(operation, name, call).orElseThrow(() -> new LibvirtOperationException(operation, name, NO_DOMAIN,
                "Domain not found: no domain with matching name '" + name + "'", null));
    }

    /** Looks {@code name} up and applies {@code call}; empty when the domain does not exist (or vanished meanwhile). */
    private <T> Optional<T> withDomain(String operation, String name, DomainCall<T> call) {
        requireNonNull(name, "name is null");
        Domain domain;
        try {
            domain = connect.domainLookupByName(name);
        }
        catch (LibvirtException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw failure("domainLookupByName", name, e);
        }
        try {
            return Optional.of(call.apply(domain));
        }
        catch (LibvirtException e) {
            throw failure(operation, name, e);
        }
    }

    private static DomainState stateOf(DomainInfo.DomainState state) {
        return switch (state) {
            case VIR_DOMAIN_RUNNING, VIR_DOMAIN_BLOCKED -> DomainState.RUNNING;
            case VIR_DOMAIN_PAUSED, VIR_DOMAIN_PMSUSPENDED -> DomainState.PAUSED;
            case VIR_DOMAIN_SHUTDOWN -> DomainState.SHUTTING_DOWN;
            case VIR_DOMAIN_SHUTOFF -> DomainState.SHUT_OFF;
            case VIR_DOMAIN_CRASHED -> DomainState.CRASHED;
            case VIR_DOMAIN_NOSTATE -> DomainState.OTHER;
        };
    }

    private static boolean isMissing(LibvirtException e) {
        return e.getError() != null && e.getError().getCode() == Error.ErrorNumber.VIR_ERR_NO_DOMAIN;
    }

    private static LibvirtOperationException failure(String operation, String name, LibvirtException e) {
        Error error = e.getError();
        String code = error == null || error.getCode() == null ? "" : error.getCode().name();
        String message = error == null || error.getMessage() == null ? String.valueOf(e.getMessage()) : error.getMessage();
        return new LibvirtOperationException(operation, name, code, message.strip(), e);
    }
}
