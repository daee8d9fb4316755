package org.vrouter.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.vrouter.api.error.InvalidParameterException;
import org.vrouter.api.net.IpAddress;
import org.vrouter.api.router.RedundantState;
import org.vrouter.api.vm.PowerState;

class AnswersTest {
    @Test
    void checkRouterReadsPrimaryBackupAndFault() {
        assertThat(CheckRouterAnswer.fromScriptOutput("Status: PRIMARY\n").state()).isEqualTo(RedundantState.PRIMARY);
        assertThat(CheckRouterAnswer.fromScriptOutput("Status: BACKUP").state()).isEqualTo(RedundantState.BACKUP);
        assertThat(CheckRouterAnswer.fromScriptOutput("Status: FAULT").state()).isEqualTo(RedundantState.FAULT);
    }

    @Test
    void checkRouterReadsMasterAsPrimary() {
        CheckRouterAnswer answer = CheckRouterAnswer.fromScriptOutput("Status: MASTER");

        assertThat(answer.state()).isEqualTo(RedundantState.PRIMARY);
        assertThat(answer.success()).isTrue();
    }

    @Test
    void checkRouterFindsTheStatusLineAmongOthers() {
        assertThat(CheckRouterAnswer.fromScriptOutput("keepalived running\nStatus: BACKUP since 10:00\n").state())
                .isEqualTo(RedundantState.BACKUP);
    }

    @Test
    void checkRouterTurnsGarbageIntoUnknown() {
        assertThat(CheckRouterAnswer.fromScriptOutput("Status: SOMETHING").state()).isEqualTo(RedundantState.UNKNOWN);
        assertThat(CheckRouterAnswer.fromScriptOutput("garbage").state()).isEqualTo(RedundantState.UNKNOWN);
        assertThat(CheckRouterAnswer.fromScriptOutput("").state()).isEqualTo(RedundantState.UNKNOWN);
        assertThat(CheckRouterAnswer.fromScriptOutput("Status:").state()).isEqualTo(RedundantState.UNKNOWN);
        assertThat(CheckRouterAnswer.fromScriptOutput("My Status: PRIMARY").state()).isEqualTo(RedundantState.UNKNOWN);
    }

    @Test
    void failedCheckRouterAnswerIsUnknown() {
        assertThat(CheckRouterAnswer.failure("ssh: connect timed out").state()).isEqualTo(RedundantState.UNKNOWN);
        assertThat(catchThrowableOfType(InvalidParameterException.class,
                () -> new CheckRouterAnswer(false, "x", RedundantState.PRIMARY)).field()).isEqualTo("state");
    }

    @Test
    void domRVersionSplitsTemplateAndScripts() {
        GetDomRVersionAnswer answer = GetDomRVersionAnswer.fromScriptOutput("Cloudstack Release 4.19.1 Mon Jan 1 2024&6f3a9c\n");

        assertThat(answer.success()).isTrue();
        assertThat(answer.templateVersion()).contains("Cloudstack Release 4.19.1 Mon Jan 1 2024");
        assertThat(answer.scriptsVersion()).contains("6f3a9c");
    }

    @Test
    void domRVersionFailsOnBadOutput() {
        for (String bad : List.of("4.19.1", "a&b&c", "&b", "a&", "", "  \n")) {
            GetDomRVersionAnswer answer = GetDomRVersionAnswer.fromScriptOutput(bad);

            assertThat(answer.success()).as(bad).isFalse();
            assertThat(answer.templateVersion()).as(bad).isEmpty();
            assertThat(answer.scriptsVersion()).as(bad).isEmpty();
        }
    }

    @Test
    void monitorResultsReadFailingChecksAndResultsJson() {
        String output = "FAILING CHECKS:\n"
                + "gateways_check.py, dhcp_check.py\n"
                + "disk_space_check.py\n"
                + "MONITOR RESULTS:\n"
                + "{\"basic\": {\"dhcp_check.py\": {\"success\": \"false\",\n"
                + "  \"message\": \"x\"}}}\n";

        GetRouterMonitorResultsAnswer answer = GetRouterMonitorResultsAnswer.fromScriptOutput(output);

        assertThat(answer.success()).isTrue();
        assertThat(answer.failingChecks()).containsExactly("gateways_check.py", "dhcp_check.py", "disk_space_check.py");
        assertThat(answer.monitoringResults()).isEqualTo("{\"basic\": {\"dhcp_check.py\": {\"success\": \"false\",\"message\": \"x\"}}}");
    }

    @Test
    void monitorResultsWithoutFailures() {
        GetRouterMonitorResultsAnswer answer = GetRouterMonitorResultsAnswer.fromScriptOutput("FAILING CHECKS:\n\nMONITOR RESULTS:\n{}\n");

        assertThat(answer.failingChecks()).isEmpty();
        assertThat(answer.monitoringResults()).isEqualTo("{}");
    }

    @Test
    void emptyMonitorOutputIsAFailure() {
        GetRouterMonitorResultsAnswer answer = GetRouterMonitorResultsAnswer.fromScriptOutput("");

        assertThat(answer.success()).isFalse();
        assertThat(answer.details()).isEqualTo("No results available.");
    }

    @Test
    void groupAnswerCountMustMatchResults() {
        GroupAnswer answer = GroupAnswer.of(true, List.of("null - success: ", "null - success: done"));

        assertThat(answer.count()).isEqualTo(2);
        assertThat(answer.details()).isEqualTo("null - success: \nnull - success: done");
        assertThat(catchThrowableOfType(InvalidParameterException.class, () -> new GroupAnswer(true, 3, List.of("a", "b"))).field())
                .isEqualTo("results");
    }

    @Test
    void s2sConnectionsParseEntriesAndSkipGarbage() {
        CheckS2SVpnConnectionsAnswer answer = CheckS2SVpnConnectionsAnswer.fromScriptOutput(
                "198.51.100.7:0:IPsec SA established&198.51.100.8:1:no SA&junk&300.1.1.1:0:x&");

        assertThat(answer.isIpPresent(IpAddress.parse("198.51.100.7"))).isTrue();
        assertThat(answer.isConnected(IpAddress.parse("198.51.100.7"))).isTrue();
        assertThat(answer.isConnected(IpAddress.parse("198.51.100.8"))).isFalse();
        assertThat(answer.isIpPresent(IpAddress.parse("198.51.100.9"))).isFalse();
        assertThat(answer.peers()).hasSize(2);
        assertThat(answer.peers().get(IpAddress.parse("198.51.100.8")).detail()).isEqualTo("no SA");
    }

    @Test
    void vmAnswersCarryTheirState() {
        assertThat(CheckVirtualMachineAnswer.of(PowerState.ON).state()).isEqualTo(PowerState.ON);
        assertThat(CheckVirtualMachineAnswer.failure("host down").state()).isEqualTo(PowerState.UNKNOWN);
        assertThat(CheckSshAnswer.reachable().success()).isTrue();
        assertThat(CheckSshAnswer.unreachable("refused").success()).isFalse();
        assertThat(StartAnswer.runningElsewhere("already running", "host-guid-7").hostGuid()).contains("host-guid-7");
        assertThat(StartAnswer.started().success()).isTrue();
    }
}
