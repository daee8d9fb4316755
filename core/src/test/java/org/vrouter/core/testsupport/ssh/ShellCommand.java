package org.vrouter.core.testsupport.ssh;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;

/**
 * Runs a command line as {@code /bin/sh -c} in the fake router's root, with {@code ROUTER_ROOT}
 * set to it; {@code /opt/cloud/bin/} is mapped under it so a test can install stand-ins for the
 * router scripts. Standard input is {@code /dev/null}.
 */
public final class ShellCommand extends ExecCommand {
    private static final String SCRIPTS = "/opt/cloud/bin/";

    private final Path root;
    private final String commandLine;
    private volatile Process process;

    public ShellCommand(Path root, String commandLine) {
        this.root = root;
        this.commandLine = commandLine.startsWith(SCRIPTS) ? root + SCRIPTS + commandLine.substring(SCRIPTS.length()) : commandLine;
    }

    @Override
    public void start(ChannelSession channel, Environment env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", commandLine).directory(root.toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().put("ROUTER_ROOT", root.toString());
        process = builder.start();
        Thread copyErr = pump(process.getErrorStream(), err);
        Thread waiter = new Thread(() -> {
            try {
                process.getInputStream().transferTo(out);
                copyErr.join();
                out.flush();
                err.flush();
                exit.onExit(process.waitFor());
            }
            catch (IOException e) {
                exit.onExit(255, e.toString());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit.onExit(255, "interrupted");
            }
        }, "fake-router-shell");
        waiter.setDaemon(true);
        waiter.start();
    }

    private static Thread pump(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            try {
                from.transferTo(to);
            }
            catch (IOException e) {
                // the channel closed under us; the process is being destroyed
            }
        }, "fake-router-stderr");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    @Override
    public void destroy(ChannelSession channel) {
        Process running = process;
        if (running != null && running.isAlive()) {
            running.descendants().forEach(ProcessHandle::destroyForcibly);
            running.destroyForcibly();
        }
    }
}
