#!/bin/sh
# /opt/cloud/bin/checkrouter.sh on a vrouter router: CheckRouterCommand's script. Prints the VRRP state the
# router's last transition recorded (vrouter redundancy-state, keepalived's notify hook), as CloudStack's
# checkrouter.sh does: "Status: PRIMARY", "Status: BACKUP" or "Status: FAULT"; "Status: UNKNOWN" when no
# transition happened since boot (not a redundant router, or keepalived has not spoken yet).
# VROUTER_ROOT names a root other than /.
state=$(head -n 1 "${VROUTER_ROOT%/}/run/vrouter/redundant_state" 2>/dev/null)
case $state in PRIMARY|BACKUP|FAULT) ;; *) state=UNKNOWN ;; esac
echo "Status: $state"
