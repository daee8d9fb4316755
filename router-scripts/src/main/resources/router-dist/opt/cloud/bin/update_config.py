#!/bin/sh
# /opt/cloud/bin/update_config.py on a vrouter router: CloudStack's entry point, same arguments
# (<file> [false]), same exit status (0 converged, 1 rejected input, 2 apply failed). A POSIX shell
# script despite its name: CloudStack runs it by path, never through python.
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter).
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" update-config -- "$@"
