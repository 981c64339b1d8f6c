package dev.parity.graders.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class GraderRosterTest {
  @Test
  void readsGradersWithColumnsInAnyOrder() {
    var graders = GraderRoster.read("graders.csv", new StringReader("""
        role,email,id,occupations,display_name
        grader,a@example.org,g1,Registered Nurses;29-1141.00,Grader One
        """));

    assertThat(graders).extracting(Grader::id).containsExactly("g1");
  }

  @Test
  void theHeaderIsCheckedForUnknownAndMissingColumns() {
    assertThatThrownBy(() -> GraderRoster.read("graders.csv", new StringReader("id,display_nme,email,role\n")))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("line 1: unknown column \"display_nme\"; did you mean \"display_name\"?")
        .hasMessageContaining("line 1: missing required column \"occupations\"");
  }
}
