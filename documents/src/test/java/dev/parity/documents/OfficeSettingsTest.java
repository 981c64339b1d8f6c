package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OfficeSettingsTest {
  @Test
  void theTimeAConversionMayTakeComesFromTheEnvironmentOrIsTwoMinutes() {
    assertThat(OfficeSettings.timeout(null)).isEqualTo(Duration.ofMinutes(2));
    assertThat(OfficeSettings.timeout(" ")).isEqualTo(Duration.ofMinutes(2));
    assertThat(OfficeSettings.timeout("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(OfficeSettings.timeout("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(OfficeSettings.timeout("1h")).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aTimeoutThatIsNotADurationIsRefusedNamingTheVariable() {
    for (String bad : new String[] {"30", "0s", "-5m", "5 min", "PT5M"}) {
      assertThatThrownBy(() -> OfficeSettings.timeout(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessage("PARITY_OFFICE_TIMEOUT=" + bad
              + " is not a duration: write a whole number with s, m or h, such as 90s, 5m or 1h");
    }
  }

  @Test
  void theTestsRunWithAPatientConverterSoThatABusyMachineCannotFailThem() {
    assertThat(OfficeSettings.defaults(java.nio.file.Path.of("/usr/bin/soffice")).timeout())
        .as("set by the parent pom's surefire configuration").isEqualTo(Duration.ofMinutes(30));
  }
}
