# Sourced by the whole-command benchmarks: limit_cpu CPUS moves this shell, and so every process it
# starts after (Parity, the fake server), into a cgroup that may use CPUS processors' worth of time
# in each 10 ms, to stand in for a slower machine; unlimit_cpu moves it back to the cgroup it came
# from and removes the one it made.
# Needs root and the cpu controller (cgroup v2, or v1's cpu hierarchy).
#
# A quota slows the machine by stopping its processes once they have used their share of each 10
# ms, not by slowing each instruction: calibrate it with the commit issue 17's table measured
# (REFERENCE, benchmarks/README.md "A machine like the issue's"), and read only rows whose reference
# then matches the issue's figures.
limit_cpu() {
  local cpus="$1" quota
  if [[ -n "${cpu_cgroup:-}" ]]; then
    echo "$BASHPID" >"$cpu_cgroup/cgroup.procs"
    return 0
  fi
  quota="$(awk -v c="$cpus" 'BEGIN { if (c !~ /^[0-9]*\.?[0-9]+$/ || c + 0 <= 0) exit 1; printf "%d", c * 10000 }')" ||
    { echo "CPU_QUOTA must be a positive number of processors (1, 1.5), was \"$cpus\"" >&2; return 1; }
  [[ "$(id -u)" == 0 ]] || { echo "CPU_QUOTA needs root, to make a cgroup" >&2; return 1; }
  local version
  if [[ -f /sys/fs/cgroup/cgroup.controllers ]]; then
    version=2
    cpu_cgroup_parent=/sys/fs/cgroup
    cpu_cgroup_home="$cpu_cgroup_parent$(sed -n 's/^0:://p' /proc/self/cgroup)"
    grep -qw cpu "$cpu_cgroup_parent/cgroup.subtree_control" || echo +cpu >"$cpu_cgroup_parent/cgroup.subtree_control"
  elif [[ -f /sys/fs/cgroup/cpu/cpu.cfs_quota_us ]]; then
    version=1
    cpu_cgroup_parent=/sys/fs/cgroup/cpu
    cpu_cgroup_home="$cpu_cgroup_parent$(awk -F: '$2 ~ /(^|,)cpu(,|$)/ { print $3 }' /proc/self/cgroup)"
  else
    echo "CPU_QUOTA needs the cgroup cpu controller (/sys/fs/cgroup/cgroup.controllers or /sys/fs/cgroup/cpu)" >&2
    return 1
  fi
  cpu_cgroup="$cpu_cgroup_parent/parity-benchmark-$$"
  mkdir -p "$cpu_cgroup"
  if [[ "$version" == 2 ]]; then
    echo "$quota 10000" >"$cpu_cgroup/cpu.max"
  else
    echo 10000 >"$cpu_cgroup/cpu.cfs_period_us"
    echo "$quota" >"$cpu_cgroup/cpu.cfs_quota_us"
  fi
  echo "$BASHPID" >"$cpu_cgroup/cgroup.procs"
}

unlimit_cpu() {
  [[ -n "${cpu_cgroup:-}" ]] || return 0
  echo "$BASHPID" >"$cpu_cgroup_home/cgroup.procs" 2>/dev/null || echo "$BASHPID" >"$cpu_cgroup_parent/cgroup.procs" 2>/dev/null || true
  # Left behind only while a process started in it still runs; it has no other cost.
  rmdir "$cpu_cgroup" 2>/dev/null || true
  cpu_cgroup=""
}
