package dev.parity.graders.campaign;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Adds the page images of an item's files to a packet ({@code graders.pages} draws them). Kept as
 * an interface here so that packets do not depend on how pages are drawn.
 */
@FunctionalInterface
public interface PacketPages {
  /** No page images: the packet holds the files only. */
  PacketPages NONE = (item, a, b, references) -> List.of();

  /**
   * Writes the pages of an item's files into its folder.
   *
   * @param item the item's folder
   * @param a Deliverable A's files
   * @param b Deliverable B's files
   * @param references the reference files
   * @return what the grader should know about the pages (e.g. a file that could not be drawn),
   *     one line each, for request.md
   */
  List<String> write(Path item, List<BlindFile> a, List<BlindFile> b, List<BlindFile> references) throws IOException;
}
