# Sourced by the whole-command benchmarks: median NUMBER... prints the median of its arguments (to
# four decimals), range NUMBER... prints the smallest and the largest, "A to B".
median() {
  printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 }
    END { printf "%.4f", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

range() {
  printf '%s\n' "$@" | sort -n | awk 'NR == 1 { low = $1 } { high = $1 } END { printf "%s to %s", low, high }'
}
