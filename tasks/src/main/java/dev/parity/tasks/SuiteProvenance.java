package dev.parity.tasks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * Where an imported suite came from, as {@code suite.json} records it.
 *
 * @param dataset the dataset, e.g. {@code openai/gdpval}
 * @param revision the dataset's revision (a commit), or {@code main (unpinned)}
 * @param sourceFile the name of the file the suite was imported from
 * @param sourceSha256 that file's sha256, {@code sha256:<hex>}
 * @param importer the program that wrote the suite, e.g. {@code parity import gdpval}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SuiteProvenance(String dataset, String revision, String sourceFile, String sourceSha256, String importer) {
  public SuiteProvenance {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(revision, "revision");
  }
}
