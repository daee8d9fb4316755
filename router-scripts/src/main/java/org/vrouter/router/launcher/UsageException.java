package org.vrouter.router.launcher;

/** A command line the subcommand cannot run: unknown option, missing value, wrong file. Exit status 64. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
