#!/usr/bin/env bash
# Runs one test under strace, logging every program it starts and every file it opens into $1, so that
# check_setup_closure.sh runtime can check that ./workbench setup installs all of them. Exit status: the test's.
trace="$1"
shift
exec strace -f -qq --seccomp-bpf -e trace=execve,openat -e status=successful -o "$trace" -- "$@"
