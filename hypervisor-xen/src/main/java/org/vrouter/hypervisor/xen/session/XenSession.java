package org.vrouter.hypervisor.xen.session;

import static java.util.Objects.requireNonNull;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.xmlrpc.XmlRpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.xensource.xenapi.APIVersion;
import com.xensource.xenapi.Connection;
import com.xensource.xenapi.Host;
import com.xensource.xenapi.Session;
import com.xensource.xenapi.Types;

import org.vrouter.api.secret.Secret;

/**
 * The XenAPI session of one XenServer host (or pool master), over the 8.1.0 SDK's XML-RPC
 * {@link Connection}. It logs in with a user and password on the first call and every call goes
 * through {@link #call}, which names the call in any error it raises.
 *
 * <p>A lost session (the host restarted its toolstack, the session timed out, someone logged it
 * out: {@code SESSION_INVALID}) is handled once per call: the session logs in again and the call
 * is repeated; a second failure is the caller's. Login failures are {@link XenCallException}s of
 * {@code session.login_with_password}.
 *
 * <p>Thread-safe: calls may run in parallel on the one connection; logins are serialized, and a
 * thread that finds the session already renewed by another does not log in again.
 */
public final class XenSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(XenSession.class);
    static final String LOGIN = "session.login_with_password";

    private final URL url;
    private final String user;
    private final Secret password;
    private final Connection connection;
    private final Object loginLock = new Object();
    private volatile Host thisHost;

    /** One XenAPI call on the session's connection. */
    @FunctionalInterface
    public interface Call<T> {
        T call(Connection connection) throws Types.XenAPIException, XmlRpcException;
    }

    /** A XenAPI call without a result. */
    @FunctionalInterface
    public interface Action {
        void run(Connection connection) throws Types.XenAPIException, XmlRpcException;
    }

    /**
     * A session that logs in lazily.
     *
     * @param url the host's XenAPI endpoint, {@code https://host/}
     * @param replyTimeout bound on one call's reply (the SDK's default is 600 s)
     * @param connectTimeout bound on the TCP connect (the SDK's default is 5 s)
     */
    public XenSession(URL url, String user, Secret password, Duration replyTimeout, Duration connectTimeout) {
        this.url = requireNonNull(url, "url is null");
        this.user = requireNonNull(user, "user is null");
        this.password = requireNonNull(password, "password is null");
        this.connection = new Connection(url, seconds(replyTimeout), seconds(connectTimeout));
    }

    /**
     * Runs {@code call}, logging in first if needed and once more if the host reports the session
     * lost.
     *
     * @param name the call's wire name, for errors ({@code VM.create})
     * @throws XenCallException naming {@code name} when the call fails, or the login when that does
     */
    public <T> T call(String name, Call<T> call) throws XenCallException {
        String session = ensureLoggedIn();
        try {
            return call.call(connection);
        }
        catch (Types.SessionInvalid e) {
            log.info("XenAPI session on {} lost during {}; logging in again", url.getHost(), name);
            renew(session);
            try {
                return call.call(connection);
            }
            catch (Types.XenAPIException | XmlRpcException again) {
                throw translate(name, again);
            }
        }
        catch (Types.XenAPIException | XmlRpcException e) {
            throw translate(name, e);
        }
    }

    /** As {@link #call} for a call without a result. */
    public void run(String name, Action action) throws XenCallException {
        call(name, connection -> {
            action.run(connection);
            return null;
        });
    }

    /** The host this session is logged in to ({@code session.get_this_host}), asked once. */
    public Host thisHost() throws XenCallException {
        Host host = thisHost;
        if (host == null) {
            host = call("session.get_this_host", connection -> Types.toSession(connection.getSessionReference()).getThisHost(connection));
            thisHost = host;
        }
        return host;
    }

    /** The host's address, for messages and for the SSH hop. */
    public String hostAddress() {
        return url.getHost();
    }

    /** Logs out when logged in; a failed logout is only logged (the host expires the session). */
    @Override
    public void close() {
        synchronized (loginLock) {
            if (connection.getSessionReference() == null) {
                return;
            }
            try {
                Session.logout(connection);
            }
            catch (Types.XenAPIException | XmlRpcException e) {
                log.warn("XenAPI logout from {} failed; the host will expire the session: {}", url.getHost(), e.toString());
            }
        }
    }

    private String ensureLoggedIn() throws XenCallException {
        synchronized (loginLock) {
            String session = connection.getSessionReference();
            if (session == null) {
                login();
                session = connection.getSessionReference();
            }
            return session;
        }
    }

    /** Logs in again unless another thread already replaced {@code lost}. */
    private void renew(String lost) throws XenCallException {
        synchronized (loginLock) {
            if (lost.equals(connection.getSessionReference())) {
                login();
            }
        }
    }

    private void login() throws XenCallException {
        try {
            Session.loginWithPassword(connection, user, password.reveal(), APIVersion.latest().toString());
            log.debug("logged in to XenAPI on {} as {} (API {})", url.getHost(), user, connection.getAPIVersion());
        }
        catch (Types.XenAPIException | XmlRpcException e) {
            throw translate(LOGIN, e);
        }
    }

    /** The call's failure as the host reported it: the XenAPI error code and its parameters. */
    static XenCallException translate(String name, Exception failure) {
        if (failure instanceof Types.XenAPIException xen) {
            if (xen.errorDescription != null && xen.errorDescription.length > 0) {
                List<String> description = Arrays.asList(xen.errorDescription);
                return new XenCallException(name, description.get(0), description.subList(1, description.size()), failure);
            }
            return new XenCallException(name, errorCode(xen.getClass()), parameters(xen), failure);
        }
        return new XenCallException(name, XenCallException.TRANSPORT, List.of(String.valueOf(failure.getMessage())), failure);
    }

    /** The SDK names each error class after its code: {@code VmBadPowerState} is {@code VM_BAD_POWER_STATE}. */
    static String errorCode(Class<?> type) {
        return type.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** The SDK keeps an error's parameters as public string fields of its class, in the code's parameter order. */
    private static List<String> parameters(Types.XenAPIException error) {
        List<String> values = new ArrayList<>();
        for (Field field : error.getClass().getDeclaredFields()) {
            if (Modifier.isPublic(field.getModifiers()) && field.getType() == String.class && !Modifier.isStatic(field.getModifiers())) {
                try {
                    values.add(String.valueOf(field.get(error)));
                }
                catch (IllegalAccessException e) {
                    throw new IllegalStateException("public field " + field + " is not readable", e);
                }
            }
        }
        return values;
    }

    private static int seconds(Duration timeout) {
        requireNonNull(timeout, "timeout is null");
        if (timeout.isNegative() || timeout.isZero() || timeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("XenAPI timeout must be positive: " + timeout);
        }
        return (int) Math.max(1, timeout.toSeconds());
    }

    @Override
    public String toString() {
        return "XenSession[" + user + "@" + url.getHost() + "]";
    }
}
