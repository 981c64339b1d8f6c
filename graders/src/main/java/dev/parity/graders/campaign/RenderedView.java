package dev.parity.graders.campaign;

import dev.parity.documents.Documents;
import dev.parity.documents.FileFormat;
import dev.parity.documents.Rendering;
import dev.parity.graders.blinding.Blinder;
import dev.parity.graders.blinding.UnableToBlindException;
import java.util.Optional;

/**
 * The view graders get in the app and in packets: every format rendered by the documents
 * renderer (the same look whoever made the file) and every download stripped of identifying
 * metadata by the blinder. A file whose metadata cannot be stripped (it does not open as its
 * format) is never handed over as it is: its download is empty, and the page says it could not
 * be opened, which is itself what a grader should judge.
 */
public final class RenderedView implements DeliverableView {
  @Override
  public byte[] strip(String name, byte[] bytes) {
    Optional<FileFormat> format = FileFormat.ofFileName(name);
    if (format.isEmpty()) {
      return new byte[0];
    }
    try {
      return Blinder.strip(format.get(), bytes);
    } catch (UnableToBlindException e) {
      return format.get().isBinary() ? new byte[0] : bytes;
    }
  }

  @Override
  public Shown render(String name, byte[] bytes) {
    Rendering rendering = Documents.render(name, bytes);
    return new Shown(rendering.fragment(), rendering.notes());
  }

  @Override
  public String stylesheet() {
    return Rendering.stylesheet();
  }
}
