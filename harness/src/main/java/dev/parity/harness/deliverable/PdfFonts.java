package dev.parity.harness.deliverable;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The Unicode fonts built PDFs embed (a subset: only the glyphs used), bundled with their
 * licences in {@code fonts/} (see its README): DejaVu Sans for symbols, arrows and most
 * alphabets, Droid Sans Fallback for Chinese, Japanese and Korean. Both have TrueType outlines,
 * which PDFBox can subset. The PDF's text is set in Helvetica first (one of the fonts every PDF
 * reader has), and a glyph Helvetica lacks is taken from these, in order; a character none of
 * them has prints as {@code #}, so {@link #unshowable} lists those for the deliverable's
 * findings. Thread-safe.
 */
final class PdfFonts {
  private record Face(String family, String file, int weight) {}

  private static final List<Face> FACES = List.of(
      new Face("DejaVu Sans", "DejaVuSans.ttf", 400),
      new Face("DejaVu Sans", "DejaVuSans-Bold.ttf", 700),
      new Face("Droid Sans Fallback", "DroidSansFallbackFull.ttf", 400));

  private PdfFonts() {}

  /** Registers the fonts with {@code builder}, to be embedded as subsets when used. */
  static void register(PdfRendererBuilder builder) {
    for (Face face : FACES) {
      builder.useFont(() -> open(face.file()), face.family(), face.weight(), FontStyle.NORMAL, true);
    }
  }

  /**
   * The characters of {@code text} that no embedded font can show, each once, in order of first
   * appearance; white space, control and formatting characters are not counted (they print nothing).
   */
  static List<Integer> unshowable(String text) {
    Set<Integer> missing = new LinkedHashSet<>();
    text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && !Character.isSpaceChar(cp)
            && Character.getType(cp) != Character.FORMAT && !Coverage.SHOWN.get(cp))
        .forEach(missing::add);
    return List.copyOf(missing);
  }

  /**
   * The font file's bytes, from memory: the renderer reads each face it falls back to for every
   * PDF it builds, and a resource read from the jar is inflated anew each time (6 CPU-s of a run
   * of 1,040 attempts that built PDFs, benchmarks/README.md, sixteenth session).
   */
  private static InputStream open(String file) {
    return new ByteArrayInputStream(FontFiles.BYTES.computeIfAbsent(file, PdfFonts::read));
  }

  private static byte[] read(String file) {
    try (InputStream in = PdfFonts.class.getResourceAsStream("fonts/" + file)) {
      if (in == null) {
        throw new IllegalStateException("the font resource fonts/" + file + " is missing from the build");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled font " + file, e);
    }
  }

  /** Each face's file, read once, when first needed (about 5.5 MB for the three). */
  private static final class FontFiles {
    static final Map<String, byte[]> BYTES = new ConcurrentHashMap<>();
  }

  /** The code points the regular faces have a glyph for, read once, when first needed. */
  private static final class Coverage {
    static final BitSet SHOWN = read();

    private static BitSet read() {
      BitSet shown = new BitSet();
      for (Face face : FACES) {
        if (face.weight() != 400) {
          continue;
        }
        try (InputStream in = open(face.file());
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in))) {
          CmapLookup cmap = font.getUnicodeCmapLookup();
          for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (!shown.get(cp) && cmap.getGlyphId(cp) != 0) {
              shown.set(cp);
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the bundled font " + face.file(), e);
        }
      }
      return shown;
    }
  }
}
