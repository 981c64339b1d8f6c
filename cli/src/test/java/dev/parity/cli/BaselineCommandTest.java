package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
  @TempDir Path root;

  Path people() throws Exception {
    return Files.writeString(root.resolve("people.csv"), """
        id,display_name,email,occupations,role,hourly_wage
        acc-pro,Ann,ann@example.org,Accountants and Auditors,professional,48
        rn-pro,Cy,cy@example.org,Registered Nurses,professional; grader,39.5
        acc-1,Bo,bo@example.org,13-2011.00,grader,
        lead,Dee,dee@example.org,,admin,
        """);
  }

  CommandRun baseline(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "baseline";
    all[1] = args[0];
    all[2] = "--db";
    all[3] = root.resolve("parity.db").toString();
    System.arraycopy(args, 1, all, 4, args.length - 1);
    return CommandRun.of(all);
  }

  @Test
  void createsARunOfProfessionalsNamedAfterTheCampaign() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(root.resolve("suite")));

    CommandRun created = baseline("create", "--suite", suite.toString(), "--people", people().toString(),
        "--name", "q3-baselines", "--seed", "7");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created baseline campaign q3-baselines (seed 7): 2 tasks, 2 pieces of work"
        + " for 2 professionals; run q3-baselines.")
        .contains("  acc-pro: expenses").contains("  rn-pro: handout");
    CommandRun runs = CommandRun.of("runs", "--db", root.resolve("parity.db").toString());
    assertThat(runs.out()).contains("q3-baselines");
  }

  @Test
  void aTaskNoProfessionalCanTakeIsRefusedWithNothingStored() throws Exception {
    Path suite = TestSuites.valid(Files.createDirectories(root.resolve("suite")));

    CommandRun created = baseline("create", "--suite", suite.toString(), "--people", people().toString(),
        "--name", "c", "--per-task", "2", "--seed", "1");

    assertThat(created.exitCode()).isEqualTo(1);
    assertThat(created.err()).contains("task expenses (Accountants and Auditors): 1 professionals")
        .contains("2 needed");
    assertThat(CommandRun.of("runs", "--db", root.resolve("parity.db").toString()).out()).doesNotContain(" c ");
  }
}
