#!/bin/sh
# /opt/cloud/bin/vr_cfg.sh on a vrouter router: CloudStack's batch entry point, same arguments
# (-c <batch file>), but it stops at the first failure with a non-zero status (0 converged,
# 1 rejected batch, 2 apply failed) instead of carrying on.
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter).
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" vr-cfg "$@"
