package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordsTest {
  private static final PostgresUrl URL = new PostgresUrl("ann", "db.example.org", 5432, "parity", null, null);
  @TempDir Path home;

  @Test
  void pgpasswordComesBeforeThePasswordFile() throws Exception {
    pgpass("*:*:*:*:from-file");

    assertThat(Passwords.find(URL, Map.of("PGPASSWORD", "from-env"), home).password()).isEqualTo("from-env");
    assertThat(Passwords.find(URL, Map.of(), home).password()).isEqualTo("from-file");
  }

  @Test
  void theFirstMatchingLineWinsWithWildcardsAndEscapes() {
    List<String> lines = List.of(
        "# a comment:*:*:*:never",
        "other.host:5432:parity:ann:wrong-host",
        "db.example.org:6543:parity:ann:wrong-port",
        "db.example.org:5432:*:bob:wrong-user",
        "db.example.org:*:parity:ann:pa\\:ss\\\\word:trailing",
        "*:*:*:*:too-late");

    assertThat(Passwords.match(lines, URL)).isEqualTo("pa:ss\\word");
  }

  @Test
  void escapedColonsInAFieldMatchTheValue() {
    PostgresUrl url = new PostgresUrl("ann", "fe80::1", 5432, "parity", null, null);

    assertThat(Passwords.match(List.of("fe80\\:\\:1:5432:parity:ann:v6"), url)).isEqualTo("v6");
    assertThat(Passwords.match(List.of("fe80:5432:parity:ann:v6", "short:line"), url)).isNull();
  }

  @Test
  void pgpassfileNamesAnotherFile() throws Exception {
    Path other = home.resolve("team.pgpass");
    Files.writeString(other, "db.example.org:5432:parity:ann:team\n");
    Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("rw-------"));

    assertThat(Passwords.find(URL, Map.of("PGPASSFILE", other.toString()), home).password()).isEqualTo("team");
  }

  @Test
  void aFileOthersMayReadIsIgnoredAsLibpqDoesAndTheReasonKept() throws Exception {
    Path file = pgpass("*:*:*:*:exposed");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    Passwords.Lookup lookup = Passwords.find(URL, Map.of(), home);

    assertThat(lookup.password()).isNull();
    assertThat(lookup.note()).contains(file.toString()).contains("chmod 600");
  }

  @Test
  void noFileAndNoVariableIsNoPassword() {
    assertThat(Passwords.find(URL, Map.of(), home)).isEqualTo(new Passwords.Lookup(null, null));
  }

  private Path pgpass(String line) throws Exception {
    Path file = home.resolve(".pgpass");
    Files.writeString(file, line + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
