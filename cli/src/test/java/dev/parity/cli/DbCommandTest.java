package dev.parity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parity.store.Database;
import dev.parity.store.FolderBlobStore;
import dev.parity.store.testing.TestStores;
import dev.parity.store.testing.TestStores.Engine;
import java.nio.file.Path;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code parity db copy} and {@code --db postgresql://…} with every module's tables on the classpath. */
class DbCommandTest {
  @TempDir Path folder;
  @RegisterExtension final TestStores stores = new TestStores();

  @Test
  void everyMigrationOnTheClasspathRunsOnPostgresql() {
    Database database = stores.open(Engine.POSTGRESQL);

    MigrationInfo[] all = Flyway.configure(getClass().getClassLoader()).dataSource(database.dataSource())
        .locations("classpath:db/migration", "classpath:db/migration-postgresql").outOfOrder(true).load().info().all();
    assertThat(all).isNotEmpty().allSatisfy(m -> assertThat(m.getState().isApplied() && !m.getState().isFailed())
        .as(m.getScript() + " applied on PostgreSQL").isTrue());
  }

  @Test
  void theReleasedStoreCopiesToPostgresqlWhereTheCommandsReadItAndBackToSqliteWhole() throws Exception {
    Path released = ReleasedStoreTest.copyOfTheReleasedStore(folder);
    String postgres = stores.location(Engine.POSTGRESQL);

    CommandRun copy = CommandRun.of("db", "copy", "--from", released.toString(), "--to", postgres);

    assertThat(copy.exitCode()).as(copy.err()).isZero();
    assertThat(copy.out()).contains("attempts", "13 rows", "judgments", "grading_submissions")
        .contains("Checked: every row is in the target");
    ReleasedStoreTest.assertTheCommandsRead(postgres, folder);

    Path back = folder.resolve("back/parity.db");
    CommandRun copyBack = CommandRun.of("db", "copy", "--from", postgres, "--to", back.toString());
    assertThat(copyBack.exitCode()).as(copyBack.err()).isZero();
    CommandRun runsBack = CommandRun.of("runs", "--db", back.toString());
    assertThat(runsBack.out()).isEqualTo(CommandRun.of("runs", "--db", released.toString()).out());
    List<String> blobsBack;
    try (Database database = Database.open(back)) {
      blobsBack = database.blobs().list();
    }
    try (Database database = Database.open(released)) {
      assertThat(blobsBack).isEqualTo(database.blobs().list()).isNotEmpty();
    }
  }

  @Test
  void withBlobsTheStoresFilesGoToThatFolderAndNotIntoTheDatabase() throws Exception {
    Path released = ReleasedStoreTest.copyOfTheReleasedStore(folder);
    String postgres = stores.location(Engine.POSTGRESQL);
    Path shared = folder.resolve("shared-blobs");

    CommandRun copy = CommandRun.of("db", "copy", "--from", released.toString(), "--to", postgres,
        "--to-blobs", shared.toString());

    assertThat(copy.exitCode()).as(copy.err()).isZero();
    long inTheDatabase = stores.open(postgres).read("count the blobs",
        h -> h.first("SELECT COUNT(*) FROM store_blobs", r -> r.bigint(1)).orElseThrow());
    assertThat(inTheDatabase).isZero();
    try (Database source = Database.open(released)) {
      assertThat(new FolderBlobStore(shared).list()).isEqualTo(source.blobs().list());
    }
    try (Database target = Database.open(postgres, shared); Database source = Database.open(released)) {
      for (String sha : source.blobs().list()) {
        assertThat(target.blobs().get(sha)).isEqualTo(source.blobs().get(sha));
      }
    }
  }

  @Test
  void aNonEmptyTargetIsRefusedWithTheRowsItHolds() throws Exception {
    Path released = ReleasedStoreTest.copyOfTheReleasedStore(folder);
    String postgres = stores.location(Engine.POSTGRESQL);
    assertThat(CommandRun.of("db", "copy", "--from", released.toString(), "--to", postgres).exitCode()).isZero();

    CommandRun again = CommandRun.of("db", "copy", "--from", released.toString(), "--to", postgres);

    assertThat(again.exitCode()).isNotZero();
    assertThat(again.err()).contains("is not empty (").contains("runs: 1 rows").contains("--into-non-empty");
    CommandRun merged = CommandRun.of("db", "copy", "--from", released.toString(), "--to", postgres, "--into-non-empty");
    assertThat(merged.exitCode()).as(merged.err()).isZero();
  }

  @Test
  void aBadUrlOrAnUnreachableServerIsAClearErrorWithoutThePassword() {
    CommandRun withPassword = CommandRun.of("runs", "--db", "postgresql://ann:hunter2@127.0.0.1:5432/test");
    CommandRun unreachable = CommandRun.of("runs", "--db", "postgresql://ann@127.0.0.1:1/test");

    assertThat(withPassword.exitCode()).isNotZero();
    assertThat(withPassword.err()).contains("postgresql://ann:***@127.0.0.1:5432/test").contains("PGPASSWORD")
        .doesNotContain("hunter2");
    assertThat(unreachable.exitCode()).isNotZero();
    assertThat(unreachable.err()).contains("cannot open the store postgresql://ann@127.0.0.1:1/test").contains("refused");
  }
}
