#!/bin/sh
# /opt/cloud/bin/vr_cfg.sh on a vrouter router: CloudStack's batch entry point, same arguments
# (-c <batch file>), but it stops at the first failure with a non-zero status (0 converged,
# 1 rejected batch, 2 apply failed) instead of carrying on.
# A thin client of vrouterd, as update_config.py is: CloudStack's "-c FILE" goes to the daemon over its
# Unix socket (nc -U); anything else, or no daemon answering, runs the pipeline one-shot.
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter); VROUTER_ROOT a root other than /.
request=
if [ $# -eq 2 ] && [ "$1" = -c ]; then
    file=$2
    case $file in /*) ;; */*) file=$PWD/$file ;; esac
    request="vr-cfg${VROUTER_ROOT:+ --root $VROUTER_ROOT} -- -c $file"
    case ${VROUTER_ROOT:-/}:$file in [!/]*|*:|*[![:graph:]]*) request= ;; esac
fi
socket=${VROUTER_ROOT%/}/run/vrouter/vrouterd.sock
if [ -n "$request" ] && [ -S "$socket" ] && reply=$(nc -U "$socket" 2>/dev/null <<EOF
$request
EOF
); then
    status=${reply%%
*}
    case $status in "status "[0-9]|"status "[0-9][0-9]|"status "[0-9][0-9][0-9])
        [ "$reply" = "$status" ] || printf '%s\n' "${reply#*
}" >&2
        exit "${status#status }" ;;
    esac
fi
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" vr-cfg ${VROUTER_ROOT:+--root "$VROUTER_ROOT"} "$@"
