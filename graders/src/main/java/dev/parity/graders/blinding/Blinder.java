package dev.parity.graders.blinding;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.UnableToStripMetadataException;
import dev.parity.harness.deliverable.DeliveredFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Makes files fit for blind grading: strips the metadata that identifies their maker and the
 * active content that could run or call out when a grader opens them, and gives them neutral
 * names ({@code deliverable-A.docx}). What is stripped, per format, is listed at
 * {@link Documents#metadata} and {@link Documents#activeContent}; text files have nothing to strip (text tells stay: see
 * {@link BlindCheck}).
 * Stateless and thread-safe.
 */
public final class Blinder {
  private Blinder() {}

  /**
   * The file's bytes without identifying metadata and active content; the rest is unchanged.
   *
   * @throws UnableToBlindException if the bytes do not open as {@code format}
   */
  public static byte[] strip(FileFormat format, byte[] bytes) {
    try {
      return Documents.strip(format, bytes);
    } catch (UnableToStripMetadataException e) {
      throw new UnableToBlindException("cannot strip the metadata of a " + format.id() + " file: " + e.getMessage(), e);
    }
  }

  /**
   * One side's deliverable made blind: each file stripped and renamed after {@code label}
   * (see {@link NeutralNames#assign}), in the order given.
   *
   * @param label the side's label, e.g. {@code A}
   * @throws UnableToBlindException if a file does not open as its format
   */
  public static List<DeliveredFile> blind(String label, List<DeliveredFile> files) {
    Map<String, String> names = NeutralNames.assign(label, files.stream().map(DeliveredFile::name).toList());
    List<DeliveredFile> blinded = new ArrayList<>();
    for (DeliveredFile file : files) {
      blinded.add(new DeliveredFile(names.get(file.name()), file.format(), strip(file.format(), file.bytes())));
    }
    return blinded;
  }
}
