package org.vrouter.hypervisor.xen;

import static java.util.Objects.requireNonNull;

import java.net.MalformedURLException;
import java.net.URI;
import java.time.Duration;

import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.secret.Secret;
import org.vrouter.api.validation.FieldChecks;
import org.vrouter.core.channel.SshSettings;

/**
 * How a {@link XenRouterResource} reaches one XenServer / XCP-ng host and its routers. Defaults are
 * CloudStack's: the control network {@value #DEFAULT_LINK_LOCAL_NETWORK}, a 10 minute start
 * (polled every second), the SDK's 600 s reply and 5 s connect timeouts.
 *
 * @param url the host's XenAPI endpoint ({@code https://xen1.example/})
 * @param user the XenAPI login (CloudStack uses the host's root)
 * @param password its password; never printed
 * @param template the name label of the system-VM template every router is created from
 * @param linkLocalNetwork the name label of the host's control network, where dom0 has 169.254.0.1
 * @param defaultNetwork the name label of the physical network for a NIC without a traffic label
 * @param startTimeout bound on {@code VM.start_on}
 * @param cleanShutdownTimeout bound on a graceful stop before the VM is shut down hard, when the
 *     stop command does not bring its own
 * @param taskPollInterval how often a running task is asked for its status
 * @param replyTimeout bound on one XenAPI reply
 * @param connectTimeout bound on the TCP connect to the XenAPI endpoint
 * @param routerSsh how routers are reached for router commands: port 3922 on the router's
 *     link-local address, through a {@linkplain SshSettings#jumpHost() jump host} that must be the
 *     XenServer host (only dom0 reaches the link-local network)
 */
public record XenSettings(
        URI url,
        String user,
        Secret password,
        String template,
        String linkLocalNetwork,
        String defaultNetwork,
        Duration startTimeout,
        Duration cleanShutdownTimeout,
        Duration taskPollInterval,
        Duration replyTimeout,
        Duration connectTimeout,
        SshSettings routerSsh) {

    /** CloudStack's {@code private.linkLocal.device} default. */
    public static final String DEFAULT_LINK_LOCAL_NETWORK = "cloud_link_local_network";
    /** The name XenServer gives the pool-wide network of the first physical NIC. */
    public static final String DEFAULT_PHYSICAL_NETWORK = "Pool-wide network associated with eth0";

    public XenSettings {
        requireNonNull(url, "url is null");
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
            throw new InvalidParameterException("url", "must be an http or https URL with a host", url);
        }
        try {
            url.toURL();
        }
        catch (MalformedURLException | IllegalArgumentException e) {
            throw new InvalidParameterException("url", "not a URL: " + e.getMessage(), url);
        }
        FieldChecks.requireSafeText("user", user);
        requireNonNull(password, "password is null");
        FieldChecks.requireSafeText("template", template);
        FieldChecks.requireSafeText("link_local_network", linkLocalNetwork);
        FieldChecks.requireSafeText("default_network", defaultNetwork);
        positive("start_timeout", startTimeout);
        positive("clean_shutdown_timeout", cleanShutdownTimeout);
        positive("task_poll_interval", taskPollInterval);
        positive("reply_timeout", replyTimeout);
        positive("connect_timeout", connectTimeout);
        requireNonNull(routerSsh, "routerSsh is null");
        if (routerSsh.jumpHost().isEmpty()) {
            throw new InvalidParameterException("router_ssh.jump_host",
                    "XenServer routers answer on the link-local network only: SSH must go through the XenServer host");
        }
    }

    private static void positive(String field, Duration value) {
        requireNonNull(value, field + " is null");
        if (value.isNegative() || value.isZero()) {
            throw new InvalidParameterException(field, "must be positive", value);
        }
    }

    /** These settings with another router template. */
    public XenSettings withTemplate(String name) {
        return new XenSettings(url, user, password, name, linkLocalNetwork, defaultNetwork, startTimeout, cleanShutdownTimeout,
                taskPollInterval, replyTimeout, connectTimeout, routerSsh);
    }

    /** These settings with another password (after a rotation). */
    public XenSettings withPassword(Secret newPassword) {
        return new XenSettings(url, user, newPassword, template, linkLocalNetwork, defaultNetwork, startTimeout, cleanShutdownTimeout,
                taskPollInterval, replyTimeout, connectTimeout, routerSsh);
    }

    /** Settings with the defaults for everything but the endpoint, the login, the template and the SSH path. */
    public static Builder builder(URI url, String user, Secret password, String template, SshSettings routerSsh) {
        return new Builder(url, user, password, template, routerSsh);
    }

    @Override
    public String toString() {
        return "XenSettings[" + user + "@" + url + ", template=" + template + ", linkLocalNetwork=" + linkLocalNetwork
                + ", defaultNetwork=" + defaultNetwork + ", startTimeout=" + startTimeout + ", cleanShutdownTimeout=" + cleanShutdownTimeout
                + "]";
    }

    /** Collects settings; {@link #build()} validates them. */
    public static final class Builder {
        private final URI url;
        private final String user;
        private final Secret password;
        private final String template;
        private final SshSettings routerSsh;
        private String linkLocalNetwork = DEFAULT_LINK_LOCAL_NETWORK;
        private String defaultNetwork = DEFAULT_PHYSICAL_NETWORK;
        private Duration startTimeout = Duration.ofMinutes(10);
        private Duration cleanShutdownTimeout = Duration.ofMinutes(1);
        private Duration taskPollInterval = Duration.ofSeconds(1);
        private Duration replyTimeout = Duration.ofSeconds(600);
        private Duration connectTimeout = Duration.ofSeconds(5);

        private Builder(URI url, String user, Secret password, String template, SshSettings routerSsh) {
            this.url = requireNonNull(url, "url is null");
            this.user = requireNonNull(user, "user is null");
            this.password = requireNonNull(password, "password is null");
            this.template = requireNonNull(template, "template is null");
            this.routerSsh = requireNonNull(routerSsh, "routerSsh is null");
        }

        public Builder linkLocalNetwork(String name) {
            this.linkLocalNetwork = requireNonNull(name, "name is null");
            return this;
        }

        public Builder defaultNetwork(String name) {
            this.defaultNetwork = requireNonNull(name, "name is null");
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder cleanShutdownTimeout(Duration timeout) {
            this.cleanShutdownTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder taskPollInterval(Duration interval) {
            this.taskPollInterval = requireNonNull(interval, "interval is null");
            return this;
        }

        public Builder replyTimeout(Duration timeout) {
            this.replyTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = requireNonNull(timeout, "timeout is null");
            return this;
        }

        public XenSettings build() {
            return new XenSettings(url, user, password, template, linkLocalNetwork, defaultNetwork, startTimeout, cleanShutdownTimeout,
                    taskPollInterval, replyTimeout, connectTimeout, routerSsh);
        }
    }
}
