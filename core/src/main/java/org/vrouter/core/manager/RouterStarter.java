package org.vrouter.core.manager;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vrouter.api.agent.AgentManager;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Commands;
import org.vrouter.api.error.CommandFailedException;
import org.vrouter.api.error.ResourceUnavailableException;
import org.vrouter.api.net.BroadcastUri;
import org.vrouter.api.net.MacAddress;
import org.vrouter.api.network.ServiceOffering;
import org.vrouter.api.router.DomainRouter;
import org.vrouter.api.router.NetworkConfiguration;
import org.vrouter.api.router.NetworkConfigurationSource;
import org.vrouter.api.router.RouterDao;
import org.vrouter.api.router.RouterDeployment;
import org.vrouter.api.router.RouterState;
import org.vrouter.api.router.VirtualRouterGuru;
import org.vrouter.api.vm.Nic;
import org.vrouter.api.vm.VirtualMachineProfile;
import org.vrouter.api.vm.VmTemplate;
import org.vrouter.commands.CheckSshCommand;
import org.vrouter.commands.CommandIds;
import org.vrouter.commands.GetDomRVersionAnswer;
import org.vrouter.commands.StartCommand;
import org.vrouter.core.setup.CommandSetupHelper;

/**
 * The start sequence of one router (management-side §8), for a router already Starting and placed
 * on a host; the caller holds the router's lock:
 * <ol>
 *   <li>shape: the networks' configurations, the guru's offering, NICs and boot arguments; the
 *       router's addresses and redundant role stored from the profile;</li>
 *   <li>boot: {@code StartCommand} to the host;</li>
 *   <li>wait until the router accepts SSH ({@code CheckSshCommand}), bounded by
 *       {@link RouterManagerSettings#startWait()}, retrying with doubling pauses;</li>
 *   <li>a VPC router: plug its public and tier NICs ({@code PlugNicCommand}, see {@link VpcTiers});</li>
 *   <li>configure: the guru's start batch in one send, every answer must succeed;</li>
 *   <li>Running, with the versions {@code getDomRVersion} reported;</li>
 *   <li>a VPC router: its VPC's private gateways ({@link PrivateGateways#replay}).</li>
 * </ol>
 * Any failure after the router was stored Starting stops it (forced, once the VM may exist),
 * records it Stopped and its {@link RouterFailure}, and rethrows: a failed answer as
 * {@link CommandFailedException} naming the command's id, a router that never answers as
 * {@link ResourceUnavailableException}.
 */
final class RouterStarter {
    private static final Logger log = LoggerFactory.getLogger(RouterStarter.class);

    private final RouterDao dao;
    private final AgentManager agents;
    private final VirtualRouterGuru guru;
    private final CommandSetupHelper helper;
    private final NetworkConfigurationSource source;
    private final RouterStopper stopper;
    private final RouterRuntime runtime;
    private final VpcTiers tiers;
    private final PrivateGateways gateways;
    private final Clock clock;
    private final RouterManagerSettings settings;

    RouterStarter(ManagerParts parts, RouterStopper stopper, RouterRuntime runtime) {
        this.dao = parts.dao();
        this.agents = parts.agents();
        this.guru = parts.guru();
        this.helper = parts.helper();
        this.source = parts.source();
        this.clock = parts.clock();
        this.settings = parts.settings();
        this.stopper = requireNonNull(stopper, "stopper is null");
        this.runtime = requireNonNull(runtime, "runtime is null");
        this.tiers = new VpcTiers(parts, runtime);
        this.gateways = new PrivateGateways(parts, runtime);
    }

    /** What the guru made of the router, and the configuration it is about to replay. */
    private record Shaped(DomainRouter router, VirtualMachineProfile profile, List<NetworkConfiguration> networks) {}

    /**
     * Starts {@code router}, stored Starting with a host, for {@code deployment} (whose destination
     * is that host) and returns it as stored, Running.
     */
    DomainRouter start(DomainRouter router, RouterDeployment deployment) {
        long begin = clock.millis();
        long hostId = router.hostId().orElseThrow(() -> new IllegalArgumentException(router.displayName() + " has no host to start on"));
        boolean vmMayRun = false;
        try {
            Shaped shaped = shape(router, deployment);
            vmMayRun = true;
            boot(shaped, hostId);
            awaitReachable(shaped.router(), hostId);
            if (shaped.router().vpcId().isPresent()) {
                tiers.plugAll(shaped.router(), shaped.profile(), hostId, shaped.networks());
            }
            DomainRouter running = configure(shaped, hostId);
            VirtualMachineProfile profile = running.vpcId().isPresent() ? gateways.replay(running, shaped.profile()) : shaped.profile();
            runtime.started(running.id(), profile, deployment.destination());
            log.info("{} started on host {} in {} ms", running.displayName(), hostId, clock.millis() - begin);
            return running;
        }
        catch (RuntimeException e) {
            abort(router.id(), vmMayRun, e);
            throw e;
        }
    }

    private Shaped shape(DomainRouter router, RouterDeployment deployment) {
        VmTemplate template = settings.routerTemplate(router.hypervisorType()).orElseThrow(() -> ResourceUnavailableException.forRouter(
                router.instanceName(), "no router template is configured for " + router.hypervisorType().wireName()));
        List<NetworkConfiguration> networks = router.networkIds().stream().map(source::load).toList();
        ServiceOffering offering = guru.serviceOffering(deployment);
        List<Nic> nics = guru.planNics(router, deployment);
        VirtualMachineProfile profile = guru.finalizeVirtualMachineProfile(router, RouterVm.profile(router, nics, template, offering), deployment);
        if (router.vpcId().isPresent()) {
            profile = tiers.withPluggedNics(router, profile, deployment, networks);
        }
        DomainRouter shaped = dao.update(RouterVm.withProfile(router, profile));
        Map<BroadcastUri, MacAddress> macs = RouterVm.publicMacs(profile);
        return new Shaped(shaped, profile, networks.stream().map(network -> RouterVm.withRouterMacs(network, macs)).toList());
    }

    private void boot(Shaped shaped, long hostId) {
        StartCommand command = RouterVm.startCommand(shaped.router(), shaped.profile());
        Answer answer = agents.send(hostId, command);
        if (!answer.success()) {
            throw new CommandFailedException(shaped.router().instanceName(), "start", command, answer);
        }
    }

    /** Polls {@code CheckSshCommand} until it succeeds, pausing 1, 2, 4... times the first pause (capped), until the start wait is used up. */
    private void awaitReachable(DomainRouter router, long hostId) {
        CheckSshCommand check = helper.createCheckSshCommand(router);
        Instant deadline = clock.instant().plus(settings.startWait());
        Duration pause = settings.sshRetryInitial();
        while (true) {
            Answer answer = agents.send(hostId, check);
            if (answer.success()) {
                return;
            }
            if (!clock.instant().plus(pause).isBefore(deadline)) {
                throw ResourceUnavailableException.forRouter(router.instanceName(), "did not accept SSH on " + check.ip() + ":" + check.port()
                        + " within " + settings.startWait().toMillis() + " ms; last check: " + answer.details());
            }
            sleep(router, pause);
            pause = pause.multipliedBy(2).compareTo(settings.sshRetryMax()) > 0 ? settings.sshRetryMax() : pause.multipliedBy(2);
        }
    }

    private static void sleep(DomainRouter router, Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResourceUnavailableException(router.displayName() + ": interrupted while waiting for it to accept SSH", e);
        }
    }

    /** Sends the guru's start batch; every answer must succeed. Returns the router stored Running. */
    private DomainRouter configure(Shaped shaped, long hostId) {
        DomainRouter router = shaped.router();
        Commands batch = guru.finalizeCommandsOnStart(router, shaped.profile(), shaped.networks());
        List<Answer> answers = agents.send(hostId, batch);
        Batches.requireSuccess(router.instanceName(), batch, answers);
        DomainRouter.Builder running = router.withState(RouterState.RUNNING).toBuilder().stopPending(false);
        Batches.answer(batch, answers, CommandIds.GET_DOMR_VERSION)
                .filter(GetDomRVersionAnswer.class::isInstance)
                .map(GetDomRVersionAnswer.class::cast)
                .filter(GetDomRVersionAnswer::success)
                .ifPresent(version -> running.versions(version.templateVersion().orElseThrow(), version.scriptsVersion().orElseThrow()));
        return dao.update(running.build());
    }

    /**
     * Undoes a failed start: a forced stop once the VM may exist, then Stopped. What fails during
     * the clean-up is attached to {@code cause} as suppressed; {@code cause} is what the caller sees.
     */
    private void abort(long routerId, boolean vmMayRun, RuntimeException cause) {
        try {
            DomainRouter current = dao.findById(routerId).orElse(null);
            if (current != null) {
                if (vmMayRun) {
                    stopper.sendForcedStop(current).ifPresent(cause::addSuppressed);
                }
                if (current.state() == RouterState.STARTING) {
                    current = stopper.markStopped(current);
                }
                runtime.failed(RouterFailure.of(routerId, current.instanceName(), "start", cause, clock.instant()));
                log.warn("{} did not start and was stopped: {}", current.displayName(), cause.getMessage());
            }
        }
        catch (RuntimeException cleanup) {
            cause.addSuppressed(cleanup);
        }
    }
}
