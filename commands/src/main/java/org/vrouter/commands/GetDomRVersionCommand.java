package org.vrouter.commands;

/**
 * Asks a router for its template and scripts versions: CloudStack's {@code GetDomRVersionCmd}, a
 * query sent at start with {@code Commands} id {@code getDomRVersion}. The resource runs
 * {@code /opt/cloud/bin/get_template_version.sh}; {@link GetDomRVersionAnswer#fromScriptOutput}
 * parses its {@code <template>&<scripts>} output.
 */
public record GetDomRVersionCommand(AccessDetails accessDetails) implements NetworkElementCommand {
    public GetDomRVersionCommand {
        CommandChecks.requireRouter(accessDetails);
    }

    @Override
    public boolean isQuery() {
        return true;
    }
}
