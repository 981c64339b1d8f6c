package dev.parity.graders.campaign;

import dev.parity.documents.FileFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A file as a grader sees it: a neutral name in place of the original.
 *
 * @param name the neutral name: {@code deliverable-A.docx}, {@code deliverable-A-2.xlsx},
 *     {@code reference-1.pdf}
 * @param file the stored file (with its original name, which stays on the server)
 */
public record BlindFile(String name, CampaignFile file) {
  public BlindFile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
  }

  /** A deliverable's files named after its side: {@code deliverable-A.ext}, numbered when there are several. */
  public static List<BlindFile> side(String label, List<CampaignFile> files) {
    return named("deliverable-" + label, files, files.size() > 1);
  }

  /** Reference files, numbered: {@code reference-1.ext}. */
  public static List<BlindFile> references(List<CampaignFile> files) {
    return named("reference", files, true);
  }

  private static List<BlindFile> named(String stem, List<CampaignFile> files, boolean numbered) {
    List<BlindFile> named = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      named.add(new BlindFile(stem + (numbered ? "-" + (i + 1) : "") + "." + extension(files.get(i).name()),
          files.get(i)));
    }
    return named;
  }

  /** The extension a neutral name keeps: a known format's id, else {@code bin}. */
  static String extension(String originalName) {
    return FileFormat.ofFileName(originalName).map(FileFormat::id).orElse("bin").toLowerCase(Locale.ROOT);
  }
}
