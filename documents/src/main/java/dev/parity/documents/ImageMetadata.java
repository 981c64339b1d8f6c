package dev.parity.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.InflaterInputStream;

/**
 * Metadata in JPEG and PNG files, found and removed at the level of segments and chunks, so the
 * pixels are kept exactly (no re-encoding). JPEG: EXIF and XMP (APP1), IPTC (APP13), comments,
 * thumbnails and every other application segment except JFIF, ICC colour profiles and Adobe's
 * colour-transform flag. PNG: text chunks (tEXt, zTXt, iTXt), EXIF (eXIf) and the time chunk.
 * Stateless and thread-safe.
 */
final class ImageMetadata {
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  private static final Set<String> PNG_METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");

  private ImageMetadata() {}

  static boolean isJpeg(byte[] b) {
    return b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8;
  }

  static boolean isPng(byte[] b) {
    if (b.length < PNG_SIGNATURE.length) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (b[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  /** What the image's metadata says; empty when it has none. */
  static Found inspect(byte[] bytes) throws IOException {
    Found found = new Found();
    walk(bytes, found, null);
    return found;
  }

  /** The image without its metadata. */
  static byte[] strip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
    walk(bytes, null, out);
    return out.toByteArray();
  }

  /**
   * The text the metadata holds, for vetting: EXIF tags (and the GPS position, see {@link Exif}),
   * XMP properties, JPEG comments, PNG text chunks by keyword.
   */
  static List<Surface> surfaces(byte[] bytes) throws IOException {
    List<Surface> surfaces = new ArrayList<>();
    walk(bytes, null, null, surfaces);
    return surfaces;
  }

  private static void walk(byte[] bytes, Found found, ByteArrayOutputStream out) throws IOException {
    walk(bytes, found, out, null);
  }

  private static void walk(byte[] bytes, Found found, ByteArrayOutputStream out, List<Surface> surfaces) throws IOException {
    if (isJpeg(bytes)) {
      jpeg(bytes, found, out, surfaces);
    } else if (isPng(bytes)) {
      png(bytes, found, out, surfaces);
    } else {
      throw new IOException("not a JPEG or PNG image");
    }
  }

  private static void jpeg(byte[] b, Found found, ByteArrayOutputStream out, List<Surface> surfaces) throws IOException {
    write(out, b, 0, 2);
    int pos = 2;
    while (pos + 1 < b.length) {
      if ((b[pos] & 0xFF) != 0xFF) {
        throw new IOException("broken JPEG: no marker at byte " + pos);
      }
      int marker = b[pos + 1] & 0xFF;
      if (marker == 0xFF) {
        pos++;
        continue;
      }
      if (marker == 0xDA || marker == 0xD9) {
        // Start of scan (image data) or end of image: nothing after it is metadata.
        write(out, b, pos, b.length - pos);
        return;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        write(out, b, pos, 2);
        pos += 2;
        continue;
      }
      if (pos + 3 >= b.length) {
        throw new IOException("broken JPEG: segment at byte " + pos + " is cut off");
      }
      int length = ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      int end = pos + 2 + length;
      if (length < 2 || end > b.length) {
        throw new IOException("broken JPEG: segment at byte " + pos + " runs past the end");
      }
      String what = jpegMetadata(marker, b, pos + 4, end);
      if (what == null) {
        write(out, b, pos, end - pos);
      } else if (found != null) {
        found.add(marker == 0xFE ? "comment segment" : "APP" + (marker - 0xE0) + " segment", what);
      }
      if (what != null && surfaces != null) {
        jpegSurfaces(marker, b, pos + 4, end, surfaces);
      }
      pos = end;
    }
    throw new IOException("broken JPEG: no image data");
  }

  /** What a metadata segment holds, or null for a segment that must be kept. */
  private static String jpegMetadata(int marker, byte[] b, int from, int to) {
    String head = new String(b, from, Math.min(to - from, 40), StandardCharsets.ISO_8859_1);
    if (marker == 0xE0 && head.startsWith("JFIF\0")) {
      return null;
    }
    if (marker == 0xE2 && head.startsWith("ICC_PROFILE\0")) {
      return null;
    }
    if (marker == 0xEE && head.startsWith("Adobe")) {
      return null;
    }
    if (marker == 0xFE) {
      return "comment " + Found.strings(b, from, to);
    }
    if (marker < 0xE0 || marker > 0xEF) {
      return null;
    }
    if (head.startsWith("Exif\0")) {
      return "EXIF metadata " + Found.strings(b, from + 6, to);
    }
    if (head.startsWith("http://ns.adobe.com/xap/1.0/")) {
      return "XMP metadata " + String.join("; ", Xmp.identifying(new String(b, from, to - from, StandardCharsets.UTF_8)));
    }
    if (head.startsWith("Photoshop 3.0")) {
      return "IPTC/Photoshop metadata " + Found.strings(b, from + 14, to);
    }
    return "application data " + Found.strings(b, from, to);
  }

  /** What one JPEG metadata segment says, for vetting. */
  private static void jpegSurfaces(int marker, byte[] b, int from, int to, List<Surface> surfaces) {
    String head = new String(b, from, Math.min(to - from, 40), StandardCharsets.ISO_8859_1);
    if (marker == 0xFE) {
      Surface.add(surfaces, "JPEG comment", new String(b, from, to - from, StandardCharsets.UTF_8), "");
    } else if (head.startsWith("Exif\0")) {
      Exif.surfaces(b, from + 6, to, surfaces);
    } else if (head.startsWith("http://ns.adobe.com/xap/1.0/")) {
      Xmp.surfaces(new String(b, from, to - from, StandardCharsets.UTF_8), "XMP", surfaces);
    }
  }

  private static void png(byte[] b, Found found, ByteArrayOutputStream out, List<Surface> surfaces) throws IOException {
    write(out, b, 0, PNG_SIGNATURE.length);
    int pos = PNG_SIGNATURE.length;
    while (pos + 12 <= b.length) {
      long length = ((long) (b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
      String type = new String(b, pos + 4, 4, StandardCharsets.ISO_8859_1);
      long end = pos + 12 + length;
      if (end > b.length) {
        throw new IOException("broken PNG: chunk " + type + " runs past the end");
      }
      int data = pos + 8;
      if (PNG_METADATA.contains(type)) {
        if (found != null) {
          found.add(type + " chunk", pngText(type, b, data, (int) (data + length)));
        }
        if (surfaces != null) {
          pngSurfaces(type, b, data, (int) (data + length), surfaces);
        }
      } else {
        write(out, b, pos, (int) (end - pos));
      }
      pos = (int) end;
      if (type.equals("IEND")) {
        return;
      }
    }
    throw new IOException("broken PNG: no IEND chunk");
  }

  private static String pngText(String type, byte[] b, int from, int to) throws IOException {
    int nul = from;
    while (nul < to && b[nul] != 0) {
      nul++;
    }
    String keyword = new String(b, from, nul - from, StandardCharsets.ISO_8859_1);
    return switch (type) {
      case "tEXt" -> keyword + " = " + Found.cut(new String(b, nul + 1, Math.max(0, to - nul - 1), StandardCharsets.ISO_8859_1));
      case "zTXt" -> keyword + " = " + Found.cut(inflate(b, nul + 2, to));
      case "iTXt" -> keyword + " = " + Found.cut(iText(b, nul + 1, to));
      case "tIME" -> "modification time";
      default -> "EXIF metadata " + Found.strings(b, from, to);
    };
  }

  private static void pngSurfaces(String type, byte[] b, int from, int to, List<Surface> surfaces) throws IOException {
    if (type.equals("eXIf")) {
      Exif.surfaces(b, from, to, surfaces);
      return;
    }
    int nul = from;
    while (nul < to && b[nul] != 0) {
      nul++;
    }
    String keyword = new String(b, from, nul - from, StandardCharsets.ISO_8859_1);
    String text = switch (type) {
      case "tEXt" -> new String(b, nul + 1, Math.max(0, to - nul - 1), StandardCharsets.ISO_8859_1);
      case "zTXt" -> inflate(b, nul + 2, to);
      case "iTXt" -> iText(b, nul + 1, to);
      default -> "";
    };
    if (keyword.equals("XML:com.adobe.xmp")) {
      Xmp.surfaces(text, "XMP", surfaces);
    } else {
      Surface.add(surfaces, "PNG text " + keyword, text, keyword);
    }
  }

  /** iTXt after the keyword: compression flag, method, language, translated keyword, text. */
  private static String iText(byte[] b, int from, int to) throws IOException {
    boolean compressed = b[from] == 1;
    int pos = from + 2;
    for (int field = 0; field < 2; field++) {
      while (pos < to && b[pos] != 0) {
        pos++;
      }
      pos++;
    }
    return compressed ? inflate(b, pos, to) : new String(b, pos, Math.max(0, to - pos), StandardCharsets.UTF_8);
  }

  private static String inflate(byte[] b, int from, int to) throws IOException {
    try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(b, from, Math.max(0, to - from)))) {
      return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }
  }

  private static void write(ByteArrayOutputStream out, byte[] b, int from, int length) {
    if (out != null) {
      out.write(b, from, length);
    }
  }
}
