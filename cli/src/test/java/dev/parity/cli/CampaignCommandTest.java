package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignCommandTest {
  @TempDir Path root;

  Path suite() throws Exception {
    Path suite = Files.createDirectories(root.resolve("suite"));
    TestSuites.valid(suite);
    for (String model : List.of("model-x", "model-y")) {
      for (String task : List.of("expenses", "handout")) {
        Path folder = Files.createDirectories(root.resolve("out").resolve(model).resolve(task));
        Files.writeString(folder.resolve("answer.md"), "# Answer of " + task + "\n\nAll figures are in.\n");
      }
    }
    Files.writeString(root.resolve("graders.csv"), """
        id,display_name,email,occupations,role
        acc-1,Ann,ann@example.org,Accountants and Auditors,grader
        acc-2,Bo,bo@example.org,13-2011.00,grader
        rn-1,Cy,cy@example.org,Registered Nurses; Accountants and Auditors,grader
        rn-2,Di,di@example.org,29-1141.00,grader
        lead,Dee,dee@example.org,,admin
        """);
    return suite;
  }

  CommandRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add(1, "--db");
    all.add(2, root.resolve("parity.db").toString());
    return CommandRun.of(all.toArray(String[]::new));
  }

  @Test
  void createsACampaignShowsItsStatusAndRoundTripsAnOfflinePacket() throws Exception {
    Path suite = suite();
    CommandRun created = CommandRun.of("campaign", "create", "--db", root.resolve("parity.db").toString(),
        "--suite", suite.toString(), "--deliverables", root.resolve("out").toString(), "--graders",
        root.resolve("graders.csv").toString(), "--per-pair", "1", "--attention-rate", "0", "--name", "q3",
        "--seed", "5", "--min-rationale", "10");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("Created campaign q3 (seed 5): 4 pairs, 0 attention checks, 4 assignments")
        .containsPattern("Pages drawn by .*: 0 files queued to draw");

    CommandRun status = CommandRun.of("campaign", "status", "--db", root.resolve("parity.db").toString(), "q3", "--json");
    JsonNode progress = new ObjectMapper().readTree(status.out());
    assertThat(progress.at("/campaign/assignments").asInt()).isEqualTo(4);
    assertThat(progress.get("occupations")).hasSize(2);

    CommandRun invite = CommandRun.of("campaign", "invite", "--db", root.resolve("parity.db").toString(), "--all");
    assertThat(invite.out().lines()).hasSize(5).allMatch(l -> l.matches("\\S+\\thttp://127.0.0.1:8080/invite/[A-Za-z0-9_-]{43}"));

    Path packet = root.resolve("packet");
    CommandRun exported = CommandRun.of("campaign", "export-packets", "--db", root.resolve("parity.db").toString(),
        "--grader", "rn-1", "--out", packet.toString());
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    List<String> form = Files.readAllLines(packet.resolve("form.csv"));
    assertThat(form.get(0)).startsWith("item,assignment,version,verdict,rationale");
    int items = form.size() - 1;
    assertThat(items).isPositive();
    assertThat(packet.resolve("item-01/request.md")).content().contains("Please summarise");
    assertThat(packet.resolve("item-01/deliverable-A.md")).exists();
    assertThat(packet.resolve("item-01/deliverable-B.md")).exists();

    List<String> filled = new ArrayList<>(List.of(form.get(0)));
    for (String row : form.subList(1, form.size())) {
      String[] cells = row.split(",", -1);
      filled.add(cells[0] + "," + cells[1] + "," + cells[2] + ",B,\"B gives every figure, A does not\",,,,12,,");
    }
    Files.write(packet.resolve("form.csv"), filled);
    CommandRun imported = CommandRun.of("campaign", "import-grades", "--db", root.resolve("parity.db").toString(),
        packet.resolve("form.csv").toString());
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported " + items + " submissions of rn-1");

    CommandRun after = CommandRun.of("campaign", "status", "--db", root.resolve("parity.db").toString(), "q3");
    assertThat(after.out()).containsPattern("rn-1 +Cy +" + items + " +" + items);
  }

  @Test
  void aBadFormIsRefusedWholeWithLineNumbers() throws Exception {
    Path suite = suite();
    assertThat(CommandRun.of("campaign", "create", "--db", root.resolve("parity.db").toString(), "--suite",
        suite.toString(), "--deliverables", root.resolve("out").toString(), "--graders",
        root.resolve("graders.csv").toString(), "--per-pair", "1", "--attention-rate", "0", "--name", "q3").exitCode())
        .isZero();
    Path packet = root.resolve("packet");
    CommandRun.of("campaign", "export-packets", "--db", root.resolve("parity.db").toString(), "--grader", "acc-1",
        "--out", packet.toString());
    List<String> form = Files.readAllLines(packet.resolve("form.csv"));
    String[] cells = form.get(1).split(",", -1);
    Files.write(packet.resolve("form.csv"), List.of(form.get(0),
        cells[0] + "," + cells[1] + "," + cells[2] + ",maybe,short,,,,,,"));

    CommandRun imported = CommandRun.of("campaign", "import-grades", "--db", root.resolve("parity.db").toString(),
        packet.toString());
    assertThat(imported.exitCode()).isEqualTo(1);
    assertThat(imported.err()).contains("line 2 (item-01): verdict \"maybe\" is not one of A, tie, B")
        .contains("nothing stored");
  }

  @Test
  void aRosterWithBadRowsIsReportedRowByRow() throws Exception {
    Path suite = suite();
    Files.writeString(root.resolve("graders.csv"), """
        id,display_name,email,occupations,role
        acc 1,Ann,ann@example.org,Accountants and Auditors,grader
        acc-2,Bo,not-an-email,13-2011.00,boss
        """);
    CommandRun created = CommandRun.of("campaign", "create", "--db", root.resolve("parity.db").toString(),
        "--suite", suite.toString(), "--deliverables", root.resolve("out").toString(), "--graders",
        root.resolve("graders.csv").toString());
    assertThat(created.exitCode()).isEqualTo(1);
    assertThat(created.err()).contains("line 2: id \"acc 1\" must be")
        .contains("line 3: email \"not-an-email\" is not an e-mail address")
        .contains("line 3: role \"boss\" is not grader, admin or professional");
  }
}
