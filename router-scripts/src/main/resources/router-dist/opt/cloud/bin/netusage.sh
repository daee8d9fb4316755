#!/bin/sh
# /opt/cloud/bin/netusage.sh on a vrouter router: CloudStack's byte counters of an isolated router, same
# flags (-c create, -g get, -r reset) and output (<bytes>: per NETWORK_STATS rule, <sent>:<received>: per
# pair; -r prints the counters it zeroed), answered by "vrouter netusage".
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter); VROUTER_ROOT a root other than /.
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" netusage ${VROUTER_ROOT:+--root "$VROUTER_ROOT"} -- "$@"
