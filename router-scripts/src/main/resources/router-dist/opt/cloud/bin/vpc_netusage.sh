#!/bin/sh
# /opt/cloud/bin/vpc_netusage.sh on a vrouter router: CloudStack's byte counters of a VPC router's public
# interface, same flags (-c|-g|-r -l <public ip> [-v <vpc cidr>]) and output (<sent>:<received>: from
# NETWORK_STATS_<dev> of the interface holding the public ip), answered by "vrouter vpc-netusage".
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter); VROUTER_ROOT a root other than /.
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" vpc-netusage ${VROUTER_ROOT:+--root "$VROUTER_ROOT"} -- "$@"
