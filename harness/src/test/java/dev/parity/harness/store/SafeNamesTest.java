package dev.parity.harness.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SafeNamesTest {
  @Test
  void separatorsTraversalAndOtherUnsafeCharactersBecomeOneUnderscore() {
    assertThat(SafeNames.safe("openai/gpt-5")).isEqualTo("openai_gpt-5");
    assertThat(SafeNames.safe("human:jdoe")).isEqualTo("human_jdoe");
    assertThat(SafeNames.safe("../../evil")).isEqualTo("_evil");
    assertThat(SafeNames.safe("..\\..\\evil.md")).isEqualTo("_evil.md");
    assertThat(SafeNames.safe("memo\u202Excod.docx")).as("a right-to-left override").isEqualTo("memo_xcod.docx");
    assertThat(SafeNames.safe("Q3 report (final).docx")).isEqualTo("Q3_report_final_.docx");
    assertThat(SafeNames.safe("Résumé.docx")).isEqualTo("Résumé.docx");
  }

  @Test
  void namesAreNeverHiddenEmptyReservedByWindowsOrEndingInADot() {
    assertThat(SafeNames.safe(".bashrc")).isEqualTo("_bashrc");
    assertThat(SafeNames.safe("..")).isEqualTo("_");
    assertThat(SafeNames.safe("")).isEqualTo("_");
    assertThat(SafeNames.safe("CON")).isEqualTo("_CON");
    assertThat(SafeNames.safe("nul.txt")).isEqualTo("_nul.txt");
    assertThat(SafeNames.safe("lpt1")).isEqualTo("_lpt1");
    assertThat(SafeNames.safe("console.txt")).isEqualTo("console.txt");
    assertThat(SafeNames.safe("draft.")).isEqualTo("draft");
  }

  @Test
  void longNamesAreCutKeepingTheirExtension() {
    String safe = SafeNames.safe("é".repeat(200) + ".docx");

    assertThat(safe.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SafeNames.MAX_BYTES);
    assertThat(safe).startsWith("éé").endsWith(".docx");
  }

  @Test
  void namesThatWouldMeetGetNumbersEvenWhereCaseIsIgnoredAndTheSameNameAlwaysGetsTheSameSafeName() {
    SafeNames names = new SafeNames();

    assertThat(names.of("openai/gpt-5")).isEqualTo("openai_gpt-5");
    assertThat(names.of("openai_gpt-5")).isEqualTo("openai_gpt-5-2");
    assertThat(names.of("OpenAI:GPT-5")).isEqualTo("OpenAI_GPT-5-3");
    assertThat(names.of("Memo.docx")).isEqualTo("Memo.docx");
    assertThat(names.of("memo.docx")).isEqualTo("memo-2.docx");
    assertThat(names.of("openai/gpt-5")).isEqualTo("openai_gpt-5");
  }
}
