#!/bin/sh
# /opt/cloud/bin/checkbatchs2svpn.sh on a vrouter router: CloudStack's site-to-site tunnel check, same
# argument (the peers in one argument, "<peer1> <peer2> ") and output (<peer>:<code>:<detail> joined by
# '&', code 0 = connected), answered by "vrouter s2s-status" from strongSwan's SAs.
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter); VROUTER_ROOT a root other than /.
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" s2s-status ${VROUTER_ROOT:+--root "$VROUTER_ROOT"} -- "$@"
