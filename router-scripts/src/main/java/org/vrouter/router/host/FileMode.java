package org.vrouter.router.host;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The permission bits of a written file, as an octal number ({@code 0644}). Set exactly, whatever
 * the process umask is.
 */
public record FileMode(int bits) {
    /** Readable by everyone, written by root: configuration files. */
    public static final FileMode PUBLIC = new FileMode(0644);
    /** Root only: secrets (VPN keys, chap-secrets, passwords). */
    public static final FileMode SECRET = new FileMode(0600);
    /** Scripts. */
    public static final FileMode EXECUTABLE = new FileMode(0755);

    private static final PosixFilePermission[] BY_BIT = {
        PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
        PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
        PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
    };

    public FileMode {
        if (bits < 0 || bits > 0777) {
            throw new IllegalArgumentException("file mode must be between 0 and 0777: 0" + Integer.toOctalString(bits));
        }
    }

    public static FileMode of(int bits) {
        return new FileMode(bits);
    }

    public Set<PosixFilePermission> permissions() {
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BY_BIT.length; bit++) {
            if ((bits & (1 << bit)) != 0) {
                permissions.add(BY_BIT[bit]);
            }
        }
        return permissions;
    }

    @Override
    public String toString() {
        return String.format("%04o", bits);
    }
}
