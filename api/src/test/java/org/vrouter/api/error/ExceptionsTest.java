package org.vrouter.api.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.vrouter.api.command.Answer;
import org.vrouter.api.command.Command;
import org.vrouter.api.error.VrouterException.Category;

class ExceptionsTest {
    private record PingCommand() implements Command {
    }

    @Test
    void eachExceptionCarriesItsCategory() {
        assertThat(new ResourceUnavailableException("no router").category()).isEqualTo(Category.RESOURCE_UNAVAILABLE);
        assertThat(new AgentUnavailableException(3, "not connected").category()).isEqualTo(Category.RESOURCE_UNAVAILABLE);
        assertThat(new InsufficientCapacityException("host", "no host for r-5-VM").category()).isEqualTo(Category.INSUFFICIENT_CAPACITY);
        assertThat(new ConcurrentOperationException("locked").category()).isEqualTo(Category.CONCURRENT_OPERATION);
        assertThat(InvalidStateException.transition("router r-5-VM", "Stopped", "Running").category()).isEqualTo(Category.INVALID_STATE);
        assertThat(new OperationTimedOutException("CheckSshCommand", Duration.ofSeconds(3)).category()).isEqualTo(Category.TIMEOUT);
        assertThat(new CommandFailedException(new PingCommand(), Answer.failure("boom")).category()).isEqualTo(Category.OPERATION_FAILED);
    }

    @Test
    void agentUnavailableIsAResourceUnavailableNamingTheHost() {
        AgentUnavailableException e = new AgentUnavailableException(42, "no resource registered");
        assertThat(e).isInstanceOf(ResourceUnavailableException.class).hasMessage("host 42: no resource registered");
        assertThat(e.hostId()).isEqualTo(42);
    }

    @Test
    void resourceUnavailableNamesTheRouterWhenOneIsTheCause() {
        ResourceUnavailableException e = ResourceUnavailableException.forRouter("r-5-VM", "requires upgrade");
        assertThat(e).hasMessage("r-5-VM: requires upgrade");
        assertThat(e.routerName()).hasValue("r-5-VM");
        assertThat(new ResourceUnavailableException("no router").routerName()).isEmpty();
    }

    @Test
    void invalidStateNamesObjectFromAndTo() {
        InvalidStateException e = InvalidStateException.transition("router r-5-VM", "Destroyed", "Starting");
        assertThat(e).hasMessage("router r-5-VM: illegal state transition from Destroyed to Starting");
        assertThat(e.object()).isEqualTo("router r-5-VM");
        assertThat(e.from()).isEqualTo("Destroyed");
        assertThat(e.to()).hasValue("Starting");
        InvalidStateException refused = InvalidStateException.operation("router r-5-VM", "Starting", "apply rules");
        assertThat(refused).hasMessage("router r-5-VM: cannot apply rules in state Starting");
        assertThat(refused.to()).isEmpty();
    }

    @Test
    void commandFailedCarriesTheRealCommandClassAndDetails() {
        CommandFailedException e = new CommandFailedException("r-5-VM", new PingCommand(), Answer.failure("exit 1: dnsmasq --test failed\n"));
        assertThat(e.commandClass()).isEqualTo(PingCommand.class.getName());
        assertThat(e.details()).isEqualTo("exit 1: dnsmasq --test failed\n");
        assertThat(e).hasMessage("r-5-VM: PingCommand failed: exit 1: dnsmasq --test failed");
        assertThat(e.routerName()).hasValue("r-5-VM");
        assertThat(e.commandId()).isEmpty();
    }

    @Test
    void commandFailedNamesTheCommandsIdInItsBatch() {
        CommandFailedException e = new CommandFailedException("r-5-VM", "dhcp:204", new PingCommand(), Answer.failure("exit 1"));
        assertThat(e).hasMessage("r-5-VM: PingCommand (dhcp:204) failed: exit 1");
        assertThat(e.commandId()).hasValue("dhcp:204");
    }

    @Test
    void commandFailedRefusesASuccessfulAnswer() {
        assertThatThrownBy(() -> new CommandFailedException(new PingCommand(), Answer.success("ok")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void timeoutNamesOperationAndBound() {
        OperationTimedOutException e = new OperationTimedOutException("CheckSshCommand on host 3", Duration.ofSeconds(30));
        assertThat(e).hasMessage("CheckSshCommand on host 3 did not finish within 30000 ms");
        assertThat(e.timeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void staleVersionSaysWhatWasReadAndWhatIsStored() {
        assertThat(ConcurrentOperationException.staleVersion("router r-5-VM", 3, 4))
                .hasMessage("router r-5-VM was changed by another operation (read version 3, now at 4)");
    }

    @Test
    void invalidParameterCanBeNestedAndRenamed() {
        InvalidParameterException e = new InvalidParameterException("protocol", "unknown protocol", "sctp");
        assertThat(e.within("rules[2].")).hasMessage("rules[2].protocol: unknown protocol: 'sctp'");
        assertThat(e.within("rules[2].").field()).isEqualTo("rules[2].protocol");
        assertThat(e.withField("proto")).hasMessage("proto: unknown protocol: 'sctp'");
    }
}
