#!/bin/sh
# /opt/cloud/bin/update_config.py on a vrouter router: CloudStack's entry point, same arguments
# (<file> [false]), same exit status (0 converged, 1 rejected input, 2 apply failed). A POSIX shell
# script despite its name: CloudStack runs it by path, never through python.
# A thin client of vrouterd: one request line over its Unix socket (nc -U, netcat-openbsd), whose reply
# is "status N" then the text for stderr (docs/architecture.md). With no daemon answering, or an
# argument the line cannot carry, it runs the pipeline one-shot instead: the same run, only slower.
# VROUTER names the vrouter launcher (default /opt/vrouter/bin/vrouter); VROUTER_ROOT a root other than /.
request="update-config${VROUTER_ROOT:+ --root $VROUTER_ROOT}${DEFER_CONFIG:+ --defer-config} --"
case ${VROUTER_ROOT:-/} in [!/]*|*[![:graph:]]*) request= ;; esac
for arg; do
    case $arg in ''|*[![:graph:]]*) request= ;; /*) ;; */*) arg=$PWD/$arg ;; esac
    request=${request:+$request $arg}
done
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
exec "${VROUTER:-/opt/vrouter/bin/vrouter}" update-config ${VROUTER_ROOT:+--root "$VROUTER_ROOT"} -- "$@"
