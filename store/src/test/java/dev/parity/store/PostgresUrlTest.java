package dev.parity.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {
  @Test
  void aFullUrlReadsIntoItsPartsAndPrintsTheSame() {
    PostgresUrl url = PostgresUrl.parse("postgresql://ann@db.example.org:6543/parity?sslmode=verify-full&schema=study_1");

    assertThat(url).isEqualTo(new PostgresUrl("ann", "db.example.org", 6543, "parity", "verify-full", "study_1"));
    assertThat(url.toString()).isEqualTo("postgresql://ann@db.example.org:6543/parity?sslmode=verify-full&schema=study_1");
  }

  @Test
  void thePortDefaultsTo5432AndTheDatabaseToTheUser() {
    assertThat(PostgresUrl.parse("postgres://ann@localhost"))
        .isEqualTo(new PostgresUrl("ann", "localhost", 5432, "ann", null, null));
    assertThat(PostgresUrl.parse("postgresql://ann@[fe80::1]:6000/p").port()).isEqualTo(6000);
  }

  @Test
  void percentEscapesInTheUserAndDatabaseAreDecoded() {
    PostgresUrl url = PostgresUrl.parse("postgresql://ann%40lab@[::1]/my%20db");

    assertThat(url.user()).isEqualTo("ann@lab");
    assertThat(url.host()).isEqualTo("::1");
    assertThat(url.toString()).isEqualTo("postgresql://ann%40lab@[::1]:5432/my%20db");
    assertThat(url.database()).isEqualTo("my db");
    assertThat(PostgresUrl.parse(url.toString())).isEqualTo(url);
  }

  @Test
  void aPasswordInTheUrlIsRefusedWithoutBeingRepeated() {
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann:s3cret-pw@db:5432/parity"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("postgresql://ann:***@db:5432/parity")
        .hasMessageContaining("PGPASSWORD")
        .hasMessageNotContaining("s3cret-pw");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann@db/parity?password=s3cret-pw"))
        .isInstanceOf(StoreException.class)
        .hasMessageNotContaining("s3cret-pw");
  }

  @Test
  void badPartsAreNamed() {
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann@db:54x/parity"))
        .hasMessage("not a PostgreSQL URL: postgresql://ann@db:54x/parity: port \"54x\" is not a number from 1 to 65535");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann@db/parity?sslmode=sometimes"))
        .hasMessageContaining("sslmode \"sometimes\" is not one of [disable, allow, prefer, require, verify-ca, verify-full]");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann@db/parity?timeout=3"))
        .hasMessageContaining("parameter \"timeout\" is not one Parity knows (sslmode, schema)");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql://ann@db/parity?schema=a;drop"))
        .hasMessageContaining("schema \"a;drop\" is not a plain SQL name");
    assertThatThrownBy(() -> PostgresUrl.parse("postgresql:///parity"))
        .hasMessageContaining("it names no host");
  }

  @Test
  void onlyPostgresqlSchemesAreUrls() {
    assertThat(PostgresUrl.isUrl("postgresql://ann@db/p")).isTrue();
    assertThat(PostgresUrl.isUrl("postgres://ann@db/p")).isTrue();
    assertThat(PostgresUrl.isUrl("parity.db")).isFalse();
    assertThat(PostgresUrl.isUrl("/data/postgresql/parity.db")).isFalse();
  }
}
