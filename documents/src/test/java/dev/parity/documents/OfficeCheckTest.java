package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.core.doctor.CheckResult;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OfficeCheckTest {
  @Test
  void theInstalledLibreOfficePassesWithItsVersionAndATestConversion() {
    CheckResult result = new OfficeCheck().run();

    assertThat(result.status()).as(result.detail()).isEqualTo(CheckResult.Status.OK);
    assertThat(result.detail()).startsWith("LibreOffice ").contains("test conversion: 1 page in", "no network");
    assertThat(result.fix()).isEmpty();
  }

  @Test
  void aMissingOrBrokenLibreOfficeSaysHowToInstallIt() {
    CheckResult missing = new OfficeCheck(Optional.empty()).run();
    CheckResult broken = new OfficeCheck(Optional.of(Path.of("/bin/false"))).run();

    assertThat(missing.status()).isEqualTo(CheckResult.Status.MISSING);
    assertThat(missing.fix()).isEqualTo(PageRenderers.INSTALL_OFFICE);
    assertThat(broken.status()).isEqualTo(CheckResult.Status.BROKEN);
    assertThat(broken.detail()).contains("/bin/false does not run as LibreOffice");
  }
}
