package dev.parity.documents;

import java.io.IOException;
import java.util.List;

/**
 * What the three Office formats' readers read alike, from the package's parts rather than POI's
 * model, which leaves out exactly what vetting and blind-check must see (deleted text, field
 * codes, hidden runs, very hidden sheets, pivot caches, embedded workbooks, properties): the
 * hidden places ({@link OoxmlSurfaces}, which reads an embedded document of any of the three
 * the same way) and the metadata ({@link OoxmlMetadata}).
 */
abstract class OoxmlReader implements FormatReader {
  @Override
  public List<Surface> surfaces(byte[] bytes) throws IOException {
    return KeyBlocks.join(OoxmlSurfaces.read(bytes));
  }

  @Override
  public Found metadata(byte[] bytes) throws IOException {
    return OoxmlMetadata.inspect(bytes);
  }
}
