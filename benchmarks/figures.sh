# Sourced by the whole-command benchmarks, for the figures they print:
#   time_figures FILE   the wall seconds, user and system CPU seconds and peak RSS in KB of a
#                       /usr/bin/time -v report, on one line;
#   median NUMBER...    the median of its arguments, to four decimals;
#   range NUMBER...     the smallest and the largest, "A to B";
#   check_idle          stops the script, saying why, when IDLE is set to something else than
#                       seconds (call it first, before anything is written or started);
#   idle                waits IDLE seconds (the environment's, checked; none when unset) before a timed
#                       command, as a user's command comes after seconds of nothing: on a VM whose
#                       host takes freed memory back (free page reporting), a command right after
#                       another is given the memory that one freed, still backed by the host and
#                       cheap to touch, where a user's command mostly gets memory the host must back
#                       again (benchmarks/README.md, fifteenth session). 5 is enough on the
#                       machines measured there.
time_figures() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ { n = split($2, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
    /User time/ { user = $2 } /System time/ { sys = $2 }
    /Maximum resident set size/ { rss = $2 }
    END { print wall, user, sys, rss }' "$1"
}

median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { printf "%.4f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

range() {
  printf '%s\n' "$@" | sort -n | awk 'NR == 1 { low = $1 } { high = $1 } END { printf "%s to %s", low, high }'
}

check_idle() {
  if ! [[ "${IDLE:-0}" =~ ^[0-9]+([.][0-9]+)?$ ]]; then
    echo "IDLE=$IDLE is not a number of seconds (say IDLE=5)" >&2
    exit 1
  fi
}

idle() {
  if [[ "${IDLE:-0}" != 0 ]]; then
    sleep "$IDLE"
  fi
}
