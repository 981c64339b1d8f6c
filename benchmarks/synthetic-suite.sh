# Sourced by the whole-command benchmarks (whole-command.sh, workers.sh): write_suite N FOLDER.
# A valid suite of $1 tasks in folder $2: each a short memo request with a baseline and a rubric.
write_suite() {
  local count="$1" root="$2" i id folder
  mkdir -p "$root/tasks"
  printf '{"name": "bench", "version": "1.0", "format_version": 1}\n' >"$root/suite.json"
  for ((i = 1; i <= count; i++)); do
    printf -v id 'T%05d' "$i"
    folder="$root/tasks/$id"
    mkdir "$folder"
    printf '# Memo %s\n\nThe professional memo.\n' "$id" >"$folder/baseline.md"
    printf '{"id": "%s", "title": "Memo %s", "occupation": {"title": "Accountants and Auditors", "soc": "13-2011.00"},
 "sector": "Finance and Insurance", "request": {"from": "Director", "text": "Task %s: write a one-page memo on the quarter."},
 "deliverable": {"formats": ["md"]}, "baseline": {"files": ["baseline.md"], "minutes": 60, "hourly_wage_usd": 50},
 "rubric": [{"id": "memo", "criterion": "It is a memo.", "points": 1}]}\n' "$id" "$id" "$id" >"$folder/task.json"
  done
}
