package dev.parity.documents.vetting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VetterTest {
  private static List<Finding> vet(String name, String text) {
    return Vetter.vet(name, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void findsAnEmailAddressWithItsLineAndMasksIt() {
    List<Finding> findings = vet("notes.txt", "hello\nwrite to jane.doe@harbor.test today\n");

    assertThat(findings).containsExactly(new Finding("notes.txt", "line 2", Category.PERSONAL, Kinds.EMAIL,
        Severity.MEDIUM, "jane.doe@harbor.test", "j***@harbor.test"));
  }

  @Test
  void aCardNumberMustPassLuhnAndHaveAnIssuerPrefix() {
    assertThat(vet("a.txt", "card 4539 1488 0343 6467")).extracting(Finding::kind, Finding::excerpt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kinds.PAYMENT_CARD, "**** **** **** 6467"));
    assertThat(vet("a.txt", "card 4539 1488 0343 6468")).isEmpty();
    assertThat(vet("a.txt", "ISBN 978-1-4028-9462-6")).isEmpty();
  }

  @Test
  void aPasswordPlaceholderIsNotAPassword() {
    assertThat(vet("app.ini", "password = ${SMTP_PASSWORD}\ndb_password: <redacted>\n")).isEmpty();
    assertThat(vet("app.ini", "password = hunter2-Production\n")).extracting(Finding::kind, Finding::match)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kinds.PASSWORD, "hunter2-Production"));
  }

  @Test
  void ssnAndItinFollowTheirIssuingRules() {
    assertThat(vet("a.txt", "SSN 512-48-7731")).extracting(Finding::kind).containsExactly(Kinds.US_SSN);
    assertThat(vet("a.txt", "SSN 666-12-3456 or 123-00-4567")).isEmpty();
    assertThat(vet("a.txt", "TIN 912-78-4456")).extracting(Finding::kind).containsExactly(Kinds.US_ITIN);
    assertThat(vet("a.txt", "TIN 912-93-4456")).isEmpty();
  }

  @Test
  void aFileThatCannotBeOpenedIsOneUnreadableFindingNotAnError(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("memo.docx");
    Files.writeString(broken, "not a zip");

    List<Finding> findings = Vetter.vet(broken, "tasks/t/memo.docx");

    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.kind()).isEqualTo(Kinds.UNREADABLE);
      assertThat(f.severity()).isEqualTo(Severity.HIGH);
      assertThat(f.file()).isEqualTo("tasks/t/memo.docx");
      assertThat(f.match()).isEmpty();
      assertThat(f.excerpt()).startsWith("not readable as docx");
    });
  }

  @Test
  void decimalsAndCodesWithDecimalPartsAreNotCardsOrPhones() {
    assertThat(vet("a.csv", "variance\n-0.4567058823529412\n-310560.0\n")).isEmpty();
    assertThat(vet("task.json", "\"soc\": \"13-1041.00\"")).isEmpty();
  }

  @Test
  void aRegularExpressionWrittenInJsonIsNotAFileServerPath() {
    assertThat(vet("task.json", "\"pattern\": \"\\\\bnet 30\\\\b\"")).isEmpty();
    assertThat(vet("a.txt", "template at \\\\HLFS01\\Users\\mo\\memo.dotm")).extracting(Finding::kind, Finding::match)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(Kinds.FILE_PATH, "\\\\HLFS01\\Users\\mo\\memo.dotm"));
  }

  @Test
  void theWholePrivateKeyBlockOfATextFileIsOneFinding() {
    String key = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ\n-----END OPENSSH PRIVATE KEY-----";

    assertThat(vet("notes.txt", "deploy key:\r\n" + key.replace("\n", "\r\n") + "\r\nthanks\r\n")).singleElement()
        .satisfies(f -> assertThat(f.match()).isEqualTo(key.replace("\n", "\r\n")));
    assertThat(vet("notes.txt", "deploy key:\n" + key + "\nthanks\n")).singleElement().satisfies(f -> {
      assertThat(f.place()).isEqualTo("lines 2\u20134");
      assertThat(f.match()).isEqualTo(key);
      assertThat(f.excerpt()).isEqualTo("-----BEGIN OPENSSH PRIVATE KEY\u2026 (" + key.length() + " characters)");
    });
  }
}
