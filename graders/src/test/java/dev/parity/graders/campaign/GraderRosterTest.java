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

  @Test
  void onePeopleFileHoldsGradersAndProfessionalsWithTheirWages() {
    var people = GraderRoster.read("people.csv", new StringReader("""
        id,display_name,email,occupations,role,hourly_wage
        g1,Grader One,g1@example.org,Registered Nurses,grader,
        p1,Pro One,p1@example.org,Registered Nurses,professional; grader,52.5
        boss,Boss,boss@example.org,,admin,
        """));

    assertThat(people).extracting(Grader::id).containsExactly("g1", "p1", "boss");
    Grader pro = people.get(1);
    assertThat(pro.roles()).containsExactlyInAnyOrder(Role.PROFESSIONAL, Role.GRADER);
    assertThat(pro.hourlyWageUsd()).isEqualTo(52.5);
    assertThat(pro.isProfessional()).isTrue();
    assertThat(people.get(0).isProfessional()).isFalse();
    assertThat(people.get(0).hourlyWageUsd()).isNull();
  }

  @Test
  void aProfessionalNeedsAnOccupationAndAPositiveWageAndOnlyKnownRolesAreRead() {
    assertThatThrownBy(() -> GraderRoster.read("people.csv", new StringReader("""
        id,display_name,email,occupations,role,hourly_wage
        p1,Pro One,p1@example.org,Registered Nurses,professional,
        p2,Pro Two,p2@example.org,,professional,40
        p3,Pro Three,p3@example.org,Registered Nurses,professional,-3
        p4,Pro Four,p4@example.org,Registered Nurses,boss,
        """)))
        .isInstanceOf(InvalidCampaignException.class)
        .hasMessageContaining("line 2: hourly_wage is empty: a professional needs one")
        .hasMessageContaining("line 3: occupations is empty: a grader or professional needs at least one")
        .hasMessageContaining("line 4: hourly_wage \"-3\" is not a positive number")
        .hasMessageContaining("line 5: role \"boss\" is not grader, admin or professional");
  }

  @Test
  void onlyGradersAndAdminsGradeAndOnlyProfessionalsWork() {
    var nurses = new dev.parity.tasks.Occupation("Registered Nurses", "29-1141.00");
    Grader pro = new Grader("p1", "P", "p@example.org", java.util.List.of("Registered Nurses"),
        java.util.EnumSet.of(Role.PROFESSIONAL), 40.0);
    Grader grader = new Grader("g1", "G", "g@example.org", java.util.List.of("29-1141.00"), Role.GRADER);

    assertThat(pro.works(nurses)).isTrue();
    assertThat(pro.grades(nurses)).isFalse();
    assertThat(grader.grades(nurses)).isTrue();
    assertThat(grader.works(nurses)).isFalse();
  }
}
