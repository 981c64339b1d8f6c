package dev.parity.cli;

import dev.parity.documents.vetting.AllowList;
import dev.parity.documents.vetting.Finding;
import dev.parity.documents.vetting.Severity;
import dev.parity.documents.vetting.Vetter;
import dev.parity.tasks.vetting.SuiteFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What vetting a whole suite found: every file {@link SuiteFiles} covers (task.json and its
 * request, references, baselines, anything else in the folder), each finding either remaining or
 * allowed by an entry of the allow-list.
 *
 * @param files how many files were read
 * @param remaining the findings no entry allows, in file order
 * @param allowed the findings an entry allows, with the entry
 */
record SuiteVet(int files, List<Finding> remaining, List<Allowed> allowed) {
  record Allowed(Finding finding, AllowList.Entry entry) {}

  static SuiteVet of(Path suite, AllowList allowList) {
    List<String> names = List.copyOf(SuiteFiles.digests(suite).keySet());
    List<Finding> remaining = new ArrayList<>();
    List<Allowed> allowed = new ArrayList<>();
    for (String name : names) {
      for (Finding finding : Vetter.vet(suite.resolve(name), name)) {
        allowList.allowing(finding).ifPresentOrElse(entry -> allowed.add(new Allowed(finding, entry)),
            () -> remaining.add(finding));
      }
    }
    return new SuiteVet(names.size(), List.copyOf(remaining), List.copyOf(allowed));
  }

  /** Whether anything of high or medium severity remains: the suite is not clean. */
  boolean fails() {
    return remaining.stream().map(Finding::severity).anyMatch(Severity::fails);
  }

  long count(Severity severity) {
    return remaining.stream().filter(f -> f.severity() == severity).count();
  }
}
