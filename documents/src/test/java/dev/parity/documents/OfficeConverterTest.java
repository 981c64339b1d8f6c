package dev.parity.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parity.documents.testing.TestDocuments;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The office converter's process management, with a fake soffice: fast, and no LibreOffice needed. */
class OfficeConverterTest {
  @TempDir Path dir;

  private FakeSoffice fake() throws IOException {
    Path fixtures = Files.createDirectories(dir.resolve("fixtures"));
    return FakeSoffice.copying(Files.createDirectories(dir.resolve("fake")), TestDocuments.pdf(fixtures));
  }

  private static OfficeSettings settings(FakeSoffice fake) {
    return OfficeSettings.defaults(fake.program).withMaxConcurrent(1);
  }

  @Test
  void readsTheLibreOfficeVersionAndRunsEachConversionNicedWithoutNetworkInAPrivateProfile() throws Exception {
    FakeSoffice fake = fake();
    try (OfficeConverter converter = new OfficeConverter(settings(fake), OfficeConverter.WAIT)) {
      byte[] pdf = converter.toPdf(FileFormat.DOCX, new byte[] {1, 2, 3});

      assertThat(pdf).isEqualTo(Files.readAllBytes(fake.dir.resolve("fixture.pdf")));
      assertThat(converter.version()).isEqualTo("LibreOffice 7.4.7.2");
      assertThat(converter.isolated()).as("unshare -rn works here (CI runs as root)").isTrue();
      String[] call = fake.log().get(0);
      assertThat(call[1]).contains("parity-office-").contains("slot-0").endsWith("profile-0");
      assertThat(call[2]).as("network namespace").isNotEqualTo(Files.readSymbolicLink(Path.of("/proc/self/ns/net")).toString());
      assertThat(Integer.parseInt(call[3])).as("niceness").isEqualTo(Math.min(19, ownNiceness() + 10));
    }
  }

  @Test
  void neverRunsMoreConversionsAtOnceThanTheCapAndRunsTheRestWhenOneEnds() throws Exception {
    FakeSoffice fake = fake();
    fake.hold();
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try (OfficeConverter converter = new OfficeConverter(settings(fake).withMaxConcurrent(2), OfficeConverter.WAIT)) {
      List<Future<byte[]>> results = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        results.add(threads.submit(() -> converter.toPdf(FileFormat.XLSX, new byte[] {1})));
      }
      while (fake.started() < 2 || converter.waiting() < 1) {
        Thread.onSpinWait();
      }
      assertThat(fake.started()).as("the third waits for a slot").isEqualTo(2);
      assertThat(converter.waiting()).isEqualTo(1);

      fake.release();

      for (Future<byte[]> result : results) {
        assertThat(result.get()).isNotEmpty();
      }
      assertThat(fake.log()).hasSize(3);
    } finally {
      threads.shutdownNow();
      threads.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  @Test
  void startsAFreshProfileAfterTheSetNumberOfConversions() throws Exception {
    FakeSoffice fake = fake();
    try (OfficeConverter converter = new OfficeConverter(settings(fake).withConversionsPerProfile(2), OfficeConverter.WAIT)) {
      for (int i = 0; i < 5; i++) {
        converter.toPdf(FileFormat.PPTX, new byte[] {1});
      }

      assertThat(fake.log()).extracting(call -> Path.of(call[1]).getFileName().toString())
          .containsExactly("profile-0", "profile-0", "profile-1", "profile-1", "profile-2");
      assertThat(Path.of(fake.log().get(0)[1])).as("a used-up profile is deleted").doesNotExist();
    }
  }

  @Test
  void aCrashFailsThatDocumentOnlyAndTheNextConversionGetsAFreshProfile() throws Exception {
    FakeSoffice fake = fake();
    fake.crashOnCall(1);
    try (OfficeConverter converter = new OfficeConverter(settings(fake), OfficeConverter.WAIT)) {
      assertThatThrownBy(() -> converter.toPdf(FileFormat.DOCX, new byte[] {1}))
          .isInstanceOf(UnableToRenderException.class)
          .hasMessageStartingWith("could not be rendered: LibreOffice crashed (signal 11)");

      assertThat(converter.toPdf(FileFormat.DOCX, new byte[] {1})).isNotEmpty();
      assertThat(fake.log()).extracting(call -> Path.of(call[1]).getFileName().toString())
          .containsExactly("profile-0", "profile-1");
    }
  }

  @Test
  void aHangIsKilledWithItsChildrenWhenItsTimeIsUpAndTheNextConversionSucceeds() throws Exception {
    FakeSoffice fake = fake();
    fake.hangOnCall(1);
    // The test, not a clock, says when the time is up: as soon as the fake is known to hang.
    AtomicLong hungPid = new AtomicLong();
    OfficeConverter.ProcessWatch watch = (process, timeout) -> {
      while (!process.waitFor(20, TimeUnit.MILLISECONDS)) {
        File marker = fake.hangingMarker().toFile();
        if (marker.length() > 0) {
          try {
            hungPid.set(Long.parseLong(Files.readString(marker.toPath()).strip()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          marker.delete();
          return false;
        }
      }
      return true;
    };
    try (OfficeConverter converter = new OfficeConverter(settings(fake).withTimeout(Duration.ofSeconds(90)), watch)) {
      assertThatThrownBy(() -> converter.toPdf(FileFormat.DOCX, new byte[] {1}))
          .isInstanceOf(UnableToRenderException.class)
          .hasMessage("could not be rendered: LibreOffice did not finish within 90 s and was stopped");
      assertThat(hungPid.get()).isPositive();
      assertThat(ProcessHandle.of(hungPid.get()).map(ProcessHandle::isAlive)).as("the hung process").isNotEqualTo(Optional.of(true));

      assertThat(converter.toPdf(FileFormat.DOCX, new byte[] {1})).isNotEmpty();
      assertThat(fake.log()).extracting(call -> Path.of(call[1]).getFileName().toString())
          .containsExactly("profile-0", "profile-1");
    }
  }

  @Test
  void theTimeoutIsRealForAConversionThatNeverEnds() throws Exception {
    FakeSoffice fake = fake();
    fake.hangOnCall(1);
    try (OfficeConverter converter = new OfficeConverter(settings(fake).withTimeout(Duration.ofMillis(300)), OfficeConverter.WAIT)) {
      assertThatThrownBy(() -> converter.toPdf(FileFormat.DOCX, new byte[] {1}))
          .hasMessage("could not be rendered: LibreOffice did not finish within 300 ms and was stopped");
    }
  }

  @Test
  void aFileLibreOfficeCannotOpenFailsWithWhatItSaid() throws Exception {
    FakeSoffice fake = fake();
    Files.delete(fake.dir.resolve("fixture.pdf"));
    try (OfficeConverter converter = new OfficeConverter(settings(fake), OfficeConverter.WAIT)) {
      assertThatThrownBy(() -> converter.toPdf(FileFormat.XLSX, new byte[] {1}))
          .isInstanceOf(UnableToRenderException.class)
          .hasMessageStartingWith("could not be rendered: LibreOffice made no PDF of this xlsx file");
    }
  }

  @Test
  void closingDeletesTheProfilesAndRefusesLaterConversions() throws Exception {
    FakeSoffice fake = fake();
    OfficeConverter converter = new OfficeConverter(settings(fake), OfficeConverter.WAIT);
    converter.toPdf(FileFormat.DOCX, new byte[] {1});
    Path profile = Path.of(fake.log().get(0)[1]);
    assertThat(profile).isDirectory();

    converter.close();

    assertThat(profile.getParent().getParent()).as("the converter's temporary folder").doesNotExist();
    assertThatThrownBy(() -> converter.toPdf(FileFormat.DOCX, new byte[] {1}))
        .hasMessage("could not be rendered: the office converter is closed");
  }

  @Test
  void aProgramThatIsNotLibreOfficeIsRefused() {
    assertThatThrownBy(() -> new OfficeConverter(OfficeSettings.defaults(Path.of("/bin/true")), OfficeConverter.WAIT))
        .isInstanceOf(UnableToRenderException.class)
        .hasMessageContaining("/bin/true does not run as LibreOffice");
  }

  private static int ownNiceness() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    // Fields after the command name (which ends with ')'): state is field 3, nice is field 19.
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(fields[16]);
  }
}
